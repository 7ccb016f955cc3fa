import Foundation

/// What the confidence curve of a category reads: quantities GovTag computes anyway while it
/// scores a record, put on scales where a straight line (in log-odds) fits them.
///
/// The raw counts are kept for people (`govtag explain`); ``value(_:)`` gives the model's inputs.
package struct ConfidenceFeatures: Sendable, Hashable {
  /// The features' names, in the order of ``value(_:)`` and of the calibration file's coefficients.
  package static let names = ["ratio", "share_of_top", "distinct_terms", "title_hits", "near_misses", "assigned"]
  /// How many features there are.
  package static let count = 6

  /// The score over the threshold (0 when the threshold is 0).
  package var scoreOverThreshold: Double
  /// The score over the dimension's top score (0 when nothing scored).
  package var shareOfTop: Double
  /// Distinct terms of the category with a counted hit.
  package var distinctTerms: Int
  /// Counted hits in the title.
  package var titleHits: Int
  /// Hits of the category that were found but did not count (negated, planned, excluded,
  /// cited, missing their context); hits across a word boundary or inside a longer term are
  /// left out, since a batch run does not always collect them.
  package var nearMisses: Int
  /// Whether the threshold rules (the category's threshold and the dimension's relative one)
  /// assign the category.
  package var assigned: Bool

  /// Creates features.
  package init(
    scoreOverThreshold: Double, shareOfTop: Double, distinctTerms: Int, titleHits: Int, nearMisses: Int, assigned: Bool
  ) {
    self.scoreOverThreshold = scoreOverThreshold
    self.shareOfTop = shareOfTop
    self.distinctTerms = distinctTerms
    self.titleHits = titleHits
    self.nearMisses = nearMisses
    self.assigned = assigned
  }

  /// Feature `index` as the model reads it: counts and the ratio on a log scale (`log(1 + x)`),
  /// since the first term says more than the fifth; the share and `assigned` (0 or 1) as they are.
  @inline(__always)
  package func value(_ index: Int) -> Double {
    switch index {
    case 0: scoreOverThreshold == 0 ? 0 : log1p(scoreOverThreshold)
    case 1: shareOfTop
    case 2: Self.logCount(distinctTerms)
    case 3: Self.logCount(titleHits)
    case 4: Self.logCount(nearMisses)
    default: assigned ? 1 : 0
    }
  }

  /// `log(1 + n)` for the small counts nearly every category has, from a table: most
  /// categories of a record are all zeros, and this runs for every category of every record.
  @inline(__always)
  static func logCount(_ count: Int) -> Double {
    count < smallLogs.count ? smallLogs[count] : log1p(Double(count))
  }

  private static let smallLogs: [Double] = (0..<16).map { log1p(Double($0)) }
}

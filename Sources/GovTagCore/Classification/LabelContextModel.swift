import Foundation

/// The audit's second look at a category: the probability that it applies, given GovTag's
/// confidence *and the record's other labels* (``CalibrationModel/labelContext``).
///
/// `govtag audit` reads manual labels, so besides the text it knows which other categories the
/// person gave the record. That says a lot: every case has at least one capability, so a
/// capability GovTag is sure of is rarely wrong when the person gave the record no capability
/// at all; a technology with no evidence is more believable next to `innovation.technology`
/// than next to nothing. Per dimension, a logistic regression reads
///
///     z = intercept + a·logit(confidence) + b·[no other label in the dimension]
///           + c·(other labels in the dimension) + d·co_occurrence
///
/// where `co_occurrence` is the naive-Bayes log-likelihood ratio of the category given each
/// other label of the record, from how often gold records have both (Laplace-smoothed by
/// ``smoothing``):
///
///     Σ over the record's other labels l:  log[(n(c,l) + α) / (n(c) + 2α)] − log[(n(l) − n(c,l) + α) / (N − n(c) + 2α)]
///
/// Fitted by ``CalibrationFitter`` on the same gold records as the curves, with out-of-fold
/// confidences and out-of-fold co-occurrence counts, so that the coefficients describe what
/// the model adds on records it was not fitted on. The result may raise GovTag's odds at most
/// ``maximumOddsFactor``-fold: the fit on gold labels cannot see a person's wrong label.
package struct LabelContextModel: Sendable, Hashable {
  /// The regression's inputs, in the order of ``Dimension/coefficients`` and of the file.
  package static let featureNames = ["confidence", "no_other_label", "other_labels", "co_occurrence"]
  /// The Laplace smoothing α of the co-occurrence counts.
  package static let smoothing = 0.5
  /// The L2 penalty of the slopes (toward 0): small, only to keep a fit on separable data finite.
  package static let penalty = 0.1
  /// How far the record's other labels may raise GovTag's odds that the category applies, at
  /// most: 49-fold, as if the person's labels were wrong once in 50.
  ///
  /// The regression is fitted on gold labels, which are right by construction, so it learns
  /// to trust the person completely: every case has a capability, so in gold a capability that
  /// is the record's only one always applies, and `no_other_label` gets a weight of about +8
  /// (3000-fold odds). An annotator who swaps a capability (the right one taken out, a wrong one
  /// put in) leaves exactly that pattern, and the wrong label, with no evidence and a confidence
  /// of 0.008, read 0.975 likely right. Bounded, a label GovTag gives less than 2% stays more
  /// likely wrong than right, whatever the other labels say; lowering the odds (an extra label
  /// next to others, a rare combination) is not bounded. Chosen on dev with swaps planted
  /// (docs/audit.md): 49 keeps dev's average precision where it was (0.261 against 0.260 with
  /// swaps, 0.412 against 0.418 without) and lifts the swapped-in labels from 0.84 to 0.51 of the
  /// list on average; smaller bounds lose more of what the other labels find.
  package static let maximumOddsFactor = 49.0

  /// The regression of one dimension.
  package struct Dimension: Sendable, Hashable {
    /// The dimension id.
    package var id: String
    /// The log-odds at all-zero inputs.
    package var intercept: Double
    /// One per input, in the order of ``LabelContextModel/featureNames``.
    package var coefficients: [Double]

    /// Creates a dimension's regression.
    package init(id: String, intercept: Double, coefficients: [Double]) {
      self.id = id
      self.intercept = intercept
      self.coefficients = coefficients
    }
  }

  /// Gold records that annotate every dimension: the `N` of the co-occurrence counts.
  package var records: Int
  /// Per label (`dimension.category`), how many of those records have it.
  package var labelCounts: [String: Int]
  /// Per label, how many of those records have it together with each other label (absent: 0).
  package var pairCounts: [String: [String: Int]]
  /// The regressions, in the lexicons' order.
  package var dimensions: [Dimension]

  /// Creates a model.
  package init(records: Int, labelCounts: [String: Int], pairCounts: [String: [String: Int]], dimensions: [Dimension]) {
    self.records = records
    self.labelCounts = labelCounts
    self.pairCounts = pairCounts
    self.dimensions = dimensions
  }

  /// The probability that `category` of `dimension` applies to a record, given GovTag's
  /// `confidence` and the record's `labels` (its annotated dimensions' category ids; whether
  /// they contain `category` does not matter), or `nil` when the dimension has no regression.
  ///
  /// - Parameters:
  ///   - dimension: the dimension id.
  ///   - category: the category id.
  ///   - confidence: GovTag's calibrated confidence that the category applies.
  ///   - labels: the record's labels per annotated dimension.
  /// - Returns: the probability, or `nil`.
  package func probability(
    dimension: String, category: String, confidence: Double, labels: [String: Set<String>]
  ) -> Double? {
    guard let regression = dimensions.first(where: { $0.id == dimension }),
      regression.coefficients.count == Self.featureNames.count
    else { return nil }
    let inputs = Self.inputs(
      confidence: confidence, otherLabels: labels[dimension].map { $0.subtracting([category]).count } ?? 0,
      coOccurrence: coOccurrence(of: "\(dimension).\(category)", labels: labels))
    var z = regression.intercept
    for (coefficient, input) in zip(regression.coefficients, inputs) { z += coefficient * input }
    return LogisticRegression.sigmoid(min(z, inputs[0] + log(Self.maximumOddsFactor)))
  }

  /// The regression's inputs (without the constant), in the order of ``featureNames``.
  static func inputs(confidence: Double, otherLabels: Int, coOccurrence: Double) -> [Double] {
    let clipped = min(max(confidence, 1e-6), 1 - 1e-6)
    return [log(clipped / (1 - clipped)), otherLabels == 0 ? 1 : 0, Double(otherLabels), coOccurrence]
  }

  /// The naive-Bayes log-likelihood ratio of `label` given the record's other labels: 0 when
  /// the counts never saw `label`; labels they never saw say nothing and are skipped.
  func coOccurrence(of label: String, labels: [String: Set<String>]) -> Double {
    Self.coOccurrence(
      of: label, labels: labels, records: Double(records), count: { labelCounts[$0] ?? 0 },
      pair: { pairCounts[$0]?[$1] ?? 0 })
  }

  /// ``coOccurrence(of:labels:)`` on any counts (the fitter passes out-of-fold ones).
  static func coOccurrence(
    of label: String, labels: [String: Set<String>], records: Double, count: (String) -> Int,
    pair: (String, String) -> Int
  ) -> Double {
    let n = Double(count(label))
    guard n > 0 else { return 0 }
    let alpha = smoothing
    var total = 0.0
    // Sorted, so that the sum is the same in every run (dictionary order is not).
    for dimension in labels.keys.sorted() {
      for category in labels[dimension]!.sorted() {
        let other = "\(dimension).\(category)"
        guard other != label else { continue }
        let nl = Double(count(other))
        guard nl > 0 else { continue }
        let both = Double(pair(label, other))
        total += log((both + alpha) / (n + 2 * alpha)) - log((nl - both + alpha) / (records - n + 2 * alpha))
      }
    }
    return total
  }
}

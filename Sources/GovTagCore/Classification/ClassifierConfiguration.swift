/// The scoring rules that sit outside the lexicon files.
///
/// Part of the rules version (``ClassifierModel/rulesVersion``) since changing them changes labels.
package struct ClassifierConfiguration: Sendable, Hashable {
  /// Multiplier for hits in the title: a case's title names its point more reliably than its body.
  package var titleBoost: Double = 1.5
  /// Each further hit of the same term counts this fraction of the one before, so a term repeated
  /// n times adds `weight × (1 + r + r² + … + rⁿ⁻¹)`, never more than `weight / (1 − r)`.
  package var repeatDecay: Double = 0.5
  /// Hits inside a quoted document title that the case neither cites nor is said to have made
  /// count this fraction of their weight.
  package var quotedTitleFactor: Double = 0.5
  /// Hits in a background sentence (one that opens with a background cue of `scope.yaml`, such as
  /// 近年来) count this fraction of their weight: such a sentence mostly sets the scene, but a
  /// submission may also open its own account of the case with it.
  package var backgroundFactor: Double = 0.5
  /// A score within this fraction of its threshold, on either side, flags the record for review.
  package var reviewMargin: Double = 0.25
  /// A text shorter than this many characters is flagged for review: too little to judge.
  package var shortTextLimit: Int = 30
  /// With calibrated lexicons: an assigned label whose confidence is below the upper bound, or a
  /// category that scored or nearly did whose confidence is above the lower bound, flags the
  /// record for review (instead of ``reviewMargin``). Part of the rules version only when the
  /// lexicons are calibrated, so uncalibrated versions stay as they were.
  package var reviewBand: ClosedRange<Double> = ClassifierConfiguration.defaultReviewBand
  /// The default ``reviewBand``, chosen on `Corpus/dev.jsonl` (README, "Confidence").
  package static let defaultReviewBand: ClosedRange<Double> = 0.2...0.8
  /// The dimensions whose confidences ``reviewBand`` looks at (with calibrated lexicons).
  package var reviewDimensions: [String] = ClassifierConfiguration.defaultReviewDimensions
  /// The default ``reviewDimensions``: capability, the label an office files a case under (the
  /// other dimensions' confidences are in every record, for an office that wants them read too).
  package static let defaultReviewDimensions = ["capability"]
  /// Characters of context shown on each side of a hit in the evidence.
  package var contextWidth: Int = 12

  /// The default configuration.
  package init() {}

  /// A canonical rendering of the settings, for the rules version.
  var fingerprint: String {
    "title=\(titleBoost);decay=\(repeatDecay);quoted=\(quotedTitleFactor);margin=\(reviewMargin);short=\(shortTextLimit);background=\(backgroundFactor)"
  }
}

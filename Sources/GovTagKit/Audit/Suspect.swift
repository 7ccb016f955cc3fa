/// One (record, category) on which a person and GovTag disagree: a label an auditor should check.
///
/// # Probability that the manual label is wrong
///
/// With calibrated lexicons (`calibration.yaml`), suspects are ranked by the probability that
/// the manual label is wrong, `1 − q` for a manual yes and `q` for a manual no, where `q` is
/// the probability that the category applies given GovTag's confidence and the record's other
/// manual labels (``LabelContextModel``; the confidence itself when the file has no
/// `label_context`; the other labels may raise GovTag's odds at most
/// ``LabelContextModel/maximumOddsFactor``-fold). This is confident learning's self-confidence
/// ranking (cleanlab's `rank_by="self_confidence"`), with that probability in place of a trained
/// model's out-of-sample one; see docs/audit.md. The suspicion below is still computed and shown, and
/// breaks ties.
///
/// # Suspicion
///
/// Without calibration, suspects are ranked by a suspicion score in [0, 1]: how far GovTag's
/// score for the category goes *against the person*, relative to the category's threshold:
///
/// - manual *yes*: `1 − score / threshold` while the score is below the threshold, else 0. No
///   counted evidence at all gives exactly 1, the top of the scale, which no manual no can
///   reach; just short of the threshold nearly 0; half of it 0.5.
/// - manual *no*: `1 − threshold / score` once the score reaches the threshold, else 0. A score
///   at the threshold gives 0 (a borderline call); twice the threshold 0.5; four times 0.75.
///
/// Evidence on the person's side never raises it: GovTag can say no to a manual yes whose
/// score reaches the threshold (the dimension's relative threshold, or a confidence below ½)
/// and yes to a manual no whose score does not (a label implied by another dimension's), and
/// those disagreements rank with the borderline calls (suspicion 0), each with the reason in
/// ``govtagReason``. The two directions are symmetric in ratio: a score twice the threshold
/// is as suspicious against a manual no as one half of it against a manual yes. Ties are
/// broken deterministically: a category without any hit at all (not even one that did not
/// count) first, then by record id, then by the taxonomy's order of dimension and category.
package struct Suspect: Sendable, Hashable {
  /// The record's id.
  package var id: String
  /// Where the record is (input and line).
  package var location: SourceLocation
  /// The dimension id.
  package var dimension: String
  /// The category id.
  package var category: String
  /// Whether the person assigned the category.
  package var manual: Bool
  /// Whether GovTag assigned it.
  package var predicted: Bool
  /// GovTag's score for the category.
  package var score: Double
  /// The category's threshold.
  package var threshold: Double
  /// The suspicion score: 1 most suspicious, 0 borderline.
  package var suspicion: Double
  /// GovTag's confidence that the category applies (calibrated lexicons only).
  package var confidence: Double?
  /// The probability that the manual label is wrong (calibrated lexicons only), rounded to 6
  /// decimals so that equal probabilities tie exactly.
  package var wrongProbability: Double?
  /// Why GovTag decided against its own score, when it did: a yes below the threshold (implied
  /// by another dimension's label, or a confidence of ½ or more) or a no at or above it (the
  /// dimension's relative threshold, or a confidence below ½); `nil` when the score decided.
  package var govtagReason: String?
  /// Every hit of the category in the record, counted or not, in text order; empty when GovTag
  /// found nothing at all.
  package var evidence: [Evidence]
  /// The category's position in the taxonomy, for deterministic ties.
  var order: Int

  /// The suspicion of a manual label against GovTag's `score` and `threshold`: how far the score
  /// goes against the person.
  ///
  /// - Parameters:
  ///   - manual: whether the person assigned the category.
  ///   - score: GovTag's score for the category (0 or more).
  ///   - threshold: the category's threshold (more than 0).
  /// - Returns: for a manual yes `1 − score / threshold` below the threshold, for a manual no
  ///   `1 − threshold / score` at or above it, 0 otherwise (the score is on the person's side);
  ///   rounded to 6 decimals so that equal ratios tie exactly.
  package static func suspicion(manual: Bool, score: Double, threshold: Double) -> Double {
    let against =
      manual ? (score < threshold ? 1 - score / threshold : 0) : (score >= threshold && score > 0 ? 1 - threshold / score : 0)
    return (against * 1_000_000).rounded() / 1_000_000
  }

  /// The probability that a manual label is wrong, given the probability that the category applies.
  ///
  /// - Parameters:
  ///   - manual: whether the person assigned the category.
  ///   - confidence: the probability that it applies (with the record's other labels read, or
  ///     GovTag's confidence alone).
  /// - Returns: `1 − confidence` for a manual yes, `confidence` for a manual no, to 6 decimals.
  package static func wrongProbability(manual: Bool, confidence: Double) -> Double {
    ((manual ? 1 - confidence : confidence) * 1_000_000).rounded() / 1_000_000
  }

  /// Whether `a` ranks before `b`: likelier wrong first (suspects with a probability before
  /// those without), then more suspicious, then no evidence at all, then id, then the
  /// taxonomy's order.
  package static func ranksBefore(_ a: Suspect, _ b: Suspect) -> Bool {
    if a.wrongProbability != b.wrongProbability {
      return (a.wrongProbability ?? -1) > (b.wrongProbability ?? -1)
    }
    if a.suspicion != b.suspicion { return a.suspicion > b.suspicion }
    if a.evidence.isEmpty != b.evidence.isEmpty { return a.evidence.isEmpty }
    if a.id != b.id { return a.id < b.id }
    return a.order < b.order
  }
}

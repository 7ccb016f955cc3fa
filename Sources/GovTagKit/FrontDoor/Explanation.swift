/// How a record was tagged, as ``GovTag/explain(title:text:id:)`` answers.
public struct Explanation: Sendable, Hashable, Encodable {
  /// The tagged record, with every hit in ``TaggedRecord/evidence``: those that counted and
  /// those that did not (across a word boundary, inside a longer term, negated...), each with
  /// its ``TaggedRecord/Hit/status`` and ``TaggedRecord/Hit/why``.
  public var record: TaggedRecord
  /// The explanation as `govtag explain` prints it: per dimension, each category's score
  /// against its threshold and the hits that made it.
  public var report: String
  /// Whether `calibration.yaml` was fitted against other lexicons (``LexiconSummary/calibrationStale``):
  /// the confidences, the labels of categories labelled by confidence and the review flags of
  /// this answer then come from curves fitted to other lexicons (`calibration_stale` in JSON).
  public var calibrationStale: Bool
}

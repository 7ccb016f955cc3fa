/// The result of `govtag audit`: how far manual labels agree with GovTag's, and the disagreements
/// ranked so that the likeliest wrong labels come first.
public struct AuditReport: Sendable {
  /// The field that held the manual labels.
  public var field: String
  /// The rules version of the lexicons.
  public var lexiconVersion: String
  /// The inputs, as named.
  public var inputs: [String]
  /// Records compared.
  public var records: Int
  /// Per-category tables: manual labels as reference, GovTag as second judge.
  public var agreement: AgreementTally
  /// Province and region agreement.
  public var location: LocationAgreement
  /// Every disagreement on a category the lexicons define, most suspicious first (see ``Suspect``).
  public var suspects: [Suspect]
  /// Every term that fired, terms to review first.
  public var terms: [TermAccountability.Entry]
  /// How many records were read, compared and skipped.
  public var summary: CorpusSummary
}

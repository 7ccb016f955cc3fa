/// The result of `govtag audit`: how far manual labels agree with GovTag's, and the disagreements
/// ranked so that the likeliest wrong labels come first.
package struct AuditReport: Sendable {
  /// The field that held the manual labels.
  package var field: String
  /// The rules version of the lexicons.
  package var lexiconVersion: String
  /// The inputs, as named.
  package var inputs: [String]
  /// Records compared.
  package var records: Int
  /// Per-category tables: manual labels as reference, GovTag as second judge.
  package var agreement: AgreementTally
  /// Province and region agreement.
  package var location: LocationAgreement
  /// Every disagreement on a category the lexicons define, most suspicious first (see ``Suspect``).
  package var suspects: [Suspect]
  /// Every record whose manual province or region differs from GovTag's, in input order.
  package var locationDisagreements: [LocationDisagreement] = []
  /// Every term that fired, terms to review first.
  package var terms: [TermAccountability.Entry]
  /// How many records were read, compared and skipped.
  package var summary: ReadSummary
}

extension AgreementTable {
  /// The share of the second judge's yes that the reference confirms: `bothYes / predictedYes`,
  /// or 0 when the second judge never said yes.
  ///
  /// Undefined ratios are 0 rather than missing, as in most evaluation toolkits, so that a
  /// category GovTag never assigns scores 0 in the macro average instead of vanishing from it.
  package var precision: Double { predictedYes == 0 ? 0 : Double(bothYes) / Double(predictedYes) }

  /// The share of the reference's yes that the second judge found: `bothYes / referenceYes`,
  /// or 0 when the reference never said yes.
  package var recall: Double { referenceYes == 0 ? 0 : Double(bothYes) / Double(referenceYes) }

  /// The harmonic mean of precision and recall, `2PR / (P + R)`, or 0 when both are 0.
  package var f1: Double {
    let (p, r) = (precision, recall)
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }
}

extension AgreementTable {
  /// The share of records the two judges agree on, `(bothYes + bothNo) / total`; `nil` for an
  /// empty table.
  package var observedAgreement: Double? {
    total == 0 ? nil : Double(bothYes + bothNo) / Double(total)
  }

  /// The agreement expected by chance from each judge's own rate of yes:
  /// `p_e = p_ref·p_pred + (1 − p_ref)(1 − p_pred)`; `nil` for an empty table.
  package var expectedAgreement: Double? {
    guard total > 0 else { return nil }
    let n = Double(total)
    let reference = Double(referenceYes) / n
    let predicted = Double(predictedYes) / n
    return reference * predicted + (1 - reference) * (1 - predicted)
  }

  /// Cohen's kappa: agreement beyond chance, `κ = (p_o − p_e) / (1 − p_e)`; `nil` for an empty table.
  ///
  /// κ is 1 for perfect agreement, 0 for agreement no better than chance, and negative below it.
  /// When `p_e = 1` both judges gave every record the same single value (all yes or all no), so
  /// the formula divides 0 by 0; κ is then defined as 1 when `p_o = 1`, which is always the case
  /// there: the judges cannot disagree on anything (and 0 otherwise, which cannot happen with
  /// exact counts but keeps the function total).
  package var kappa: Double? {
    guard let observed = observedAgreement, let expected = expectedAgreement else { return nil }
    if bothYes + bothNo == total && (bothYes == total || bothNo == total) { return 1 }
    guard expected < 1 else { return observed == 1 ? 1 : 0 }
    return (observed - expected) / (1 - expected)
  }
}

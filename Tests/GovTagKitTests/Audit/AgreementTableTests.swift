import GovTagKit
import Testing

@Suite("Agreement tables: precision, recall, F1 and Cohen's kappa")
struct AgreementTableTests {
  /// Tolerance for floating-point figures computed by hand.
  static let tolerance = 1e-12

  @Test("kappa matches a hand-computed 2×2 table")
  func kappaByHand() {
    // 50 records judged by a reference (rows) and a second judge (columns):
    //
    //                    second yes   second no   total
    //   reference yes        20            5         25
    //   reference no         10           15         25
    //   total                30           20         50
    //
    // p_o = (20 + 15) / 50                         = 0.7
    // p_e = (25/50)(30/50) + (25/50)(20/50)        = 0.30 + 0.20 = 0.5
    // κ   = (p_o − p_e) / (1 − p_e) = 0.2 / 0.5    = 0.4
    let table = AgreementTable(bothYes: 20, referenceOnly: 5, predictedOnly: 10, bothNo: 15)
    #expect(table.total == 50)
    #expect(abs((table.observedAgreement ?? -1) - 0.7) < Self.tolerance)
    #expect(abs((table.expectedAgreement ?? -1) - 0.5) < Self.tolerance)
    #expect(abs((table.kappa ?? -1) - 0.4) < Self.tolerance)
    // Precision 20/30, recall 20/25, F1 = 2·(2/3)(4/5) / (2/3 + 4/5) = 8/11.
    #expect(abs(table.precision - 2.0 / 3.0) < Self.tolerance)
    #expect(abs(table.recall - 0.8) < Self.tolerance)
    #expect(abs(table.f1 - 8.0 / 11.0) < Self.tolerance)
  }

  @Test("kappa is symmetric in the two judges")
  func kappaSymmetric() {
    let table = AgreementTable(bothYes: 7, referenceOnly: 2, predictedOnly: 4, bothNo: 11)
    let swapped = AgreementTable(bothYes: 7, referenceOnly: 4, predictedOnly: 2, bothNo: 11)
    #expect(abs((table.kappa ?? 0) - (swapped.kappa ?? 1)) < Self.tolerance)
  }

  struct EdgeCase: Sendable, CustomTestStringConvertible {
    var id: String
    var table: AgreementTable
    var kappa: Double?
    var precision: Double
    var recall: Double
    var testDescription: String { id }
  }

  static let edgeCases: [EdgeCase] = [
    // p_e = 1: both judges said no to everything; κ is defined as 1.
    EdgeCase(id: "all no (p_e = 1)", table: AgreementTable(bothNo: 9), kappa: 1, precision: 0, recall: 0),
    // p_e = 1: both said yes to everything.
    EdgeCase(id: "all yes (p_e = 1)", table: AgreementTable(bothYes: 4), kappa: 1, precision: 1, recall: 1),
    // p_o = 0, p_e = 0.5·0.5 + 0.5·0.5 = 0.5: κ = (0 − 0.5) / 0.5 = −1.
    EdgeCase(
      id: "complete disagreement", table: AgreementTable(referenceOnly: 3, predictedOnly: 3), kappa: -1, precision: 0,
      recall: 0),
    // p_o = 0, p_e = 1·0 + 0·1 = 0: κ = 0.
    EdgeCase(id: "reference all yes, judge all no", table: AgreementTable(referenceOnly: 5), kappa: 0, precision: 0, recall: 0),
    EdgeCase(id: "empty table", table: AgreementTable(), kappa: nil, precision: 0, recall: 0),
  ]

  @Test("edge cases: p_e = 1, total disagreement, no predictions, no records", arguments: edgeCases)
  func edges(_ item: EdgeCase) {
    if let expected = item.kappa {
      #expect(abs((item.table.kappa ?? .nan) - expected) < Self.tolerance)
    } else {
      #expect(item.table.kappa == nil)
    }
    #expect(item.table.precision == item.precision)
    #expect(item.table.recall == item.recall)
  }

  @Test("macro averages skip categories nobody assigned")
  func macro() {
    let tables = [
      AgreementTable(bothYes: 2, predictedOnly: 1, bothNo: 3),  // P 2/3, R 1, F1 0.8
      AgreementTable(bothYes: 2, referenceOnly: 2, bothNo: 2),  // P 1, R 0.5, F1 2/3
      AgreementTable(referenceOnly: 1, bothNo: 5),  // P 0, R 0, F1 0
      AgreementTable(bothNo: 6),  // no support: left out
    ]
    let macro = MacroAverage(tables)
    #expect(macro.categories == 3)
    #expect(abs(macro.precision - (2.0 / 3.0 + 1) / 3) < Self.tolerance)
    #expect(abs(macro.recall - 0.5) < Self.tolerance)
    #expect(abs(macro.f1 - (0.8 + 2.0 / 3.0) / 3) < Self.tolerance)
  }
}

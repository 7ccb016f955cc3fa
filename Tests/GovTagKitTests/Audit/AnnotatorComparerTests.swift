import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Annotator comparison: inter-annotator kappa and GovTag's side")
struct AnnotatorComparerTests {
  @Test("two known annotations give the known kappa, per category and pooled")
  func knownKappa() throws {
    // annotator-b.jsonl lists the same 8 records as annotator-a.jsonl in reverse order, with three
    // differences: r01 economic_regulation (A yes, B no), r08 economic_regulation (A no, B yes),
    // r07 ai (A no, B yes).
    let comparison = try AnnotatorComparer(model: Fixtures.model, jobs: 2).compare(
      Fixtures.path("audit/annotator-a.jsonl"), Fixtures.path("audit/annotator-b.jsonl"))
    #expect(comparison.matched == 8 && comparison.succeeded)
    func table(_ dimension: String, _ category: String) -> AgreementTable? {
      comparison.agreement.dimensions.first { $0.dimension.id == dimension }?.categories.first { $0.category.id == category }?
        .table
    }
    // economic_regulation: both yes 3, A only 1, B only 1, both no 3.
    // p_o = 6/8 = 0.75; p_e = 0.5·0.5 + 0.5·0.5 = 0.5; κ = 0.25 / 0.5 = 0.5.
    #expect(
      table("capability", "economic_regulation") == AgreementTable(bothYes: 3, referenceOnly: 1, predictedOnly: 1, bothNo: 3))
    #expect(abs((table("capability", "economic_regulation")?.kappa ?? 0) - 0.5) < 1e-12)
    // ai: both yes 2, B only 1, both no 5. p_o = 7/8; p_e = (2/8)(3/8) + (6/8)(5/8) = 36/64;
    // κ = (56/64 − 36/64) / (28/64) = 20/28 = 5/7.
    #expect(abs((table("technology", "ai")?.kappa ?? 0) - 5.0 / 7.0) < 1e-12)
    // Pooled over 8 records × 15 categories = 120 decisions: A yes 13, B yes 14, both yes 12,
    // A only 1, B only 2, both no 105. p_o = 117/120; p_e = (13·14 + 107·106) / 120² = 11524/14400;
    // κ = (14040 − 11524) / (14400 − 11524) = 2516/2876.
    let pooled = comparison.pooled
    #expect(pooled == AgreementTable(bothYes: 12, referenceOnly: 1, predictedOnly: 2, bothNo: 105))
    #expect(abs((pooled.kappa ?? 0) - 2516.0 / 2876.0) < 1e-12)
    // GovTag assigns economic_regulation in r01 (with A), not in r08 (with A), and ai in r07 (with B).
    #expect(comparison.overallSides == AnnotatorComparison.Sides(withA: 2, withB: 1))
  }

  @Test("records in one file only and repeated ids are reported and left out")
  func unmatched() throws {
    let directory = Fixtures.temporaryDirectory()
    let a = Fixtures.write(
      """
      {"id":"1","text":"推进一网通办","manual":{"capability":["public_service"]}}
      {"id":"2","text":"优化营商环境","manual":{"capability":["economic_regulation"]}}
      {"id":"1","text":"推进一网通办","manual":{"capability":[]}}

      """, to: "a.jsonl", in: directory)
    let b = Fixtures.write(
      """
      {"id":"3","text":"应用人工智能","manual":{"capability":[]}}
      {"id":"1","text":"推进一网通办","manual":{"capability":[]}}

      """, to: "b.jsonl", in: directory)
    var problems: [String] = []
    let comparison = try AnnotatorComparer(model: Fixtures.model, jobs: 1).compare(a, b) { problems.append($0.description) }
    #expect(comparison.matched == 1)
    #expect(comparison.onlyInA.map(\.id) == ["2"] && comparison.onlyInB.map(\.id) == ["3"])
    #expect(!comparison.succeeded)
    #expect(
      problems == [
        "\(a):2: record \"2\": no record with this id in \(b); only records in both files are compared",
        "\(a):3: duplicate id \"1\" (first at \(a):1); only the first record with this id is used",
        "\(b):1: record \"3\": no record with this id in \(a); only records in both files are compared",
      ])
    #expect(comparison.summaryA.failed == 0 && comparison.summaryA.used == 2 && comparison.summaryA.duplicateIDs == 1)
  }
}

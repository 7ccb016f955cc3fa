import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Evaluator: GovTag against gold labels")
struct EvaluatorTests {
  static let tolerance = 1e-12

  func evaluate(groupBy: String? = nil) throws -> Evaluation {
    try Evaluator(model: Fixtures.model, groupBy: groupBy, jobs: 2).evaluate(inputs: [Fixtures.path("audit/eval-gold.jsonl")])
  }

  func table(_ figures: EvaluationFigures, _ dimension: String, _ category: String) -> AgreementTable? {
    figures.agreement.dimensions.first { $0.dimension.id == dimension }?.categories.first { $0.category.id == category }?.table
  }

  @Test("per-category support and P/R/F1 equal the hand count")
  func perCategory() throws {
    let figures = try evaluate().overall
    #expect(figures.records == 6)
    // GovTag (fixture lexicons) assigns: e1 {public_service, economic_regulation}, e2 {public_service},
    // e3 {}, e4 {economic_regulation}, e5 {economic_regulation}, e6 {} (政务服务 2 < 4).
    // Gold: e1 {public_service, economic_regulation}, e2 {public_service}, e3 {social_management},
    // e4 {economic_regulation}, e5 {public_service}, e6 {public_service}.
    // economic_regulation: gold 2, predicted 3, tp 2 → P 2/3, R 1, F1 0.8.
    let economic = try #require(table(figures, "capability", "economic_regulation"))
    #expect([economic.referenceYes, economic.predictedYes, economic.bothYes] == [2, 3, 2])
    #expect(abs(economic.precision - 2.0 / 3.0) < Self.tolerance)
    #expect(economic.recall == 1)
    #expect(abs(economic.f1 - 0.8) < Self.tolerance)
    // public_service: gold 4, predicted 2, tp 2 → P 1, R 0.5, F1 2/3.
    let service = try #require(table(figures, "capability", "public_service"))
    #expect([service.referenceYes, service.predictedYes, service.bothYes] == [4, 2, 2])
    #expect(service.precision == 1 && service.recall == 0.5)
    #expect(abs(service.f1 - 2.0 / 3.0) < Self.tolerance)
    // social_management (not in the fixture lexicons): gold 1, predicted 0 → 0, 0, 0.
    let social = try #require(table(figures, "capability", "social_management"))
    #expect([social.referenceYes, social.predictedYes, social.bothYes] == [1, 0, 0])
    #expect(social.f1 == 0)
  }

  @Test("micro pools the categories; macro averages those with support")
  func averages() throws {
    let figures = try evaluate().overall
    let capability = try #require(figures.agreement.dimensions.first { $0.dimension.id == "capability" })
    // Micro: gold 7, predicted 5, tp 4 → P 0.8, R 4/7, F1 = 2·4 / (7 + 5) = 2/3.
    let micro = capability.pooled
    #expect([micro.referenceYes, micro.predictedYes, micro.bothYes] == [7, 5, 4])
    #expect(abs(micro.precision - 0.8) < Self.tolerance)
    #expect(abs(micro.recall - 4.0 / 7.0) < Self.tolerance)
    #expect(abs(micro.f1 - 2.0 / 3.0) < Self.tolerance)
    // Macro over the 3 categories with support (economic_regulation, social_management, public_service):
    // P (2/3 + 0 + 1) / 3, R (1 + 0 + 0.5) / 3 = 0.5, F1 (0.8 + 0 + 2/3) / 3.
    let macro = capability.macro
    #expect(macro.categories == 3)
    #expect(abs(macro.precision - (2.0 / 3.0 + 1) / 3) < Self.tolerance)
    #expect(abs(macro.recall - 0.5) < Self.tolerance)
    #expect(abs(macro.f1 - (0.8 + 2.0 / 3.0) / 3) < Self.tolerance)
    // technology: ai 2/2/2, iot 1/1/1, gis 1/0/0 → macro F1 (1 + 1 + 0) / 3; micro F1 = 6 / 7.
    let technology = try #require(figures.agreement.dimensions.first { $0.dimension.id == "technology" })
    #expect(abs(technology.macro.f1 - 2.0 / 3.0) < Self.tolerance)
    #expect(abs(technology.pooled.f1 - 6.0 / 7.0) < Self.tolerance)
    // Dimensions without a lexicon file are not evaluated.
    #expect(figures.agreement.dimensions.map(\.dimension.id) == ["capability", "technology"])
  }

  @Test("province and region accuracy over records with a gold province; null provinces apart")
  func location() throws {
    let location = try evaluate().overall.location
    // e1 杭州 → 浙江 ✓, e2 深圳 → 广东 ✓, e3 重庆 ✓, e4 长春 → 吉林 but gold 辽宁 ✗ (region central vs east ✗).
    #expect(location.provinceRecords == 4 && location.provinceCorrect == 3)
    #expect(location.provinceAccuracy == 0.75)
    #expect(location.regionRecords == 4 && location.regionCorrect == 3)
    // e5 names no place; e6 names 北京, which gold says is no province.
    #expect(location.nullProvinceRecords == 2 && location.nullProvinceAssigned == 1)
  }

  @Test("the capability confusion lists what GovTag assigned instead of each missed gold category")
  func confusion() throws {
    let cells = try evaluate().overall.confusion.cells
    #expect(
      cells == [
        .init(reference: "public_service", predicted: "economic_regulation", count: 1),  // e5
        .init(reference: "public_service", predicted: nil, count: 1),  // e6
        .init(reference: "social_management", predicted: nil, count: 1),  // e3
      ])
  }

  @Test("grouping by year gives the same figures per year")
  func byYear() throws {
    let evaluation = try evaluate(groupBy: "year")
    #expect(evaluation.groups.map(\.value) == ["2022", "2023"])
    #expect(evaluation.groups.map(\.figures.records) == [3, 3])
    let year2022 = evaluation.groups[0].figures
    // 2022: e1, e2, e6. public_service gold 3, predicted 2, tp 2.
    let service = try #require(table(year2022, "capability", "public_service"))
    #expect([service.referenceYes, service.predictedYes, service.bothYes] == [3, 2, 2])
    #expect(year2022.location.provinceCorrect == 2 && year2022.location.nullProvinceAssigned == 1)
    #expect(evaluation.summary.used == 6 && evaluation.summary.succeeded)
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// The audit's ranking of swapped labels and of disagreements where GovTag decided against its
/// own score, on six cases of Corpus/test.jsonl with the bundled lexicons
/// (Tests/Fixtures/audit/swaps.jsonl: gold labels as "manual", with four capabilities swapped as
/// an annotator swaps them: gt1-022 social_management → environmental_protection, gt3-037
/// environmental_protection → public_service, gt3-054 environmental_protection →
/// market_supervision, test-y018 public_service → market_supervision).
@Suite("Suspect ranking: swapped labels, direction, GovTag's reasons")
struct SuspectRankingTests {
  var lexicons: String { Fixtures.repository.appendingPathComponent("Lexicons").path }
  var fixture: String { Fixtures.path("audit/swaps.jsonl") }

  func audit(calibrated: Bool) throws -> [Suspect] {
    try Auditor(model: ClassifierModel.load(lexiconDirectory: lexicons, calibrated: calibrated), jobs: 2)
      .audit(inputs: [fixture]).suspects
  }

  @Test("a swapped-in capability without evidence ranks above the borderline calls, its P(wrong) at the bound")
  func swappedIn() throws {
    let suspects = try audit(calibrated: true)
    func find(_ id: String, _ category: String) throws -> (rank: Int, suspect: Suspect) {
      let index = try #require(suspects.firstIndex { $0.id == id && $0.category == category })
      return (index + 1, suspects[index])
    }
    // No term of these categories counts in their records, and GovTag gives them under 1%; the
    // other labels (each is the person's only capability) may raise the odds only 49-fold, so
    // P(wrong) = 1 − 49p / (49p + 1 − p). Before the bound the first read P(wrong) 0.025 and
    // ranked last of the 16 suspects.
    for (id, category) in [
      ("gt1-022", "environmental_protection"), ("gt3-037", "public_service"), ("test-y018", "market_supervision"),
    ] {
      let (rank, suspect) = try find(id, category)
      let p = try #require(suspect.confidence)
      #expect(suspect.manual && suspect.score == 0 && p < 0.01, "\(id) \(category)")
      let bounded = 1 - 49 * p / (49 * p + 1 - p)
      #expect(abs(try #require(suspect.wrongProbability) - bounded) < 1e-6, "\(id) \(category)")
      #expect(try #require(suspect.wrongProbability) > 0.65, "\(id) \(category)")
      // Above every suspect whose manual label is as likely right as wrong, or likelier.
      #expect(suspects.prefix(rank - 1).allSatisfy { ($0.wrongProbability ?? 0) > 0.5 }, "\(id) \(category) at \(rank)")
    }
    #expect(try find("gt1-022", "environmental_protection").rank == 8)
    #expect(suspects.count == 16)
  }

  @Test("without calibration, evidence on the person's side gives suspicion 0, and the line says why GovTag decided")
  func direction() throws {
    let suspects = try audit(calibrated: false)
    let ranked = suspects.map { "\($0.id) \($0.category) \($0.suspicion)" }
    #expect(
      ranked == [
        "gt3-012 government_transparency 1.0", "gt3-037 public_service 1.0", "gt3-037 management 1.0",
        "gt3-054 data_application 1.0", "test-y010 ai 1.0", "test-y018 market_supervision 1.0",
        "gt1-022 environmental_protection 1.0", "gt1-022 social_management 0.948553", "test-y018 public_service 0.625",
        "gt3-037 blockchain 0.571429", "gt3-054 environmental_protection 0.555556", "gt3-037 environmental_protection 0.5",
        "gt3-054 market_supervision 0.333333", "gt3-012 government_operations 0.0", "test-y010 market_supervision 0.0",
        "test-y010 environmental_protection 0.0",
      ])
    // Implied by another dimension's label at score 0: was suspicion 1, the top of the list.
    let implied = try #require(suspects.first { $0.id == "gt3-012" && $0.category == "government_operations" })
    #expect(!implied.manual && implied.predicted && implied.score == 0)
    #expect(
      implied.govtagReason
        == "GovTag yes: implied by data_element.data_sharing (the lexicon's implied_by), not by its own score")
    // Five times the threshold, kept out by the relative rule: was suspicion 0.812.
    let kept = try #require(suspects.first { $0.id == "test-y010" && $0.category == "environmental_protection" })
    #expect(kept.manual && !kept.predicted && kept.score == 16 && kept.threshold == 3)
    #expect(
      kept.govtagReason
        == "GovTag no at the threshold or above: kept out by the relative rule, below 28.622, 50% of the top score 57.243")
    #expect(suspects.filter { $0.govtagReason != nil }.count == 3)
  }

  @Test("the text output prints GovTag's reason under the suspect's line")
  func text() throws {
    let report = try Auditor(model: ClassifierModel.load(lexiconDirectory: lexicons, calibrated: false), jobs: 2)
      .audit(inputs: [fixture])
    let lines = report.renderText(top: 16, terms: false).split(separator: "\n").map(String.init)
    let index = try #require(lines.firstIndex { $0.contains("14. gt3-012") })
    #expect(
      lines[index].hasSuffix(
        "capability.government_operations: manual no, GovTag yes, score 0 of 3, suspicion 0.000"))
    #expect(
      lines[index + 1]
        == "      GovTag yes: implied by data_element.data_sharing (the lexicon's implied_by), not by its own score")
    #expect(lines[index + 2] == "      no evidence: no term of the category occurs in the record")
  }
}

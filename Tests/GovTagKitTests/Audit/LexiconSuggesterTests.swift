import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Lexicon suggestions: weighted log-odds of n-grams per category")
struct LexiconSuggesterTests {
  func suggest(minCount: Int = 3) throws -> LexiconSuggestions {
    try LexiconSuggester(
      model: Fixtures.model, field: .init(name: "manual"), top: 5, minCount: minCount, jobs: 2
    ).suggest(inputs: [Fixtures.path("audit/suggest.jsonl")])
  }

  @Test("a phrase planted in all of a category's records, and missing from its lexicon, comes first")
  func plantedTerm() throws {
    // Six public_service records contain 智慧停车诱导 (智慧|停车|诱导) next to varied words; six
    // other records do not. Its parts 智慧停车, 停车诱导, 诱导… have the same counts and are
    // contained in it, so only the whole phrase is listed.
    let suggestions = try suggest()
    let service = try #require(suggestions.categories.first { $0.category.id == "public_service" })
    #expect(service.recordsIn == 6 && service.recordsOut == 6)
    let first = try #require(service.candidates.first)
    #expect(first.ngram == "智慧停车诱导")
    #expect(first.countIn == 6 && first.countOut == 0)
    #expect(first.example == "市民通过智慧停车诱导屏查看空余车位，一网通办平台同步发布信息。")
    #expect(!service.candidates.contains { ["智慧停车", "停车诱导", "诱导"].contains($0.ngram) })
    // 一网通办 is already a term of public_service.
    #expect(!service.candidates.contains { $0.ngram.contains("一网通办") })
    // 停车 also occurs in an other record (s11): listed below the phrase, with its counts.
    #expect(service.candidates.first { $0.ngram == "停车" }.map { [$0.countIn, $0.countOut] } == [6, 1])
  }

  @Test("the weighted log-odds z-score matches a hand computation")
  func logOdds() {
    // y_i = 6 of n_i = 60, y_j = 0 of n_j = 40, prior α_w = 6 of α_0 = 100:
    // δ = ln(12 / 148) − ln(6 / 134) = ln(1608 / 888) ≈ 0.5937747;
    // σ² = 1/12 + 1/6 = 0.25; z = δ / 0.5 ≈ 1.1875494.
    let statistic = WeightedLogOdds(countIn: 6, totalIn: 60, countOut: 0, totalOut: 40, prior: 6, priorTotal: 100)
    #expect(abs(statistic.delta - 0.593_774_706_746_741_8) < 1e-12)
    #expect(statistic.variance == 0.25)
    #expect(abs(statistic.z - 1.187_549_413_493_483_6) < 1e-12)
  }

  @Test("min-count drops rarer n-grams; categories without records are not listed")
  func minCount() throws {
    let strict = try suggest(minCount: 7)
    #expect(strict.categories.allSatisfy { $0.candidates.isEmpty })
    #expect(
      strict.categories.map(\.category.qualifiedID) == [
        "capability.economic_regulation", "capability.social_management", "capability.public_service",
        "capability.government_transparency",
      ])
  }
}

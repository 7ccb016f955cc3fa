import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Scoring a term repeated many times")
struct RepeatedTermTests {
  /// The contribution of the k-th hit the way scoring always defined it: the weight multiplied
  /// by the decay k times, left to right, then rounded to three decimals.
  static func reference(weight: Double, decay: Double, repeats: Int) -> Double {
    var contribution = weight
    for _ in 0..<repeats { contribution *= decay }
    return (contribution * 1000).rounded() / 1000
  }

  @Test("every hit's contribution equals weight × decay^k bit for bit, for 3,000 repeats")
  func identicalToRepeatedMultiplication() throws {
    let tagger = try Tagger(model: Fixtures.model)
    let text = Array(repeating: "一网通办", count: 3000).joined(separator: "，")
    let result = try tagger.classify(title: nil, text: text)
    let hits = result.evidence.filter { $0.term == "一网通办" && $0.status == .counted }
    #expect(hits.count == 3000)
    let decay = Fixtures.model.configuration.repeatDecay
    let expected = (0..<3000).map { Self.reference(weight: 4, decay: decay, repeats: $0) }
    #expect(hits.map(\.contribution.bitPattern) == expected.map(\.bitPattern))
    #expect(result.score("capability", "public_service") == 8)
  }

  @Test("50,000 repeats of one term are scored in linear time", .timeLimit(.minutes(1)))
  func linear() throws {
    let tagger = try Tagger(model: Fixtures.model)
    let text = String(repeating: "一网通办，", count: 50_000)
    let result = try tagger.classify(title: nil, text: text)
    #expect(result.evidence.filter { $0.term == "一网通办" && $0.status == .counted }.count == 50_000)
    #expect(result.score("capability", "public_service") == 8)
  }
}

import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Scope guards: negation, plans and quoted titles")
struct ScopeTests {
  let tagger: Tagger

  init() throws { tagger = try Tagger(model: Fixtures.model) }

  func statuses(_ text: String) throws -> [String] {
    try tagger.hits(in: text).filter { $0.term != "通办" }.map { "\($0.term):\($0.status.code)" }
  }

  @Test("a negation before the hit in its clause suppresses it, across 、 but not across ， nor past 即")
  func negation() throws {
    #expect(try statuses("本市尚未实现一网通办、营商环境优化") == ["一网通办:negated", "营商环境:negated"])
    #expect(try statuses("尚未统一标准，已实现一网通办") == ["一网通办:counted"])
    // What follows 即 is what happens when the negated condition holds (未检测到…即自动向村级服务站…, dev-v009).
    #expect(try statuses("超过时限未受理即自动转入一网通办") == ["一网通办:counted"])
    #expect(try statuses("超过时限未转入一网通办") == ["一网通办:negated"])
    // 未 inside 未来 is not a cue (ICU keeps 未来 as one word).
    #expect(try statuses("面向未来推进一网通办") == ["一网通办:counted"])
  }

  @Test("a comma inside a number (1,400) does not end the negation's clause; one between words does")
  func numbersKeepTheirClause() throws {
    #expect(try statuses("本市尚未实现1,400项一网通办") == ["一网通办:negated"])
    #expect(try statuses("本市尚未实现3.5万项一网通办") == ["一网通办:negated"])
    #expect(try statuses("本市尚未统一标准,已实现一网通办") == ["一网通办:counted"])
  }

  @Test("a plan cue suppresses, and the evidence says which cue")
  func plan() throws {
    let hits = try tagger.hits(in: "下一步将推进一网通办").filter { $0.term == "一网通办" }
    #expect(hits.map(\.status) == [.planned(cue: "下一步")])
    #expect(hits.first?.status.explanation == "only planned (\"下一步\" in its clause)")
  }

  @Test("quoted titles: cited ones do not count, made ones count, others count half")
  func quotedTitles() throws {
    #expect(try statuses("依据《优化营商环境条例》开展工作") == ["营商环境:cited_title"])
    #expect(try statuses("制定《优化营商环境条例》") == ["营商环境:counted"])
    #expect(try statuses("《营商环境报告》显示") == ["营商环境:quoted_title"])
    let half = try tagger.classify(title: nil, text: "《营商环境报告》显示")
    #expect(half.score("capability", "economic_regulation") == 1.5)
  }

  @Test("scope files are validated")
  func scopeErrors() {
    do {
      _ = try ScopeRules.parse("negation: [未]\nplans: [拟]\n" + Fixtures.scopeGrammar, file: "scope.yaml")
      Issue.record("a misspelt key must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.description
          == #"scope.yaml:2:1: unknown key "plans" in the scope file; expected negation, plan, citation, enactment, aim, background, use, focus, purpose, purpose_clauses, pending, speech, list_closers, frames, plan_without_will, negation_stops_at, will, must, speech_not_after, meeting_demand"#
      )
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("a relative threshold drops a passing second topic")
  func relativeThreshold() throws {
    let yaml = """
      dimension: capability
      threshold: 3
      relative_threshold: 0.5
      categories:
        public_service:
          terms:
            一网通办: 5
        economic_regulation:
          terms:
            营商环境: 3
      """
    let lexicon = try LexiconLoader().parse(yaml, file: "cap.yaml")
    let model = ClassifierModel(lexicons: LexiconSet(dimensions: [lexicon]))
    let tagger = try Tagger(model: model)
    // 一网通办 ×3 = 5 + 2.5 + 1.25 = 8.75; 营商环境 3 < 8.75 × 0.5.
    let result = try tagger.classify(title: nil, text: "一网通办，一网通办，一网通办，优化营商环境")
    #expect(result.labels("capability") == ["public_service"])
    #expect(result.score("capability", "economic_regulation") == 3)
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// `counts_in_rules: false`: a category whose hits count nothing in a document's title or in what a
/// document provides (a regulation on data sharing is a data standard, not sharing).
@Suite("Rules on a category: what a document provides is no work of the case (counts_in_rules)")
struct ProvisionTests {
  static let dataElement = """
    dimension: data_element
    categories:
      data_sharing:
        threshold: 2
        counts_in_rules: false
        terms:
          数据共享: 4
          共享: 2
      data_standards:
        threshold: 2
        terms:
          管理办法: 2
    """

  static let scope = """
    enactment: [印发]
    \(Fixtures.scopeGrammar)
    """

  static func tagger(_ yaml: String = Self.dataElement) throws -> Tagger {
    let lexicons = LexiconSet(dimensions: [try LexiconLoader().parse(yaml, file: "data_element.yaml")])
    return try Tagger(model: ClassifierModel(lexicons: lexicons, scope: try ScopeRules.parse(Self.scope, file: "scope.yaml")))
  }

  func statuses(_ text: String, _ category: String) throws -> [String] {
    try Self.tagger().hits(in: text).filter { $0.category == category && $0.status.isReportedByDefault }
      .map { "\($0.term):\($0.status.code)" }
  }

  @Test("a document's title and the sentence a title opens speak for the document; the case's own sharing counts")
  func provisions() throws {
    // dev-s042, shortened: the title (共享 inside its 数据共享 too), what 《办法》 provides (a ； does
    // not end it), then the case's own work.
    let text = "省政府印发《政务数据共享管理办法》。《办法》明确，政务数据以共享为原则；同时对共享数据的使用作出规定。平台已实现部门间数据共享。"
    #expect(
      try statuses(text, "data_sharing") == [
        "数据共享:provision", "共享:provision", "共享:provision", "共享:provision", "数据共享:counted",
      ])
    // Other categories keep the quoted-title rules: the case issued the rule, so it counts.
    #expect(try statuses(text, "data_standards") == ["管理办法:counted"])
    let hit = try #require(try Self.tagger().hits(in: text).first { $0.category == "data_sharing" })
    #expect(hit.status == .provision)
    #expect(
      hit.status.explanation
        == "in a document's title or what a document provides (《…》): a rule on this is a standard or a provision, not what the case does"
    )
    // Without the last sentence nothing of the case's own is left: no data_sharing label.
    let rule = try Self.tagger().classify(title: "《政务数据共享管理办法》正式施行", text: "《办法》明确，政务数据以共享为原则。")
    #expect(rule.labels("data_element") == [])
  }

  @Test("a title inside a clause covers itself only, and a sentence mark ends what a title opens")
  func titleInsideAClause() throws {
    #expect(
      try statuses("平台按照《共享目录》实现数据共享。", "data_sharing") == ["共享:provision", "数据共享:counted"])
    #expect(
      try statuses("《办法》明确共享原则。平台实现数据共享", "data_sharing") == ["共享:provision", "数据共享:counted"])
  }

  @Test("what an issued document's sentence goes on to say is its content; a cited document's is the case's own work")
  func enactedTitle() throws {
    // dev-t022, shortened: 印发 is an enactment cue of the test's scope rules (a cue counts before a counted hit
    // of its clause: 管理办法 here).
    #expect(
      try statuses("市数据局印发《数据管理办法》，将公共数据分为四级，明确各级数据的共享方式。", "data_sharing") == ["共享:provision"])
    // Without an enactment cue the title covers itself only.
    #expect(
      try statuses("按照《数据管理办法》，推动部门间数据共享。", "data_sharing") == ["数据共享:counted"])
  }

  @Test("counts_in_rules is true by default, changes the lexicon version when false, and must be true or false")
  func key() throws {
    let counting = Self.dataElement.replacingOccurrences(of: "    counts_in_rules: false\n", with: "")
    #expect(
      try Self.tagger(counting).hits(in: "《办法》明确，政务数据以共享为原则。").filter { $0.category == "data_sharing" }
        .map { "\($0.term):\($0.status.code)" } == ["共享:counted"])
    let loader = LexiconLoader()
    #expect(
      LexiconSet(dimensions: [try loader.parse(counting, file: "d.yaml")]).version
        != LexiconSet(dimensions: [try loader.parse(Self.dataElement, file: "d.yaml")]).version)
    do {
      _ = try loader.parse(
        Self.dataElement.replacingOccurrences(of: "counts_in_rules: false", with: "counts_in_rules: rarely"),
        file: "data_element.yaml")
      Issue.record("counts_in_rules: rarely must be rejected")
    } catch let errors as GovTagErrors {
      #expect(
        errors.description
          == "data_element.yaml:5:22: counts_in_rules of category data_sharing must be true or false, not \"rarely\"; write counts_in_rules: false"
      )
    }
  }
}

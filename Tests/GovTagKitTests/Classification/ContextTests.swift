import GovTagKit
import Testing

@Suite("Contexts: terms that count only in a sentence with the right words (near:)")
struct ContextTests {
  static let yaml = """
    dimension: data_element
    contexts:
      data:
        words: [数据, 信息资源]
      several_agencies:
        at_least: 2
        words: {各部门: 2, 公安: 1, 税务: 1, 民政: 1}
    categories:
      data_sharing:
        threshold: 2
        terms:
          整合: {weight: 2, near: several_agencies}
      data_standards:
        threshold: 2
        terms:
          管理办法: {weight: 2, near: data}
          数据标准: 4
    """

  let tagger: Tagger

  init() throws {
    let lexicon = try LexiconLoader().parse(Self.yaml, file: "data_element.yaml")
    tagger = try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: [lexicon])))
  }

  func statuses(_ text: String) throws -> [String] {
    try tagger.hits(in: text).map { "\($0.term):\($0.status.code)" }
  }

  @Test("a generic term counts in a sentence about data, and not elsewhere")
  func dataContext() throws {
    #expect(try statuses("出台公共数据管理办法") == ["管理办法:counted"])
    #expect(try statuses("出台《互联网医院管理办法》") == ["管理办法:missing_context"])
    // Commas do not end the sentence; 。 does.
    #expect(try statuses("出台管理办法，规范信息资源目录编制") == ["管理办法:counted"])
    #expect(try statuses("出台管理办法。规范信息资源目录编制") == ["管理办法:missing_context"])
    let result = try tagger.classify(title: nil, text: "出台《互联网医院管理办法》")
    #expect(result.labels("data_element") == [])
    let hit = try #require(result.evidence.first)
    #expect(hit.status == .missingContext(context: "data"))
    #expect(hit.status.explanation == #"needs the context "data" in its sentence, which lacks it"#)
    #expect(hit.contribution == 0)
  }

  @Test("at_least adds the values of distinct words: two agencies, or one plural phrase")
  func severalAgencies() throws {
    #expect(try statuses("平台整合公安、税务的数据") == ["整合:counted"])
    #expect(try statuses("平台整合了各部门原本分别建设的系统") == ["整合:counted"])
    // One agency, even named twice, is not several.
    #expect(try statuses("整合公安系统，服务公安民警") == ["整合:missing_context"])
    #expect(try statuses("整合公安、民政等资源") == ["整合:counted"])
    #expect(try tagger.classify(title: nil, text: "平台整合公安、税务的数据").labels("data_element") == ["data_sharing"])
  }

  @Test("a context word inside the hit itself does not count for it")
  func overlap() throws {
    let yaml = """
      dimension: data_element
      contexts:
        data: {words: [数据]}
      categories:
        data_standards:
          terms:
            数据标准: {weight: 3, near: data}
      """
    let lexicon = try LexiconLoader().parse(yaml, file: "d.yaml")
    let tagger = try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: [lexicon])))
    #expect(try tagger.hits(in: "制定数据标准").map(\.status.code) == ["missing_context"])
    #expect(try tagger.hits(in: "制定数据标准，统一数据格式").map(\.status.code) == ["counted"])
  }

  @Test("negation still wins over a present context")
  func scopeFirst() throws {
    let lexicon = try LexiconLoader().parse(Self.yaml, file: "data_element.yaml")
    let model = ClassifierModel(
      lexicons: LexiconSet(dimensions: [lexicon]), scope: try ScopeRules.parse("negation: [尚未]\n", file: "scope.yaml"))
    let tagger = try Tagger(model: model)
    #expect(try tagger.hits(in: "尚未整合公安、税务的数据").map(\.status.code) == ["negated"])
  }

  @Test("contexts change the lexicon version; lexicons without them keep theirs")
  func version() throws {
    let plain = "dimension: data_element\ncategories:\n  data_standards:\n    terms:\n      管理办法: 2\n"
    let withContext = """
      dimension: data_element
      contexts:
        data: {words: [数据]}
      categories:
        data_standards:
          terms:
            管理办法: {weight: 2, near: data}
      """
    let a = LexiconSet(dimensions: [try LexiconLoader().parse(plain, file: "a.yaml")])
    let b = LexiconSet(dimensions: [try LexiconLoader().parse(withContext, file: "b.yaml")])
    #expect(a.version != b.version)
    // Pinned: a change of the hash invalidates every --resume and --previous. (Lexicons without
    // contexts hash as they did before contexts existed.)
    #expect(a.version == "123e126867ab1ff3")
  }

  @Test("contexts are validated, with file and line")
  func errors() {
    func problems(_ yaml: String) -> String {
      do {
        _ = try LexiconLoader().parse(yaml, file: "d.yaml")
        return ""
      } catch {
        return "\(error)"
      }
    }
    let unknown = "dimension: data_element\ncategories:\n  data_standards:\n    terms:\n      管理办法: {weight: 2, near: dta}\n"
    #expect(
      problems(unknown)
        == #"d.yaml:5:31: term "管理办法" needs the context "dta", which is not defined; define it under contexts: at the top of the file, or correct the name (the file defines no contexts)"#
    )
    let unreachable = """
      dimension: data_element
      contexts:
        agencies: {at_least: 3, words: [公安, 税务]}
      categories:
        data_sharing:
          terms:
            整合: {weight: 2, near: agencies}
      """
    #expect(
      problems(unreachable)
        == #"d.yaml:3:3: context "agencies" needs at_least 3 but its words add up to only 2, so it can never be present; lower at_least or add words"#
    )
    let badValue = "dimension: data_element\ncontexts:\n  agencies:\n    words: {公安: many}\ncategories: {}\n"
    #expect(
      problems(badValue)
        == #"d.yaml:4:17: the value of word "公安" in context agencies is not a number greater than 0; write word: 1, or word: 2 for a word that counts twice"#
    )
  }
}

import GovTagKit
import GovTagTestSupport
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

  /// A data-element lexicon with one standards term that needs the context `data`.
  static let standardsNeedingData = """
    dimension: data_element
    contexts:
      data: {words: [数据]}
    categories:
      data_standards:
        terms:
          数据标准: {weight: 3, near: data}
    """

  let tagger: Tagger

  init() throws { tagger = try Self.tagger(Self.yaml) }

  static func tagger(_ yaml: String, scope: ScopeRules = .none) throws -> Tagger {
    let lexicon = try LexiconLoader().parse(yaml, file: "data_element.yaml")
    return try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: [lexicon]), scope: scope))
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
    let tagger = try Self.tagger(Self.standardsNeedingData)
    #expect(try tagger.hits(in: "制定数据标准").map(\.status.code) == ["missing_context"])
    #expect(try tagger.hits(in: "制定数据标准，统一数据格式").map(\.status.code) == ["counted"])
  }

  @Test("negation still wins over a present context")
  func scopeFirst() throws {
    let tagger = try Self.tagger(
      Self.yaml, scope: try ScopeRules.parse("negation: [尚未]\n" + Fixtures.scopeGrammar, file: "scope.yaml"))
    // Scope comes first: with the context absent too, the hit is still reported as negated.
    #expect(try tagger.hits(in: "尚未整合公安系统").map(\.status.code) == ["negated"])
    #expect(try tagger.hits(in: "尚未整合公安、税务的数据").map(\.status.code) == ["negated"])
  }

  @Test("sentences end at 。！？； in full width or ASCII and at line breaks, at the text's edges too")
  func sentenceBounds() throws {
    for mark in ["。", "！", "？", "；", "!", "?", ";", "\n"] {
      #expect(try statuses("数据很多\(mark)出台管理办法") == ["管理办法:missing_context"], "mark \(mark)")
      #expect(try statuses("管理办法\(mark)数据很多") == ["管理办法:missing_context"], "mark \(mark)")
    }
    for mark in ["，", "：", "、", ",", ":"] {
      #expect(try statuses("数据很多\(mark)出台管理办法") == ["管理办法:counted"], "mark \(mark)")
    }
    #expect(try statuses("管理办法") == ["管理办法:missing_context"])
    #expect(try statuses("数据管理办法") == ["管理办法:counted"])
  }

  @Test("offsets stay right when folding changes the text's length")
  func foldedText() throws {
    // （）→ () and full-width ＡＩ → AI shorten the folded text; traditional 數據 folds to 数据.
    let result = try tagger.classify(title: nil, text: "（ＡＩ）應用。出台《公共數據管理辦法》")
    let hit = try #require(result.evidence.first { $0.term == "管理办法" })
    #expect(hit.status == .inQuotedTitle)
    #expect(hit.match == "管理辦法")
    #expect(try statuses("（ＡＩ）數據治理，出台管理办法；（ＡＩ）另立管理办法") == ["管理办法:counted", "管理办法:missing_context"])
  }

  @Test("a near term inside a longer counted term of its category is a near miss, not missing its context")
  func nested() throws {
    let yaml = """
      dimension: data_element
      contexts:
        several_agencies: {at_least: 2, words: {公安: 1, 税务: 1}}
      categories:
        data_sharing:
          terms:
            数据交换: 3
            交换: {weight: 2, near: several_agencies}
      """
    let tagger = try Self.tagger(yaml)
    #expect(try tagger.hits(in: "建设数据交换平台").map { "\($0.term):\($0.status.code)" } == ["数据交换:counted", "交换:inside_longer_term"])
  }

  @Test("the longest context word wins: one agency named in full is not two")
  func longestWord() throws {
    let yaml = """
      dimension: data_element
      contexts:
        several_agencies: {at_least: 2, words: {自然资源: 1, 规划局: 1, 自然资源和规划局: 1, 公安: 1}}
      categories:
        data_sharing:
          terms:
            整合: {weight: 2, near: several_agencies}
      """
    let tagger = try Self.tagger(yaml)
    #expect(try tagger.hits(in: "市自然资源和规划局整合测绘成果").map(\.status.code) == ["missing_context"])
    #expect(try tagger.hits(in: "市自然资源和规划局会同公安整合测绘成果").map(\.status.code) == ["counted"])
  }

  @Test("a word can be a term and a context word; each dimension uses its own contexts")
  func sharedWordsAndDimensions() throws {
    let dataElement = """
      dimension: data_element
      contexts:
        data: {words: [数据, 共享]}
      categories:
        data_sharing:
          terms:
            共享: 2
        data_standards:
          terms:
            管理办法: {weight: 2, near: data}
      """
    let capability = """
      dimension: capability
      contexts:
        data: {words: [企业]}
      categories:
        economic_regulation:
          terms:
            管理办法: {weight: 2, near: data}
      """
    let lexicons = LexiconSet(dimensions: [
      try LexiconLoader().parse(capability, file: "capability.yaml"),
      try LexiconLoader().parse(dataElement, file: "data_element.yaml"),
    ])
    let tagger = try Tagger(model: ClassifierModel(lexicons: lexicons))
    let hits = try tagger.hits(in: "共享管理办法").map { "\($0.dimension).\($0.term):\($0.status.code)" }
    #expect(hits == ["data_element.共享:counted", "capability.管理办法:missing_context", "data_element.管理办法:counted"])
    let other = try tagger.hits(in: "企业管理办法").map { "\($0.dimension).\($0.term):\($0.status.code)" }
    #expect(other == ["capability.管理办法:counted", "data_element.管理办法:missing_context"])
  }

  @Test("contexts change the lexicon version; lexicons without them keep theirs")
  func version() throws {
    let plain = "dimension: data_element\ncategories:\n  data_standards:\n    terms:\n      数据标准: 3\n"
    let withContext = Self.standardsNeedingData
    let a = LexiconSet(dimensions: [try LexiconLoader().parse(plain, file: "a.yaml")])
    let b = LexiconSet(dimensions: [try LexiconLoader().parse(withContext, file: "b.yaml")])
    #expect(a.version != b.version)
    // Pinned: a change of the hash invalidates every --resume and --previous. (Lexicons without
    // contexts hash as they did before contexts existed: the code of 78ed4f8 gives the same.)
    #expect(a.version == "d5eee15558473fdb")
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
    let spaced = "dimension: data_element\ncontexts:\n  data: {words: [\" 数据\"]}\ncategories: {}\n"
    #expect(
      problems(spaced) == #"d.yaml:3:18: word " 数据" of context data has leading or trailing spaces; remove the spaces"#)
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

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Lexicons as LIWC, quanteda, cntext and jieba dictionaries")
struct DictionaryExchangeTests {
  static let lexicons: LexiconSet = {
    do { return try LexiconLoader().load(directory: Fixtures.lexiconDirectory) } catch { fatalError("\(error)") }
  }()

  @Test("LIWC: numbered categories, one row per term, term* for match: substring")
  func liwc() {
    let export = DictionaryExport(format: .liwc, lexicons: Self.lexicons, hasScopeRules: true)
    #expect(
      export.text() == """
        %
        1\tcapability.economic_regulation
        2\tcapability.public_service
        3\tcapability.government_operations
        4\ttechnology.ai
        5\ttechnology.iot
        6\ttechnology.gis
        %
        营商环境\t1
        中国\t1
        一网通办\t2
        通办\t2
        政务服务\t2
        政务\t3
        管理\t3
        人工智能\t4
        物联网*\t5
        南山区*\t6

        """)
    #expect(
      export.limitations == [
        "weights and thresholds: 5 of 10 terms weigh other than 1, and every hit counts 1 here",
        "exclusions: 1 phrase inside which a category's terms do not count",
        "scope rules of scope.yaml (negation, plans, cited titles, aims, background, lists, frames): every hit counts here",
        "match: substring: 2 terms written term*, which LIWC matches only at the start of a word",
      ])
  }

  @Test("quanteda nests dimension and category; cntext lists categories; jieba writes term freq tag")
  func yamlFormats() {
    let quanteda = DictionaryExport(format: .quanteda, lexicons: Self.lexicons, hasScopeRules: false).text()
    #expect(quanteda.contains("\ntechnology:\n  ai:\n    - \"人工智能\"\n  iot:\n    - \"*物联网*\"\n"))
    let cntext = DictionaryExport(format: .cntext, lexicons: Self.lexicons, hasScopeRules: false).text()
    #expect(cntext.hasPrefix("Name: GovTag\n"))
    #expect(cntext.contains("Category:\n  - \"capability.economic_regulation\"\n"))
    #expect(cntext.hasSuffix("  \"technology.gis\":\n    - \"南山区\"\n"))
    let jieba = DictionaryExport(format: .jieba, lexicons: Self.lexicons, hasScopeRules: false)
    #expect(jieba.text().hasPrefix("营商环境 100000 nz\n中国 100000 nz\n一网通办 100000 nz\n"))
    #expect(jieba.limitations == ["categories: the 6 categories are not in the file (every term is tagged nz)"])
  }

  @Test(
    "jieba cuts terms with characters outside its word runs; the export names them",
    arguments: [
      ("一网通办", true), ("Hadoop", true), ("5G", true), ("12345热线", true), ("C++", true),
      ("村(社区)", false), ("星火·链网", false), ("/T", false), ("（全角）", false),
    ])
  func jiebaWhole(term: String, whole: Bool) {
    #expect(DictionaryExport.jiebaKeepsWhole(term) == whole)
  }

  @Test("A LIWC export imported back as one dimension: ids, substring terms, default weights")
  func liwcImport() throws {
    let text = DictionaryExport(format: .liwc, lexicons: Self.lexicons, hasScopeRules: false).text()
    let technology = try #require(Taxonomy.standard.dimension("technology"))
    let imported = try DictionaryImport.read(text, format: .liwc, file: "g.dic", dimension: technology)
    #expect(imported.notes == ["3 categories of other dimensions left out"])
    #expect(
      imported.yaml(dimension: technology, weight: 3, source: "g.dic (liwc)") == """
        # Dimension technology (应用技术), imported from g.dic (liwc) by govtag lexicon import.
        # Every term weighs 3 (the threshold is 3): review the weights, then run govtag lexicon check.
        dimension: technology
        name: 应用技术
        threshold: 3
        categories:
          ai:
            name: 人工智能
            terms:
              "人工智能": 3
          iot:
            name: 物联网
            terms:
              "物联网": {weight: 3, match: substring}
          gis:
            name: 地图与时空信息
            terms:
              "南山区": {weight: 3, match: substring}

        """)
  }

  @Test("Chinese category names, quanteda globs and a term under two categories")
  func quantedaImport() throws {
    let text = """
      公共服务:
        - 一网通办
        - "*办事*"
      economic_regulation: [营商环境, 一网通办]
      """
    let capability = try #require(Taxonomy.standard.dimension("capability"))
    let imported = try DictionaryImport.read(text, format: .quanteda, file: "q.yml", dimension: capability)
    #expect(imported.categories.map(\.id) == ["economic_regulation", "public_service"])
    #expect(imported.categories.map { $0.terms.map(\.text) } == [["营商环境"], ["一网通办", "办事"]])
    #expect(imported.categories[1].terms.map(\.substring) == [false, true])
    #expect(
      imported.notes == ["1 term listed twice, kept once under the first category: 一网通办 (public_service, economic_regulation)"])
  }

  @Test(
    "A category that is not the dimension's is an error with its line and the ids to use; a program's names no flag",
    arguments: [
      (SettingNames(), "import it into another dimension"),
      (SettingNames([.dimension: "--dimension"]), "choose another --dimension"),
    ])
  func unknownCategory(names: SettingNames, remedy: String) throws {
    let technology = try #require(Taxonomy.standard.dimension("technology"))
    do {
      _ = try DictionaryImport.read(
        "%\n1\tquantum\n%\n量子\t1\n", format: .liwc, file: "q.dic", dimension: technology, names: names)
      Issue.record("an unknown category must fail")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "q.dic:2: category \"quantum\" is no category of technology; rename it to one of big_data (大数据), cloud (云计算), ai (人工智能), blockchain (区块链), iot (物联网), digital_twin (数字孪生), gis (地图与时空信息), video (视频与视觉), or \(remedy)"
      )
    }
  }
}

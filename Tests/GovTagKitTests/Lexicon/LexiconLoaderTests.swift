import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Lexicon loading and validation")
struct LexiconLoaderTests {
  /// The messages `parse` reports for `yaml`, or [] when it loads.
  func problems(_ yaml: String) -> [String] {
    do {
      _ = try LexiconLoader().parse(yaml, file: "cap.yaml")
      return []
    } catch let errors as GovTagErrors {
      return errors.errors.map(\.description)
    } catch {
      return ["unexpected: \(error)"]
    }
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var yaml: String
    var messages: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "unknown dimension",
      yaml: "dimension: capabilty\ncategories: {}\n",
      messages: [
        #"cap.yaml:1:12: unknown dimension "capabilty"; use one of capability, data_element, traits, innovation, technology"#
      ]),
    Case(
      id: "unknown category",
      yaml: "dimension: capability\ncategories:\n  public_servise:\n    terms:\n      一网通办: 3\n",
      messages: [
        #"cap.yaml:3:3: unknown category "public_servise" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency (the categories are fixed by the taxonomy, docs/TAXONOMY.md; a new one needs a code change and a rebuild: CONTRIBUTING.md, "A new dimension")"#
      ]),
    Case(
      id: "duplicate term in one category",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n      政务服务: 2\n      一网通办: 4\n",
      messages: [
        #"cap.yaml:7:7: duplicate term "一网通办" in category public_service (first at line 5); a term appears once per dimension; remove one of them"#
      ]),
    Case(
      id: "duplicate term across categories",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n  social_management:\n    terms:\n      一网通办: 1\n",
      messages: [
        #"cap.yaml:8:7: duplicate term "一网通办" in category social_management (first at line 5 of category public_service); a term appears once per dimension; remove one of them"#
      ]),
    Case(
      id: "empty term",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      \"\": 3\n",
      messages: [#"cap.yaml:5:7: empty term in category public_service; remove the line"#]),
    Case(
      id: "weight out of range",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 12\n      政务服务: 0\n",
      messages: [
        #"cap.yaml:5:13: weight 12 of term "一网通办" is out of range; use a number greater than 0 and at most 10"#,
        #"cap.yaml:6:13: weight 0 of term "政务服务" is out of range; use a number greater than 0 and at most 10"#,
      ]),
    Case(
      id: "weight not a number",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: high\n",
      messages: [#"cap.yaml:5:13: the weight of term "一网通办" is not a number; write a number greater than 0 and at most 10"#]),
    Case(
      id: "unknown match mode",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: {weight: 3, match: subtring}\n",
      messages: [#"cap.yaml:5:32: unknown match mode "subtring" for term "一网通办"; use word or substring"#]),
    Case(
      id: "misspelt key",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    treshold: 2\n    terms:\n      一网通办: 3\n",
      messages: [
        #"cap.yaml:4:5: unknown key "treshold" in category public_service; expected name, threshold, terms, exclude, implied_by, implied_when_alone, counts_in_rules"#
      ]),
    Case(
      id: "exclusion that cannot apply",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n    exclude:\n      - 中国建设银行\n",
      messages: [
        #"cap.yaml:7:9: exclusion "中国建设银行" contains none of the terms of category public_service, so it can never apply; remove it, or add the term it is meant to neutralise"#
      ]),
    Case(
      id: "YAML syntax error",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: [3\n",
      messages: [
        #"cap.yaml:6:1: YAML syntax error: while parsing a flow sequence at line 5, did not find expected ',' or ']'; close the [ or { opened at line 5, or check the commas between its items"#
      ]),
    Case(
      id: "a tab in the indentation is called a tab",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n\t一网通办: 3\n",
      messages: [
        #"cap.yaml:5:1: YAML syntax error: while scanning for the next token at line 5, found character that cannot start any token; a tab: YAML indents with spaces, replace it with spaces"#
      ]),
    Case(
      id: "a term indented one space too little",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n     政务服务: 2\n",
      messages: [
        #"cap.yaml:6:6: YAML syntax error: while parsing a block mapping at line 4, did not find expected key; check the indentation of this line and the one above"#
      ]),
    Case(
      id: "spaces around an exclusion, invisible characters in a term or an exclusion",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n      政务\u{200B}服务: 2\n    exclude:\n      - \"一网通办理 \"\n      - 一网通办\u{200B}理\n",
      messages: [
        #"cap.yaml:6:7: term "政务<U+200B>服务" holds an invisible character U+200B, so it can never match; remove the invisible character U+200B"#,
        #"cap.yaml:8:9: exclusion "一网通办理 " has leading or trailing spaces; remove the spaces"#,
        #"cap.yaml:9:9: exclusion "一网通办<U+200B>理" holds an invisible character U+200B, so it can never match; remove the invisible character U+200B"#,
      ]),
    Case(
      id: "a term moved to another category with its old line left: the duplicate alone, no error for the exclusions",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms:\n      政务服务: 2\n    exclude:\n      - 政务服务中心\n  social_management:\n    terms:\n      政务服务: 2\n    exclude:\n      - 政务服务站\n",
      messages: [
        #"cap.yaml:10:7: duplicate term "政务服务" in category social_management (first at line 5 of category public_service); a term appears once per dimension; remove one of them"#
      ]),
    Case(
      id: "a category defined twice, an empty exclusion",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms: {一网通办: 3}\n    exclude:\n      - \"\"\n  public_service:\n    terms: {政务服务: 2}\n",
      messages: [
        #"cap.yaml:6:9: empty exclusion in category public_service; remove the line, or write the phrase"#,
        #"cap.yaml:7:3: category "public_service" is defined twice (first at line 3): only the first is read; merge the two into one "public_service:" block"#,
      ]),
    Case(
      id: "not a mapping",
      yaml: "- just\n- a list\n",
      messages: [#"cap.yaml:1: a lexicon file must be a mapping with the keys dimension, name, threshold and categories"#]),
    Case(
      id: "several problems at once",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 11\n  nope:\n    terms: {}\n",
      messages: [
        #"cap.yaml:5:13: weight 11 of term "一网通办" is out of range; use a number greater than 0 and at most 10"#,
        #"cap.yaml:6:3: unknown category "nope" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency (the categories are fixed by the taxonomy, docs/TAXONOMY.md; a new one needs a code change and a rebuild: CONTRIBUTING.md, "A new dimension")"#,
      ]),
    Case(
      id: "a second terms: in a category would drop the first's terms",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n    terms:\n      政务服务: 2\n",
      messages: [
        #"cap.yaml:6:5: duplicate key "terms" in category public_service (first at line 4): only the first is read, so the rules under this one would be lost; merge the two into one "terms:""#
      ]),
    Case(
      id: "a second categories: at the top",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms: {一网通办: 3}\ncategories:\n  economic_regulation:\n    terms: {营商环境: 3}\n",
      messages: [
        #"cap.yaml:5:1: duplicate key "categories" at the top of the file (first at line 2): only the first is read, so the rules under this one would be lost; merge the two into one "categories:""#
      ]),
    Case(
      id: "traditional and full-width terms can never match",
      yaml:
        "dimension: capability\ncategories:\n  public_service:\n    terms:\n      數據共享: 3\n      ＡＩ政务: 2\n      一网通办: 3\n    exclude: [一网通辦理]\n",
      messages: [
        #"cap.yaml:5:7: term "數據共享" can never match: texts are folded to simplified characters and half-width forms before matching; write "数据共享""#,
        #"cap.yaml:6:7: term "ＡＩ政务" can never match: texts are folded to simplified characters and half-width forms before matching; write "AI政务""#,
        #"cap.yaml:8:15: exclusion "一网通辦理" can never match: texts are folded to simplified characters and half-width forms before matching; write "一网通办理""#,
      ]),
    Case(
      id: "a single value where a list is expected",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms: {一网通办: 3}\n    exclude: 一网通办理\n",
      messages: [
        #"cap.yaml:5:14: "exclude" of category public_service must be a list of phrases, found the single value "一网通办理"; write exclude: [一网通办理]"#
      ]),
    Case(
      id: "a context's words as a single value",
      yaml:
        "dimension: data_element\ncontexts:\n  data: {words: 数据}\ncategories:\n  data_standards:\n    terms:\n      管理办法: {weight: 2, near: data}\n",
      messages: [
        #"cap.yaml:3:17: the words of context data must be a list, found the single value "数据"; write words: [数据]"#
      ]),
  ]

  @Test("each problem is reported with its file, line, column and a fix", arguments: cases)
  func validation(_ example: Case) {
    #expect(problems(example.yaml) == example.messages)
  }

  @Test("a valid file loads with thresholds, weights, modes and exclusions")
  func validFile() throws {
    let lexicon = try LexiconLoader().parse(
      """
      dimension: capability
      threshold: 2.5
      categories:
        public_service:
          threshold: 4
          terms:
            一网通办: 4
            办事: {weight: 1, match: substring}
        economic_regulation:
          terms:
            营商环境: 3
            中国: 1
          exclude:
            - 中国建设银行
      """, file: "cap.yaml")
    #expect(lexicon.id == "capability")
    #expect(lexicon.categories.map(\.id) == ["economic_regulation", "public_service"])
    let service = lexicon.categories[1]
    #expect(service.threshold == 4)
    #expect(service.terms.map(\.text) == ["一网通办", "办事"])
    #expect(service.terms[1].matchMode == .substring)
    #expect(service.terms[0].location == SourceLocation(file: "cap.yaml", line: 7, column: 7))
    #expect(lexicon.categories[0].threshold == 2.5)
    #expect(lexicon.categories[0].exclusions.map(\.text) == ["中国建设银行"])
  }

  @Test("the version changes with content, not with comments")
  func versionTracksContent() throws {
    let base = "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 4\n"
    let commented = "# a comment\n" + base
    let changed = base.replacingOccurrences(of: "4", with: "3")
    func version(_ yaml: String) throws -> String {
      LexiconSet(dimensions: [try LexiconLoader().parse(yaml, file: "x.yaml")]).version
    }
    #expect(try version(base) == version(commented))
    #expect(try version(base) != version(changed))
  }

  @Test("a missing directory and an empty directory are reported")
  func directoryProblems() throws {
    #expect(throws: GovTagError.self) { try LexiconLoader().load(directory: "/nonexistent/lexicons") }
    let empty = Fixtures.temporaryDirectory()
    do {
      _ = try LexiconLoader().load(directory: empty.path)
      Issue.record("an empty directory must not load")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "\(empty.path): no lexicon files (*.yaml) found; pass the folder that holds the lexicon .yaml files")
    }
    do {
      _ = try LexiconLoader(names: SettingNames([.lexicons: "--lexicons"])).load(directory: empty.path)
      Issue.record("an empty directory must not load")
    } catch let error as GovTagError {
      #expect(error.hint == "pass the folder that holds the lexicon .yaml files with --lexicons")
    }
  }

  @Test("scope files: a repeated key, a single cue instead of a list, a traditional cue")
  func scopeProblems() {
    do {
      _ = try ScopeRules.parse(
        "negation: 尚未\nplan: [下一步]\nplan: [拟]\ncitation: [依據]\n" + Fixtures.scopeGrammar, file: "scope.yaml")
      Issue.record("must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"scope.yaml:3:1: duplicate key "plan" in the scope file (first at line 2): only the first is read, so the rules under this one would be lost; merge the two into one "plan:""#,
          #"scope.yaml:1:11: negation must be a list, found the single value "尚未"; write it as a list, e.g. negation: [尚未]"#,
          #"scope.yaml:4:12: cue "依據" can never match: texts are folded to simplified characters and half-width forms before matching; write "依据""#,
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("a missing scope.yaml or gazetteer.yaml loads, with a warning for each; calibration.yaml is not a dimension")
  func missingFiles() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write(
      "dimension: capability\ncategories:\n  public_service:\n    terms: {一网通办: 3}\n", to: "capability.yaml", in: directory)
    // Not a dimension file, whatever it holds (its own loader, skipped here, checks it).
    Fixtures.write("not: [a, dimension]\n", to: "calibration.yaml", in: directory)
    var warnings: [String] = []
    let model = try ClassifierModel.load(lexiconDirectory: directory.path, calibrated: false) { warnings.append($0.description) }
    #expect(model.lexicons.dimensions.map(\.id) == ["capability"])
    #expect(
      warnings == [
        "\(directory.path)/scope.yaml: no scope.yaml: scope is off, so no hit is discounted for a negation (尚未), a plan (下一步) or a cited title (依据《…》); add the file (the bundled Lexicons/scope.yaml is a start) to turn scope on",
        "\(directory.path)/gazetteer.yaml: no gazetteer.yaml: location is off, so every record's province, city and region will be null; add the file (the bundled Lexicons/gazetteer.yaml) to turn location on",
      ])
    var none: [String] = []
    _ = try ClassifierModel.load(lexiconDirectory: Fixtures.lexiconDirectory) { none.append($0.description) }
    #expect(none.isEmpty)
  }

  @Test("the bundled lexicons load without problems and cover every category")
  func bundledLexicons() throws {
    let lexicons = try LexiconLoader().load(directory: Fixtures.repository.appendingPathComponent("Lexicons").path)
    for dimension in Taxonomy.standard.dimensions {
      let loaded = try #require(lexicons.dimensions.first { $0.id == dimension.id }, "dimension \(dimension.id)")
      #expect(loaded.categories.map(\.id) == dimension.categories.map(\.id))
      for category in loaded.categories { #expect(category.terms.count >= 10, "\(dimension.id).\(category.id)") }
    }
  }
}

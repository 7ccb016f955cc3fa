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
        #"cap.yaml:3:3: unknown category "public_servise" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency"#
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
      messages: [#"cap.yaml:4:5: unknown key "treshold" in category public_service; expected name, threshold, terms, exclude, implied_by"#]),
    Case(
      id: "exclusion that cannot apply",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n    exclude:\n      - 中国建设银行\n",
      messages: [
        #"cap.yaml:7:9: exclusion "中国建设银行" contains none of the terms of category public_service, so it can never apply; remove it, or add the term it is meant to neutralise"#
      ]),
    Case(
      id: "YAML syntax error",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: [3\n",
      messages: [#"cap.yaml:6:1: YAML syntax error: while parsing a flow sequence at line 5, did not find expected ',' or ']'"#]),
    Case(
      id: "not a mapping",
      yaml: "- just\n- a list\n",
      messages: [#"cap.yaml:1: a lexicon file must be a mapping with the keys dimension, name, threshold and categories"#]),
    Case(
      id: "several problems at once",
      yaml: "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 11\n  nope:\n    terms: {}\n",
      messages: [
        #"cap.yaml:5:13: weight 11 of term "一网通办" is out of range; use a number greater than 0 and at most 10"#,
        #"cap.yaml:6:3: unknown category "nope" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency"#,
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
      #expect(error.description == "\(empty.path): no lexicon files (*.yaml) found; pass the folder that holds the lexicon .yaml files with --lexicons")
    }
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

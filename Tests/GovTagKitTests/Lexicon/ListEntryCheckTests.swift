import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// Every list entry that is matched against texts gets the checks terms get: no spaces around
/// it, no invisible (Cf) character in it, already folded. Such an entry could never match, and
/// used to pass `lexicon check` and quietly turn its rule off (an exclusion, a negation cue, a
/// district, a service brand).
@Suite("List entries: spaces around them and invisible characters are refused everywhere")
struct ListEntryCheckTests {
  /// The messages of `body`'s `GovTagErrors`, or [] when it succeeds.
  func messages(_ body: () throws -> Void) -> [String] {
    do {
      try body()
      return []
    } catch let errors as GovTagErrors {
      return errors.errors.map(\.description)
    } catch {
      return ["unexpected: \(error)"]
    }
  }

  @Test("scope cues and frames: a trailing space, a zero-width space")
  func scopeCues() {
    let yaml =
      "negation: [\"尚未 \", 未能]\nplan: [下一\u{200B}步]\nframes: [\"在 …方面\", 为…减\u{2060}负]\n" + Fixtures.scopeGrammar
    #expect(
      messages { _ = try ScopeRules.parse(yaml, file: "scope.yaml") } == [
        #"scope.yaml:1:12: cue "尚未 " has leading or trailing spaces; remove the spaces"#,
        #"scope.yaml:2:8: cue "下一<U+200B>步" holds an invisible character U+200B, so it can never match; remove the invisible character U+200B"#,
        #"scope.yaml:3:10: frame "在 …方面": word "在 " has leading or trailing spaces; remove the spaces"#,
        #"scope.yaml:3:19: frame "为…减<U+2060>负": word "减<U+2060>负" holds an invisible character U+2060, so it can never match; remove the invisible character U+2060"#,
      ])
  }

  @Test("grammar words: a byte order mark inside a word")
  func grammarWords() {
    let yaml = "negation: [尚未]\n" + Fixtures.scopeGrammar.replacingOccurrences(of: "[即]", with: "[即\u{FEFF}便]")
    #expect(
      messages { _ = try ScopeRules.parse(yaml, file: "scope.yaml") } == [
        #"scope.yaml:2:21: negation_stops_at "即<U+FEFF>便" holds an invisible character U+FEFF, so it can never match; remove the invisible character U+FEFF"#
      ])
  }

  @Test("gazetteer districts, aliases and service brands")
  func gazetteer() {
    let yaml = """
      provinces:
        - name: 广东
          full: 广东省
          region: east
          aliases: [粤\u{200D}省]
          cities:
            - name: 深圳
              full: 深圳市
              districts: [罗湖区, "南山区 "]
      service_brands:
        "粤省事 ": 广东
        浙\u{200C}里办: 广东

      """
    #expect(
      messages { _ = try GazetteerLoader().parse(yaml, file: "g.yaml") } == [
        #"g.yaml:5:15: place name "粤<U+200D>省" holds an invisible character U+200D, so it can never match; remove the invisible character U+200D"#,
        #"g.yaml:9:26: place name "南山区 " has leading or trailing spaces; remove the spaces"#,
        #"g.yaml:11:3: service brand "粤省事 " has leading or trailing spaces; remove the spaces"#,
        #"g.yaml:12:3: service brand "浙<U+200C>里办" holds an invisible character U+200C, so it can never match; remove the invisible character U+200C"#,
      ])
  }

  @Test("context words: an invisible character")
  func contextWords() {
    let yaml = "dimension: data_element\ncontexts:\n  data: {words: [数\u{200B}据]}\ncategories: {}\n"
    #expect(
      messages { _ = try LexiconLoader().parse(yaml, file: "d.yaml") } == [
        #"d.yaml:3:18: word of context data "数<U+200B>据" holds an invisible character U+200B, so it can never match; remove the invisible character U+200B"#
      ])
  }

  @Test("a full-width space at the end is refused as a space, never answered with a hint that writes an ASCII one")
  func fullWidthSpace() {
    let yaml =
      "dimension: capability\ncategories:\n  social_management:\n    terms:\n      运管服: 4\n    exclude:\n      - 运管服务　\n      - 運管服務\n"
    #expect(
      messages { _ = try LexiconLoader().parse(yaml, file: "c.yaml") } == [
        #"c.yaml:7:9: exclusion "运管服务　" has leading or trailing spaces; remove the spaces"#,
        #"c.yaml:8:9: exclusion "運管服務" can never match: texts are folded to simplified characters and half-width forms before matching; write "运管服务""#,
      ])
  }

  @Test("the bundled lexicons pass the new checks")
  func bundledLexiconsLoad() throws {
    let model = try ClassifierModel.load(lexiconDirectory: Fixtures.repository.appendingPathComponent("Lexicons").path)
    #expect(model.lexicons.termCount > 1000)
  }
}

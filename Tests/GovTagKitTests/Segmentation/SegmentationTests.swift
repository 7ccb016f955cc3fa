import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Segmentation")
struct SegmentationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: String
    var testDescription: String { text }
  }

  /// ICU's own segmentation (no lexicon): these pin the ICU 72 dictionary behaviour the
  /// boundary rules are built on.
  static let icuCases: [Case] = [
    Case(text: "坚持财政务实管理", expected: "坚持|财政|务实|管理"),
    Case(text: "创新监管理念", expected: "创新|监管|理念"),
    Case(text: "发展中国家", expected: "发展|中|国家"),
    Case(text: "推进人工智能和数字化转型", expected: "推进|人工|智能|和|数字|化|转型"),
    Case(text: "实现一网通办", expected: "实现|一|网|通|办"),
    Case(text: "深圳市南山区", expected: "深圳|市南|山区"),
    Case(text: "AI大模型2.0版", expected: "AI|大|模型|2.0|版"),
  ]

  @Test("ICU segments known sentences as expected", arguments: icuCases)
  func icuSegmentation(_ example: Case) throws {
    let tagger = try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: [])))
    let tokens = try tagger.segment(example.text)
    #expect(SegmentationRenderer.plain(example.text, tokens) == example.expected)
    #expect(tokens.allSatisfy { !$0.isLexiconTerm })
  }

  static let mergedCases: [Case] = [
    Case(text: "推进人工智能和数字化转型，实现一网通办", expected: "推进|人工智能|和|数字|化|转型|，|实现|一网通办"),
    // A substring term cuts ICU's segments at its edges: 深圳|市南|山区 → 深圳|市|南山区.
    Case(text: "深圳市南山区", expected: "深圳|市|南山区"),
    // Terms that cross word boundaries are not merged.
    Case(text: "坚持财政务实管理", expected: "坚持|财政|务实|管理"),
    Case(text: "发展中国家", expected: "发展|中|国家"),
  ]

  @Test("lexicon terms are merged back into single tokens", arguments: mergedCases)
  func mergedSegmentation(_ example: Case) throws {
    let tagger = try Tagger(model: Fixtures.model)
    let tokens = try tagger.segment(example.text)
    #expect(SegmentationRenderer.plain(example.text, tokens) == example.expected)
  }

  @Test("tokens carry ICU's kinds and cover the text without gaps")
  func tokenKindsAndCoverage() throws {
    let text = "2023年，AI 赋能"
    let tagger = try Tagger(model: Fixtures.model)
    let tokens = try tagger.segment(text)
    #expect(SegmentationRenderer.plain(text, tokens) == "2023|年|，|AI| |赋|能")
    #expect(tokens.map(\.kind) == [.number, .ideographic, .other, .letters, .other, .ideographic, .ideographic])
    var end = 0
    for token in tokens {
      #expect(token.range.lowerBound == end)
      end = token.range.upperBound
    }
    #expect(end == text.utf8.count)
  }

  @Test("JSON rendering gives code point offsets")
  func jsonOffsets() throws {
    let text = "😀一网通办"
    let tagger = try Tagger(model: Fixtures.model)
    let json = SegmentationRenderer.json(text, try tagger.segment(text))
    #expect(
      json
        == #"[{"token":"😀","start":0,"end":1,"kind":"other","lexicon_term":false},{"token":"一网通办","start":1,"end":5,"kind":"ideographic","lexicon_term":true}]"#
    )
  }

  @Test("an empty text has no tokens")
  func emptyText() throws {
    let tagger = try Tagger(model: Fixtures.model)
    #expect(try tagger.segment("").isEmpty)
  }

  @Test("ICU's version is reported")
  func icuVersion() {
    #expect(ICU.version.split(separator: ".").count >= 2)
  }
}

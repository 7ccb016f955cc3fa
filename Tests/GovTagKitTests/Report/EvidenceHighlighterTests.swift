import GovTagKit
import Testing

@Suite("Splitting texts at evidence edges")
struct EvidenceHighlighterTests {
  typealias Segment = EvidenceHighlighter.Segment

  struct SplitCase: Sendable, CustomTestStringConvertible {
    var id: String
    var text: String
    var spans: [Range<Int>]
    var expected: [Segment]
    var testDescription: String { id }
  }

  static let cases: [SplitCase] = [
    SplitCase(
      id: "code point offsets after astral-plane characters (UTF-16 would be off by two)",
      text: "😀😀推进一网通办，服务群众", spans: [4..<8],
      expected: [Segment("😀😀推进"), Segment("一网通办", spans: [0]), Segment("，服务群众")]),
    SplitCase(
      id: "an astral character inside the match", text: "a𠮷野家b", spans: [1..<4],
      expected: [Segment("a"), Segment("𠮷野家", spans: [0]), Segment("b")]),
    SplitCase(
      id: "overlapping spans split into pieces covered by each", text: "推进一网通办改革", spans: [2..<6, 4..<6],
      expected: [Segment("推进"), Segment("一网", spans: [0]), Segment("通办", spans: [0, 1]), Segment("改革")]),
    SplitCase(
      id: "a span at the start and one at the end", text: "政务服务和政务", spans: [0..<4, 5..<7],
      expected: [Segment("政务服务", spans: [0]), Segment("和"), Segment("政务", spans: [1])]),
    SplitCase(
      id: "a span past the end is left out", text: "短文本", spans: [2..<9],
      expected: [Segment("短文本")]),
    SplitCase(id: "no spans", text: "没有证据", spans: [], expected: [Segment("没有证据")]),
    SplitCase(id: "an empty text", text: "", spans: [0..<1], expected: []),
  ]

  @Test("pieces land on the right characters", arguments: cases)
  func split(_ item: SplitCase) {
    let segments = EvidenceHighlighter.segments(of: item.text, spans: item.spans)
    #expect(segments == item.expected)
    if item.spans.allSatisfy({ $0.upperBound <= item.text.unicodeScalars.count }) {
      #expect(segments.map(\.text).joined() == item.text)
    }
  }
}

@Suite("Splitting texts at many evidence edges")
struct EvidenceHighlighterScaleTests {
  @Test("100,000 hits are split in one sweep, each piece listing its spans in the order given", .timeLimit(.minutes(1)))
  func manyHits() {
    let count = 100_000
    let text = String(repeating: "一网通办，", count: count)
    // Every hit, plus one span over the first two hits, given last.
    var spans = (0..<count).map { ($0 * 5)..<($0 * 5 + 4) }
    spans.append(0..<9)
    let segments = EvidenceHighlighter.segments(of: text, spans: spans)
    #expect(segments.count == 2 * count)
    #expect(segments[0] == EvidenceHighlighter.Segment("一网通办", spans: [0, count]))
    #expect(segments[1] == EvidenceHighlighter.Segment("，", spans: [count]))
    #expect(segments[2] == EvidenceHighlighter.Segment("一网通办", spans: [1, count]))
    #expect(segments[3] == EvidenceHighlighter.Segment("，"))
    #expect(segments[2 * count - 2] == EvidenceHighlighter.Segment("一网通办", spans: [count - 1]))
    #expect(segments.map(\.text).joined() == text)
  }
}

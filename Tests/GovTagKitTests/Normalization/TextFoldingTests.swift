import GovTagTestSupport
import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("Folding traditional and full-width text")
struct TextFoldingTests {
  @Test("traditional characters fold to simplified, full-width ASCII to ASCII")
  func folding() {
    #expect(TextFolding.standard.fold("數據共享、監管、廣東") == "数据共享、监管、广东")
    #expect(TextFolding.standard.fold("ＡＩ　５Ｇ（试点）") == "AI 5G(试点)")
    // Sentence punctuation stays full width: it is a boundary either way, and keeping it keeps
    // most texts' lengths, so most need no offset map.
    #expect(TextFolding.standard.fold("数据，共享：是！否？；") == "数据，共享：是！否？；")
    #expect(TextFolding.standard.fold("一网通办😀") == "一网通办😀")
    // 乾, 著 and 瞭 are simplified characters too: ICU's 乾 → 干, 著 → 着, 瞭 → 了 are left out.
    #expect(TextFolding.standard.fold("乾县、著作权、瞭望塔、幹部") == "乾县、著作权、瞭望塔、干部")
  }

  @Test("offsets of folded text map back to the original bytes")
  func offsetMap() {
    let original = Array("ＡＩ數據".utf8)  // 3 + 3 + 3 + 3 bytes
    var folded: [UInt8] = []
    var offsets: [Int32] = []
    original.withUnsafeBufferPointer { TextFolding.standard.fold($0, into: &folded, offsets: &offsets) }
    #expect(String(decoding: folded, as: UTF8.self) == "AI数据")
    #expect(offsets == [0, 3, 6, 6, 6, 9, 9, 9, 12])  // folded characters map to their original start
    // Every folded character maps to its original start, before a width change as after it.
    Array("數（".utf8).withUnsafeBufferPointer { TextFolding.standard.fold($0, into: &folded, offsets: &offsets) }
    #expect(String(decoding: folded, as: UTF8.self) == "数(")
    #expect(offsets == [0, 0, 0, 3, 6])
    // Same-length folding needs no map.
    var plain: [UInt8] = []
    Array("數據".utf8).withUnsafeBufferPointer { TextFolding.standard.fold($0, into: &plain, offsets: &offsets) }
    #expect(offsets.isEmpty)
  }

  @Test("a width change at the very start still maps offsets (regression: garbled segments)")
  func changeAtStart() throws {
    var folded: [UInt8] = []
    var offsets: [Int32] = []
    Array("（智慧".utf8).withUnsafeBufferPointer { TextFolding.standard.fold($0, into: &folded, offsets: &offsets) }
    #expect(String(decoding: folded, as: UTF8.self) == "(智慧")
    #expect(offsets == [0, 3, 4, 5, 6, 7, 8, 9])
    let tagger = try Tagger(model: ClassifierModel(lexicons: LexiconSet(dimensions: [])))
    let text = "（智慧停车诱导"
    #expect(SegmentationRenderer.plain(text, try tagger.segment(text)) == "（|智慧|停车|诱导")
  }

  @Test("the fold table agrees with ICU's Traditional-Simplified transliterator")
  func agreesWithICU() throws {
    let sample = "數據共享監管廣東務實發展國家區塊鏈雲計算運營機關開發"
    let icu = try ICUTransliterator(identifier: "Traditional-Simplified").apply(sample)
    #expect(TextFolding.standard.fold(sample) == icu)
  }

  @Test("evidence from traditional and full-width text points into the original")
  func evidenceOffsets() throws {
    let tagger = try Tagger(model: Fixtures.model)
    let text = "推進一網通辦，應用ＡＩ與人工智能"
    let hits = try tagger.classify(title: nil, text: text).evidence.filter { $0.status == .counted }
    let scalars = Array(text.unicodeScalars)
    #expect(hits.map(\.term) == ["一网通办", "人工智能"])
    #expect(hits.map(\.match) == ["一網通辦", "人工智能"])
    for hit in hits { #expect(String(String.UnicodeScalarView(scalars[hit.start..<hit.end])) == hit.match) }
  }

  @Test("FoldedText keeps the folded bytes and maps their offsets back, through the identity when no length changed")
  func foldedText() throws {
    let folded = FoldedText()
    let (bytes, offsets) = try folded.fold("ＡＩ數據") { bytes, _ in
      (String(decoding: bytes, as: UTF8.self), (0...bytes.count).map(folded.originalOffset))
    }
    #expect(bytes == "AI数据")
    #expect(folded.movesOffsets)
    #expect(offsets == [0, 3, 6, 6, 6, 9, 9, 9, 12])
    let same = try folded.fold("數據") { bytes, original in
      (String(decoding: bytes, as: UTF8.self), original.count, (0...bytes.count).map(folded.originalOffset))
    }
    #expect(same.0 == "数据" && same.1 == 6)
    #expect(!folded.movesOffsets)
    #expect(same.2 == Array(0...6))
  }
}

import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("Clause and sentence breaks: the one definition scope, contexts and suggest share")
struct TextBreaksTests {
  /// One text, a hit in it (marked by its first character) and the clause and sentence that hold it.
  struct Case: Sendable, CustomTestStringConvertible {
    var text: String
    var hit: String
    var clause: String
    var sentence: String
    var testDescription: String { text }
  }

  static let cases: [Case] = [
    Case(text: "该市尚未实现1,400个部门数据共享", hit: "数据", clause: "该市尚未实现1,400个部门数据", sentence: "该市尚未实现1,400个部门数据共享"),
    Case(text: "平均3.5天，完成数据共享", hit: "数据", clause: "完成数据", sentence: "平均3.5天，完成数据共享"),
    Case(text: "10:30开放数据", hit: "数据", clause: "10:30开放数据", sentence: "10:30开放数据"),
    Case(text: "共3个。5月开放数据", hit: "数据", clause: "5月开放数据", sentence: "5月开放数据"),
    Case(text: "分1，2期开放数据", hit: "数据", clause: "2期开放数据", sentence: "分1，2期开放数据"),
    Case(text: "规则a,b开放数据", hit: "数据", clause: "b开放数据", sentence: "规则a,b开放数据"),
    Case(text: "尚未实现数据共享、业务协同", hit: "业务", clause: "尚未实现数据共享、业务", sentence: "尚未实现数据共享、业务协同"),
    Case(text: "甲;乙：丙开放数据！丁", hit: "数据", clause: "丙开放数据", sentence: "乙：丙开放数据"),
    Case(text: "第一行\n第二行数据", hit: "数据", clause: "第二行数据", sentence: "第二行数据"),
  ]

  @Test("clauses end at ，：。！？； and their ASCII forms, not at , or : between digits", arguments: cases)
  func clauses(_ example: Case) throws {
    var text = example.text
    let (clause, sentence) = try text.withUTF8 { bytes in
      let hit = try #require(example.text.utf8.firstRange(of: example.hit.utf8))
      let start = example.text.utf8.distance(from: example.text.utf8.startIndex, to: hit.lowerBound)
      let end = start + example.hit.utf8.count
      let clauseStart = TextBreaks.clauseStart(before: start, in: bytes)
      let sentence = TextBreaks.sentence(around: start..<end, in: bytes)
      return (
        String(decoding: UnsafeBufferPointer(rebasing: bytes[clauseStart..<end]), as: UTF8.self),
        String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence]), as: UTF8.self)
      )
    }
    #expect(clause == example.clause)
    #expect(sentence == example.sentence)
  }

  @Test("sentence ends: past each mark, and the text's end")
  func sentenceEnds() {
    var text = "一。二！三?四\n五，六"
    let ends = text.withUTF8 { TextBreaks.sentenceEnds(in: $0) }
    #expect(ends == [6, 12, 16, 20, 29])
  }

  @Test("a clause's start is the same as a byte-by-byte search for the mark before it finds, from every offset")
  func clauseStartAgreesWithTheByteWalk() {
    let pieces = ["数", "据", "。", "，", "：", "；", "！", "？", "、", "《", "》", "a", "1", ",", ":", "\n", "é", "😀", "—", "\u{3000}"]
    var random = SplitMix64(seed: 11)
    for _ in 0..<60 {
      var text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }
      .joined()
      let shown = text
      text.withUTF8 { bytes in
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        for offset in boundaries {
          let floor = boundaries.filter { $0 <= offset }.randomElement(using: &random) ?? 0
          var expected: Int? = floor == 0 ? 0 : nil
          var index = offset
          while index > floor {
            if TextBreaks.mark(endingAt: index, in: bytes) != nil {
              expected = index
              break
            }
            index -= 1
          }
          #expect(TextBreaks.clauseStart(before: offset, in: bytes, floor: floor) == expected, "\(shown) \(offset) \(floor)")
        }
      }
    }
  }

  @Test(
    "a sentence opens at the text's start, after a line break or a sentence mark, spaces and quotes between",
    arguments: [
      ("近年来", "近年来", true, true), ("  “近年来", "近年来", true, true), ("甲。\u{3000}近年来", "近年来", true, false),
      ("甲\n近年来", "近年来", true, true), ("甲，近年来", "近年来", false, false), ("甲近年来", "近年来", false, false),
    ])
  func openings(text: String, word: String, opensSentence: Bool, opensParagraph: Bool) throws {
    var bytes = text
    let range = try #require(text.utf8.firstRange(of: word.utf8))
    let offset = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
    let (sentence, paragraph) = bytes.withUTF8 {
      (TextBreaks.opensSentence(at: offset, in: $0), TextBreaks.opensParagraph(at: offset, in: $0))
    }
    #expect(sentence == opensSentence)
    #expect(paragraph == opensParagraph)
  }

  @Test("quoted titles: the outermost 《…》, an unclosed one up to its line's end")
  func quotedTitles() {
    var text = "依据《关于《数据》的通知》和《规划\n下一行"
    let spans = text.withUTF8 { bytes in
      TextBreaks.quotedTitles(in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }
    #expect(spans == ["《关于《数据》的通知》", "《规划"])
  }
}

import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("Lazy segmentation")
struct LazyBoundaryTests {
  /// Every text of the bundled corpus, as given and folded (as classification sees it, with
  /// （） become ASCII), plus edge cases: numbers with commas, Latin next to Han, punctuation at
  /// the ends, brackets and quotation marks followed by characters that attach to them
  /// (a combining accent, a variation selector, a zero-width joiner, a kana voicing mark),
  /// ideographs next to ASCII letters and digits.
  static func texts() throws -> [String] {
    var texts = [
      "1,400余个事项，AI,大数据；", "，开头", "结尾。", "a,b;c!d?e:f", "2.0版、3.5万人次\n第二行",
      "推行“一网通办”改革", "依据《条例》(试行)和【通知】「要求」〔2023〕", "f(x)=1与(a)b", "“”《》()",
      "“\u{301}一网通办”", "《条例》\u{FE0F}办理", "(\u{200D}试点)", "【\u{3099}注】", "“政务服务”\u{200B}平台",
      "(试点", "试点)", "“", "〖标题〗〘注〙", "2023年5G网络覆盖AI技术，平台App上线v2版", "年2023", "a年b年c",
      "三4五\u{301}六", "ＡＩ与5G", "第1,400件",
    ]
    for split in ["dev", "test"] {
      let url = Fixtures.repository.appendingPathComponent("Corpus/\(split).jsonl")
      for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let text = record?["text"] as? String ?? ""
        texts.append(text)
        texts.append(TextFolding.standard.fold(text))
      }
    }
    return texts
  }

  @Test("segmenting clause by clause finds exactly the boundaries of whole-text segmentation")
  func sameBoundaries() throws {
    let boundaries = try WordBoundaries()
    for text in try Self.texts() {
      var utf8 = Array(text.utf8)
      let (whole, lazy) = try utf8.withUnsafeMutableBufferPointer { mutable in
        let bytes = UnsafeBufferPointer(mutable)
        try boundaries.findAll(bytes)
        let whole = Array(boundaries.flags[0...bytes.count])
        boundaries.prepareLazy(bytes)
        let lazy = try (0...bytes.count).map { try boundaries.isBoundary(at: $0, in: bytes) }
        return (whole, lazy)
      }
      #expect(whole == lazy, "\(text.prefix(40))")
    }
  }
}

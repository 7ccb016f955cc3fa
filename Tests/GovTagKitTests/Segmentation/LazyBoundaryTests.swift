import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("Lazy segmentation")
struct LazyBoundaryTests {
  /// Every text of the bundled corpus, plus edge cases: numbers with commas, Latin next to Han,
  /// punctuation at the ends.
  static func texts() throws -> [String] {
    var texts = ["1,400余个事项，AI,大数据；", "，开头", "结尾。", "a,b;c!d?e:f", "2.0版、3.5万人次\n第二行"]
    for split in ["dev", "test"] {
      let url = Fixtures.repository.appendingPathComponent("Corpus/\(split).jsonl")
      for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        texts.append(record?["text"] as? String ?? "")
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

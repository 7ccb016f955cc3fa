import Testing

@testable import GovTagKit

@Suite("UTF-8 helpers")
struct UTF8TextTests {
  /// The standard library's answer: the offset where its parser first reports an error.
  func referenceInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  @Test("finds the first invalid sequence where the standard library's parser does")
  func invalidOffsetsAgreeWithTheStandardLibrary() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("数".utf8), Array("é".utf8), Array("😀".utf8), Array("abcdefghij".utf8),
      [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80],
      [0xED, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
      [0xE6, 0x95], [0xF0, 0x9F, 0x98], [0xFF],
    ]
    var random = SplitMix64(seed: 11)
    for _ in 0..<2000 {
      let bytes = (0..<Int.random(in: 0...6, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
      let found = bytes.withUnsafeBufferPointer { UTF8Text.firstInvalidOffset(in: $0) }
      #expect(found == referenceInvalidOffset(bytes), "\(bytes)")
    }
  }

  @Test("converts byte offsets to scalar offsets across long ASCII and Chinese runs")
  func scalarOffsets() {
    let text = "abcdefghijklmnop数据共享😀é一网通办abcdefgh"
    let bytes = Array(text.utf8)
    var boundaries: [Int] = []
    var offset = 0
    for scalar in text.unicodeScalars {
      boundaries.append(offset)
      offset += String(scalar).utf8.count
    }
    boundaries.append(offset)
    let scalars = bytes.withUnsafeBufferPointer { UTF8Text.scalarOffsets(ofSorted: boundaries, in: $0) }
    #expect(scalars == Array(0...text.unicodeScalars.count))
  }
}

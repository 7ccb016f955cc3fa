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

  /// The scalar-by-scalar walks that ``UTF8Text/retreat(_:by:floor:in:)`` and
  /// ``UTF8Text/advance(_:by:ceiling:in:)`` must agree with.
  func referenceRetreat(_ offset: Int, by count: Int, floor: Int, in bytes: [UInt8]) -> Int {
    var index = offset
    var remaining = count
    while remaining > 0 && index > floor {
      index -= 1
      while index > floor && bytes[index] & 0xC0 == 0x80 { index -= 1 }
      remaining -= 1
    }
    return index
  }

  func referenceAdvance(_ offset: Int, by count: Int, ceiling: Int, in bytes: [UInt8]) -> Int {
    var index = offset
    var remaining = count
    while remaining > 0 && index < ceiling {
      index += 1
      while index < ceiling && bytes[index] & 0xC0 == 0x80 { index += 1 }
      remaining -= 1
    }
    return index
  }

  @Test("retreat and advance agree with a scalar-by-scalar walk, from every offset, in mixed and broken text")
  func retreatAndAdvanceAgreeWithTheWalk() {
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("数".utf8), Array("é".utf8), Array("😀".utf8), Array("据，".utf8), [0x80], [0xE4, 0xB8],
    ]
    var random = SplitMix64(seed: 7)
    for _ in 0..<40 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...30, using: &random) { bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
      bytes.withUnsafeBufferPointer { buffer in
        for offset in 0...bytes.count {
          for count in [0, 1, 2, 3, 5, 8, 12, 40] {
            let floor = Int.random(in: 0...offset, using: &random)
            let ceiling = Int.random(in: offset...bytes.count, using: &random)
            #expect(
              UTF8Text.retreat(offset, by: count, floor: floor, in: buffer)
                == referenceRetreat(offset, by: count, floor: floor, in: bytes), "\(bytes) \(offset) \(count) \(floor)")
            #expect(
              UTF8Text.advance(offset, by: count, ceiling: ceiling, in: buffer)
                == referenceAdvance(offset, by: count, ceiling: ceiling, in: bytes), "\(bytes) \(offset) \(count) \(ceiling)")
          }
        }
      }
    }
  }
}

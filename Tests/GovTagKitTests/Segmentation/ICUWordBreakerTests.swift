@_spi(Benchmarking) import GovTagKit
import Testing

/// The C shim hands ICU the text in UTF-16 and maps each boundary back to a UTF-8 byte offset:
/// these pin the offsets where one character is not one code unit or not one byte.
@Suite("ICU word breaker")
struct ICUWordBreakerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// Each segment's end byte offset and ICU rule status, as ICU gives them through a UTF-8 UText.
    var expected: [Segment]
    var testDescription: String { name }
  }

  struct Segment: Equatable, Sendable {
    var end: Int
    var status: Int32
  }

  static let cases: [Case] = [
    Case(
      name: "4-byte characters (CJK extension B, an emoji) are two UTF-16 code units",
      bytes: Array("𠀀数据共享😀平台".utf8),
      expected: [
        .init(end: 4, status: 400), .init(end: 10, status: 400), .init(end: 16, status: 400),
        .init(end: 20, status: 0), .init(end: 26, status: 400),
      ]),
    Case(
      name: "ill-formed bytes are one character each, at their own offsets",
      bytes: Array("数据".utf8) + [0xFF] + Array("共享".utf8) + [0xE6, 0x95] + Array("平台".utf8),
      expected: [
        .init(end: 6, status: 400), .init(end: 7, status: 0), .init(end: 13, status: 400),
        .init(end: 15, status: 0), .init(end: 21, status: 400),
      ]),
    Case(
      name: "a combining mark stays with its letter",
      bytes: Array("e\u{301}té数据".utf8),
      expected: [.init(end: 6, status: 200), .init(end: 12, status: 400)]),
  ]

  @Test("boundaries come back as UTF-8 byte offsets", arguments: cases)
  func byteOffsets(_ example: Case) throws {
    let breaker = try ICUWordBreaker(locale: "zh")
    var segments: [Segment] = []
    var start = 0
    try example.bytes.withUnsafeBufferPointer { bytes in
      try breaker.forEachSegment(of: bytes) { range, status in
        #expect(range.lowerBound == start)
        start = range.upperBound
        segments.append(Segment(end: range.upperBound, status: status))
      }
    }
    #expect(segments == example.expected)
    let count = try example.bytes.withUnsafeBufferPointer { try breaker.countSegments(of: $0) }
    #expect(count == example.expected.count)
  }
}

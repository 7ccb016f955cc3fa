import Testing

@testable import GovTagCore

@Suite("Token merging: lexicon terms over ICU's segments")
struct TokenMergingTests {
  /// 深圳|市南|山区 as ICU segments it: three two-character segments, each 6 bytes.
  static let segmentEnds = [6, 12, 18]
  static let ideographic: [Int32] = [400, 400, 400]

  @Test("a term that cuts a segment splits it at its edges and becomes one token")
  func termCutsSegments() {
    // 南山区 starts in the middle of 市南 and ends with 山区.
    let tokens = Token.merging(terms: [9..<18], segmentEnds: Self.segmentEnds, segmentStatuses: Self.ideographic)
    #expect(
      tokens == [
        Token(range: 0..<6, kind: .ideographic), Token(range: 6..<9, kind: .ideographic),
        Token(range: 9..<18, kind: .ideographic, isLexiconTerm: true),
      ])
  }

  @Test("terms are chosen leftmost-longest without overlap; pieces keep their segment's kind")
  func leftmostLongest() {
    // 深圳市南 (0..<12) wins over 深圳 (0..<6) and the overlapping 市南山区 (6..<18).
    let tokens = Token.merging(
      terms: [0..<12, 0..<6, 6..<18], segmentEnds: Self.segmentEnds, segmentStatuses: [400, 400, 200])
    #expect(tokens == [Token(range: 0..<12, kind: .ideographic, isLexiconTerm: true), Token(range: 12..<18, kind: .letters)])
  }
}

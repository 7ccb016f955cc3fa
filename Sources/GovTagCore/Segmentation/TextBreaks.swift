/// Where GovTag cuts a text into clauses and sentences: the one definition that scope (negation,
/// plan, citation), lexicon contexts (`near:`) and `lexicon suggest` share.
///
/// - A **sentence** ends after 。！？； (full width or ASCII `!?;`) and at a line break.
/// - A **clause** also ends after ，： (full width or ASCII `,:`), so every sentence end is a
///   clause end too. 、 ends neither: 尚未实现数据共享、业务协同 negates both.
/// - An ASCII `,` or `:` with an ASCII digit on each side belongs to a number (1,400 or 10:30)
///   and ends nothing; `.` is never a mark (3.5). Full-width digits are ASCII by then (see
///   ``TextFolding``); 。 and ， always cut, since 共3个。5月 and 分为1，2两期 are two clauses.
///
/// Every function works on UTF-8 bytes and is safe at any character boundary; the marks' lead
/// bytes (E3, EF) never occur inside another character, so no scan can match half a character.
package enum TextBreaks {
  /// What a mark ends.
  enum Kind: Sendable, Hashable {
    /// A clause (，： , :), not the sentence.
    case clause
    /// A sentence (。！？； ! ? ; line break), and so its clause too.
    case sentence
  }

  /// The mark that starts at `offset`, if any: what it ends and its length in bytes.
  @inline(__always)
  static func mark(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (kind: Kind, length: Int)? {
    let byte = bytes[offset]
    if byte < 0x80 { return asciiMark(at: offset, in: bytes).map { ($0, 1) } }
    guard byte == 0xE3 || byte == 0xEF, offset + 2 < bytes.count else { return nil }
    return fullWidthMark(at: offset, in: bytes).map { ($0, 3) }
  }

  /// The mark that ends just before `offset`, if any: what it ends and its length in bytes.
  @inline(__always)
  static func mark(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (kind: Kind, length: Int)? {
    let byte = bytes[offset - 1]
    if byte < 0x80 { return asciiMark(at: offset - 1, in: bytes).map { ($0, 1) } }
    guard offset >= 3, byte >= 0x80 && byte < 0xC0 else { return nil }
    return fullWidthMark(at: offset - 3, in: bytes).map { ($0, 3) }
  }

  /// The ASCII mark at `offset` (a line feed or one of `!?;,:`), `nil` for other bytes and for
  /// a `,` or `:` between digits.
  @inline(__always)
  private static func asciiMark(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
    switch bytes[offset] {
    case 0x0A, UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"): return .sentence
    case UInt8(ascii: ","), UInt8(ascii: ":"):
      return isDigit(bytes, offset - 1) && isDigit(bytes, offset + 1) ? nil : .clause
    default: return nil
    }
  }

  /// Whether `bytes[offset]` exists and is an ASCII digit.
  @inline(__always)
  private static func isDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
    offset >= 0 && offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
  }

  /// The full-width mark whose three bytes start at `offset`: 。 (E3 80 82); ！ ？ ； (EF BC 81,
  /// 9F, 9B); ， ： (EF BC 8C, 9A).
  @inline(__always)
  private static func fullWidthMark(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
    guard offset >= 0, offset + 2 < bytes.count else { return nil }
    let (a, b, c) = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
    if a == 0xE3 { return b == 0x80 && c == 0x82 ? .sentence : nil }
    guard a == 0xEF, b == 0xBC else { return nil }
    switch c {
    case 0x81, 0x9F, 0x9B: return .sentence
    case 0x8C, 0x9A: return .clause
    default: return nil
    }
  }

  /// Whether the bytes at `index` are one of ，：；！？ (U+FF0C, FF1A, FF1B, FF01, FF1F), the
  /// full-width punctuation that ``TextFolding`` leaves full width.
  @inline(__always)
  static func isFullWidthClausePunctuation(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBC else { return false }
    let third = bytes[index + 2]
    return third == 0x8C || third == 0x9A || third == 0x9B || third == 0x81 || third == 0x9F
  }

  // MARK: - Clauses and sentences

  /// The start of the clause that contains `offset`: just after the nearest clause or sentence
  /// mark before it, or the text's start.
  ///
  /// - Parameters:
  ///   - offset: a character boundary.
  ///   - bytes: the text.
  /// - Returns: a byte offset.
  static func clauseStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    clauseStart(before: offset, in: bytes, floor: 0) ?? 0
  }

  /// The start of the clause that contains `offset` if a mark lies between `floor` (a character
  /// boundary) and `offset`, else `nil`; with `floor` 0, `nil` means the text's start.
  ///
  /// Lets a caller that walks hits in order scan each byte once: a hit's clause starts where the
  /// previous hit's does unless a mark lies between them.
  ///
  /// - Complexity: O(`offset` − `floor`).
  static func clauseStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, floor: Int) -> Int? {
    var index = offset
    // `floor` is a character boundary, so a mark ending after it also starts at or after it.
    while index > floor {
      if index - 3 >= floor && isIdeograph(endingAt: index, in: bytes) {
        index -= 3  // no mark ends at any of its three positions (most of the text)
        continue
      }
      if mark(endingAt: index, in: bytes) != nil { return index }
      index -= 1
    }
    return floor == 0 ? 0 : nil
  }

  /// Whether the three bytes before `offset` are one character with a lead byte E4…EE (CJK
  /// ideographs and most other three-byte characters): the marks' lead bytes are E3 and EF, so
  /// no mark ends just after it, nor one or two bytes into it.
  @inline(__always)
  static func isIdeograph(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let lead = bytes[offset - 3]
    return lead >= 0xE4 && lead <= 0xEE && bytes[offset - 2] & 0xC0 == 0x80 && bytes[offset - 1] & 0xC0 == 0x80
  }

  /// The byte range of the clause holding `offset`: from ``clauseStart(before:in:)`` to just
  /// before the next mark (or the text's end).
  static func clause(around offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = clauseStart(before: offset, in: bytes)
    var end = max(offset, start)
    while end < bytes.count, mark(startingAt: end, in: bytes) == nil { end += 1 }
    return start..<end
  }

  /// The start of the sentence that contains `offset` if a sentence mark lies between `floor` (a
  /// character boundary) and `offset`, else `nil`; with `floor` 0, `nil` means the text's start.
  ///
  /// - Complexity: O(`offset` − `floor`).
  static func sentenceStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, floor: Int) -> Int? {
    var index = offset
    while index > floor {
      if mark(endingAt: index, in: bytes)?.kind == .sentence { return index }
      index -= 1
    }
    return floor == 0 ? 0 : nil
  }

  /// The byte range of the sentence holding `range`: from just after the sentence mark before
  /// it to just before the one after it (or the text's ends). Clause marks do not end it.
  static func sentence(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = range.lowerBound
    while start > 0, mark(endingAt: start, in: bytes)?.kind != .sentence { start -= 1 }
    return start..<sentenceEnd(from: range.upperBound, in: bytes)
  }

  /// Where the sentence that holds `offset` ends: the first sentence mark at or after `offset`,
  /// or the text's end. Clause marks do not end it.
  static func sentenceEnd(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var end = offset
    while end < bytes.count, mark(startingAt: end, in: bytes)?.kind != .sentence { end += 1 }
    return end
  }

  /// The end of every sentence of `bytes`, each just past its mark, then `bytes.count` if the
  /// text does not end with a mark.
  ///
  /// - Complexity: O(n).
  package static func sentenceEnds(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var ends: [Int] = []
    var index = 0
    while index < bytes.count {
      if let mark = mark(startingAt: index, in: bytes), mark.kind == .sentence {
        ends.append(index + mark.length)
        index += mark.length
      } else {
        index += 1
      }
    }
    if ends.last != bytes.count { ends.append(bytes.count) }
    return ends
  }
}

/// Helpers over raw UTF-8 bytes for the hot path: the text is handled as bytes and converted
/// to `String` only for output.
package enum UTF8Text {
  /// Whether `byte` starts a scalar (is not a continuation byte `10xxxxxx`).
  @inlinable
  package static func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

  /// The byte offset of the first invalid UTF-8 sequence, or `nil` when the bytes are valid.
  ///
  /// The rules of the Unicode standard's table 3-7 (no overlong forms, no surrogates, nothing
  /// above U+10FFFF), checked by hand rather than with `Unicode.UTF8.ForwardParser` because this
  /// runs over every input line: runs of ASCII go eight bytes at a time, and a Chinese character
  /// costs three byte tests.
  ///
  /// - Complexity: O(n).
  package static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return nil }
    var index = 0
    @inline(__always) func isContinuation(_ offset: Int) -> Bool { offset < count && bytes[offset] & 0xC0 == 0x80 }
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        while index + 8 <= count,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        continue
      }
      switch lead {
      case 0xC2...0xDF:
        guard isContinuation(index + 1) else { return index }
        index += 2
      case 0xE0...0xEF:
        guard isContinuation(index + 1), isContinuation(index + 2) else { return index }
        let second = bytes[index + 1]
        if lead == 0xE0 && second < 0xA0 { return index }  // overlong
        if lead == 0xED && second > 0x9F { return index }  // surrogate
        index += 3
      case 0xF0...0xF4:
        guard isContinuation(index + 1), isContinuation(index + 2), isContinuation(index + 3) else { return index }
        let second = bytes[index + 1]
        if lead == 0xF0 && second < 0x90 { return index }  // overlong
        if lead == 0xF4 && second > 0x8F { return index }  // above U+10FFFF
        index += 4
      default:
        return index  // a continuation byte without a lead, or C0, C1, F5…FF
      }
    }
    return nil
  }

  /// The number of scalars in `bytes[start..<end]`: eight bytes at a time, counting the
  /// continuation bytes (`10xxxxxx`) of each word.
  @inline(__always)
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var index = start
    var scalars = 0
    if let base = bytes.baseAddress {
      while index + 8 <= end {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
        scalars += 8 - continuation.nonzeroBitCount
        index += 8
      }
    }
    while index < end {
      if isScalarStart(bytes[index]) { scalars += 1 }
      index += 1
    }
    return scalars
  }

  /// Converts ascending byte offsets into Unicode scalar (code point) offsets, in one pass.
  ///
  /// - Parameters:
  ///   - byteOffsets: offsets into `bytes`, each on a scalar boundary, in ascending order.
  ///   - bytes: the UTF-8 text.
  /// - Returns: the scalar offset of each byte offset, in the same order.
  /// - Complexity: O(n + k) for n bytes and k offsets.
  package static func scalarOffsets(ofSorted byteOffsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var result = [Int]()
    result.reserveCapacity(byteOffsets.count)
    var byteIndex = 0
    var scalars = 0
    for target in byteOffsets {
      precondition(target >= byteIndex && target <= bytes.count, "offsets must ascend and lie in the text")
      scalars += scalarCount(bytes, from: byteIndex, to: target)
      byteIndex = target
      result.append(scalars)
    }
    return result
  }

  /// Moves `offset` back by up to `count` scalars, never past `floor`: to the `count`-th scalar
  /// start before `offset` (and after `floor`), or to `floor` when there are fewer.
  ///
  /// Eight bytes at a time (this runs twice per hit, for its context), counting the scalar
  /// starts of each word as ``scalarCount(_:from:to:)`` counts continuation bytes.
  package static func retreat(_ offset: Int, by count: Int, floor: Int = 0, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard count > 0, offset > floor else { return offset }
    var remaining = count
    var end = offset  // the scalar starts still to count lie in floor + 1 ..< end
    if let base = bytes.baseAddress {
      while end - 8 > floor {
        let starts = scalarStarts(UnsafeRawPointer(base + end - 8).loadUnaligned(as: UInt64.self))
        let found = starts.nonzeroBitCount
        if found >= remaining {
          var highest = 63 - starts.leadingZeroBitCount
          for _ in 1..<remaining {
            highest = 63 - (starts & ((1 << UInt64(highest)) - 1)).leadingZeroBitCount
          }
          return end - 8 + highest / 8
        }
        remaining -= found
        end -= 8
      }
    }
    while end - 1 > floor {
      end -= 1
      if isScalarStart(bytes[end]) {
        remaining -= 1
        if remaining == 0 { return end }
      }
    }
    return floor
  }

  /// Moves `offset` forward by up to `count` scalars, never past `ceiling`: to the `count`-th
  /// scalar start after `offset` (and before `ceiling`), or to `ceiling` when there are fewer.
  ///
  /// Eight bytes at a time, like ``retreat(_:by:floor:in:)``.
  package static func advance(_ offset: Int, by count: Int, ceiling: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard count > 0, offset < ceiling else { return offset }
    var remaining = count
    var index = offset + 1  // the scalar starts still to count lie in index ..< ceiling
    if let base = bytes.baseAddress {
      while index + 8 <= ceiling {
        let starts = scalarStarts(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let found = starts.nonzeroBitCount
        if found >= remaining {
          var rest = starts
          for _ in 1..<remaining { rest &= rest - 1 }
          return index + rest.trailingZeroBitCount / 8
        }
        remaining -= found
        index += 8
      }
    }
    while index < ceiling {
      if isScalarStart(bytes[index]) {
        remaining -= 1
        if remaining == 0 { return index }
      }
      index += 1
    }
    return ceiling
  }

  /// The top bit of each byte of `word` (read little-endian) that starts a scalar, that is, is
  /// not a continuation byte `10xxxxxx`.
  @inline(__always)
  static func scalarStarts(_ word: UInt64) -> UInt64 {
    0x8080_8080_8080_8080 & ~(word & ~(word << 1))
  }

  /// Whether `word` stands in `bytes` at `offset` (false when it would start before the text or
  /// run past its end): the one byte comparison the rules make for their cue words.
  static func has(_ word: [UInt8], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard offset >= 0, offset + word.count <= bytes.count else { return false }
    for index in word.indices where bytes[offset + index] != word[index] { return false }
    return true
  }

  /// The string made of `bytes[range]`, which must be valid UTF-8 on scalar boundaries.
  package static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

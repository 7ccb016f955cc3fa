/// Helpers over raw UTF-8 bytes for the hot path: the text is handled as bytes and converted
/// to `String` only for output.
public enum UTF8Text {
  /// Whether `byte` starts a scalar (is not a continuation byte `10xxxxxx`).
  @inlinable
  public static func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

  /// The byte offset of the first invalid UTF-8 sequence, or `nil` when the bytes are valid.
  ///
  /// The rules of the Unicode standard's table 3-7 (no overlong forms, no surrogates, nothing
  /// above U+10FFFF), checked by hand rather than with `Unicode.UTF8.ForwardParser` because this
  /// runs over every input line: runs of ASCII go eight bytes at a time, and a Chinese character
  /// costs three byte tests.
  ///
  /// - Complexity: O(n).
  public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
  public static func scalarOffsets(ofSorted byteOffsets: [Int], in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
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

  /// Moves `offset` back by up to `count` scalars, never past `floor`.
  public static func retreat(_ offset: Int, by count: Int, floor: Int = 0, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = offset
    var remaining = count
    while remaining > 0 && index > floor {
      index -= 1
      while index > floor && !isScalarStart(bytes[index]) { index -= 1 }
      remaining -= 1
    }
    return index
  }

  /// Moves `offset` forward by up to `count` scalars, never past `ceiling`.
  public static func advance(_ offset: Int, by count: Int, ceiling: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = offset
    var remaining = count
    while remaining > 0 && index < ceiling {
      index += 1
      while index < ceiling && !isScalarStart(bytes[index]) { index += 1 }
      remaining -= 1
    }
    return index
  }

  /// The string made of `bytes[range]`, which must be valid UTF-8 on scalar boundaries.
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}

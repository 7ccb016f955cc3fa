/// Helpers over raw UTF-8 bytes for the hot path: the text is handled as bytes and converted
/// to `String` only for output.
public enum UTF8Text {
  /// Whether `byte` starts a scalar (is not a continuation byte `10xxxxxx`).
  @inlinable
  public static func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

  /// The byte offset of the first invalid UTF-8 sequence, or `nil` when the bytes are valid.
  ///
  /// - Complexity: O(n).
  public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
      while byteIndex < target {
        if isScalarStart(bytes[byteIndex]) { scalars += 1 }
        byteIndex += 1
      }
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

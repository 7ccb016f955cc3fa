/// Folds variant forms to the ones the lexicons are written in, before segmentation and matching:
/// traditional characters to simplified (數據共享 → 数据共享, from ICU's Traditional-Simplified
/// transliterator, see ``traditionalSimplifiedPairs``) and full-width ASCII and the ideographic
/// space to their NFKC forms (ＡＩ → AI).
///
/// Evidence must still point into the original text, so folding keeps a map from folded byte
/// offsets back to original ones. Traditional→simplified never changes a character's UTF-8
/// length, so for most texts the map is the identity and is not built at all; only width
/// folding (3 bytes → 1) needs it.
///
/// Why a table rather than calling the transliterator per text: the table is applied in the
/// same byte loop that copies the text, at a few nanoseconds per character, while ICU's
/// rule-based transliterator costs more than the whole segmentation of a record.
public struct TextFolding: Sendable {
  /// BMP code unit → folded code unit (identity where nothing folds).
  private let bmp: [UInt16]
  /// Astral scalars that fold.
  private let astral: [UInt32: UInt32]

  /// The folding used by GovTag.
  public static let standard = TextFolding()

  private init() {
    var bmp = (0...0xFFFF).map { UInt16($0) }
    var astral: [UInt32: UInt32] = [:]
    var pending: UInt32?
    for scalar in Self.traditionalSimplifiedPairs.unicodeScalars {
      guard let from = pending else {
        pending = scalar.value
        continue
      }
      pending = nil
      if from <= 0xFFFF && scalar.value <= 0xFFFF {
        bmp[Int(from)] = UInt16(scalar.value)
      } else {
        astral[from] = scalar.value
      }
    }
    // NFKC width folding: full-width ASCII FF01–FF5E → 0021–007E, ideographic space → space;
    // except the full-width sentence punctuation ，：；！？ of ordinary Chinese prose, which no
    // term contains and which is a word boundary either way: folding it would change every
    // text's length and force the slow, offset-mapping path on nearly every record.
    let sentencePunctuation: Set<Int> = [0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F]
    for unit in 0xFF01...0xFF5E where !sentencePunctuation.contains(unit) { bmp[unit] = UInt16(unit - 0xFEE0) }
    bmp[0x3000] = 0x20
    self.bmp = bmp
    self.astral = astral
  }

  /// The folded form of one scalar.
  public func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value <= 0xFFFF ? UInt32(bmp[Int(scalar.value)]) : astral[scalar.value] ?? scalar.value
    return Unicode.Scalar(value) ?? scalar
  }

  /// The folded form of a string (for terms and tests; the hot path uses ``fold(_:into:offsets:)``).
  public func fold(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(fold(scalar)) }
    return String(result)
  }

  /// Folds valid UTF-8 `bytes` into `output`.
  ///
  /// - Parameters:
  ///   - bytes: the original text.
  ///   - output: receives the folded text (its old content is replaced; capacity is reused).
  ///   - offsets: when any character changed length, receives for every folded byte offset
  ///     (0…output.count) the original byte offset; left empty otherwise.
  /// - Complexity: O(n).
  public func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], offsets: inout [Int32]) {
    output.removeAll(keepingCapacity: true)
    offsets.removeAll(keepingCapacity: true)
    output.append(contentsOf: bytes)
    if foldInPlace(&output) { return }
    output.removeAll(keepingCapacity: true)
    foldChangingLengths(bytes, into: &output, offsets: &offsets)
  }

  /// The common case: folds `text` in place when no character changes its UTF-8 length (every
  /// traditional→simplified pair keeps it). Returns false, with `text` half-folded, as soon as a
  /// character would change length (full-width ASCII, the ideographic space, an astral pair).
  private func foldInPlace(_ text: inout [UInt8]) -> Bool {
    bmp.withUnsafeBufferPointer { table in
      text.withUnsafeMutableBufferPointer { bytes in
        let count = bytes.count
        var index = 0
        while index < count {
          let lead = bytes[index]
          if lead < 0xE0 {
            index += 1  // ASCII, continuation bytes and 2-byte characters never fold
            continue
          }
          if lead >= 0xF0 {
            if index + 3 < count {
              let value =
                (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
              if astral[value] != nil { return false }
            }
            index += 4
            continue
          }
          guard index + 2 < count else { return true }
          let value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
          let folded = UInt32(table[Int(value)])
          if folded != value {
            guard folded >= 0x800 else { return false }
            bytes[index] = UInt8(0xE0 | (folded >> 12))
            bytes[index + 1] = UInt8(0x80 | ((folded >> 6) & 0x3F))
            bytes[index + 2] = UInt8(0x80 | (folded & 0x3F))
          }
          index += 3
        }
        return true
      }
    }
  }

  /// Folds while building the offset map, for texts where some character changes length.
  private func foldChangingLengths(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], offsets: inout [Int32]) {
    output.reserveCapacity(bytes.count)
    // Whether the map is being built (a character changed length); `offsets.isEmpty` cannot
    // tell, since a change at the very start leaves the identity prefix empty.
    var mapped = false
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        output.append(lead)
        if mapped { offsets.append(Int32(index)) }
        index += 1
        continue
      }
      if lead >= 0xE0 && lead < 0xF0 && index + 2 < count {
        let value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        let folded = UInt32(bmp[Int(value)])
        if folded == value {
          output.append(lead)
          output.append(bytes[index + 1])
          output.append(bytes[index + 2])
          if mapped { offsets.append(contentsOf: [Int32(index), Int32(index + 1), Int32(index + 2)]) }
        } else {
          appendScalar(folded, originalStart: index, originalLength: 3, to: &output, offsets: &offsets, mapped: &mapped)
        }
        index += 3
        continue
      }
      let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      let end = min(index + length, count)
      if length == 4 && end - index == 4 {
        let value =
          (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
          | UInt32(bytes[index + 3] & 0x3F)
        if let folded = astral[value] {
          appendScalar(folded, originalStart: index, originalLength: 4, to: &output, offsets: &offsets, mapped: &mapped)
          index = end
          continue
        }
      }
      for byte in index..<end {
        output.append(bytes[byte])
        if mapped { offsets.append(Int32(byte)) }
      }
      index = end
    }
    if mapped { offsets.append(Int32(count)) }
  }

  private func appendScalar(
    _ value: UInt32, originalStart: Int, originalLength: Int, to output: inout [UInt8], offsets: inout [Int32],
    mapped: inout Bool
  ) {
    let length = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    if length != originalLength && !mapped {
      // The first change of length: start the map, with the identity for everything so far.
      offsets = (0..<output.count).map { Int32($0) }
      mapped = true
    }
    switch length {
    case 1: output.append(UInt8(value))
    case 2: output.append(contentsOf: [UInt8(0xC0 | (value >> 6)), UInt8(0x80 | (value & 0x3F))])
    case 3:
      output.append(contentsOf: [
        UInt8(0xE0 | (value >> 12)), UInt8(0x80 | ((value >> 6) & 0x3F)), UInt8(0x80 | (value & 0x3F)),
      ])
    default:
      output.append(contentsOf: [
        UInt8(0xF0 | (value >> 18)), UInt8(0x80 | ((value >> 12) & 0x3F)), UInt8(0x80 | ((value >> 6) & 0x3F)),
        UInt8(0x80 | (value & 0x3F)),
      ])
    }
    if mapped {
      // Every byte of the folded character maps to the start of the original one.
      for _ in 0..<length { offsets.append(Int32(originalStart)) }
    }
  }
}

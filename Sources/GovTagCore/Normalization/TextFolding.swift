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
package struct TextFolding: Sendable {
  /// BMP code unit → folded code unit (identity where nothing folds).
  private let bmp: [UInt16]
  /// Astral scalars that fold.
  private let astral: [UInt32: UInt32]

  /// The folding used by GovTag.
  package static let standard = TextFolding()

  /// Characters ICU's table folds that are also standard simplified characters, and so stay as
  /// they are: ICU folds 乾 → 干 (乾燥), 著 → 着 (隨著) and 瞭 → 了 (瞭解), which also turned the
  /// simplified 乾县, 著作权 and 瞭望 into words no lexicon entry could match (`govtag lexicon
  /// check` reports any entry that folding changes).
  static let keptCharacters: Set<UInt32> = [0x4E7E, 0x8457, 0x77AD]  // 乾 著 瞭

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
      if Self.keptCharacters.contains(from) { continue }
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
  package func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value <= 0xFFFF ? UInt32(bmp[Int(scalar.value)]) : astral[scalar.value] ?? scalar.value
    return Unicode.Scalar(value) ?? scalar
  }

  /// The folded form of a string (for terms and tests; the hot path uses ``fold(_:into:offsets:)``).
  package func fold(_ text: String) -> String {
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
  ///     (0…output.count) the original byte offset (every byte of a folded character maps to
  ///     the start of the original one); left empty otherwise.
  /// - Complexity: O(n).
  package func fold(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], offsets: inout [Int32]) {
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
  ///
  /// Folding never makes a character longer, so the folded text and its map fit in buffers of
  /// the original's size, written with plain stores (this runs for most Chinese texts: full-width
  /// （） fold to ASCII).
  private func foldChangingLengths(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], offsets: inout [Int32]) {
    let count = bytes.count
    output.removeAll(keepingCapacity: true)
    output.append(contentsOf: repeatElement(0, count: count))
    offsets.removeAll(keepingCapacity: true)
    offsets.append(contentsOf: repeatElement(0, count: count + 1))
    var changed = false
    let written = bmp.withUnsafeBufferPointer { table in
      output.withUnsafeMutableBufferPointer { out in
        offsets.withUnsafeMutableBufferPointer { map in
          var read = 0
          var write = 0
          @inline(__always) func put(_ byte: UInt8, from origin: Int) {
            out[write] = byte
            map[write] = Int32(truncatingIfNeeded: origin)
            write += 1
          }
          /// Writes a folded scalar; every byte of it maps to the start of the original one.
          func putScalar(_ value: UInt32, from origin: Int, originalLength: Int) {
            let length = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            if length != originalLength { changed = true }
            switch length {
            case 1:
              put(UInt8(value), from: origin)
            case 2:
              put(UInt8(0xC0 | (value >> 6)), from: origin)
              put(UInt8(0x80 | (value & 0x3F)), from: origin)
            case 3:
              put(UInt8(0xE0 | (value >> 12)), from: origin)
              put(UInt8(0x80 | ((value >> 6) & 0x3F)), from: origin)
              put(UInt8(0x80 | (value & 0x3F)), from: origin)
            default:
              put(UInt8(0xF0 | (value >> 18)), from: origin)
              put(UInt8(0x80 | ((value >> 12) & 0x3F)), from: origin)
              put(UInt8(0x80 | ((value >> 6) & 0x3F)), from: origin)
              put(UInt8(0x80 | (value & 0x3F)), from: origin)
            }
          }
          while read < count {
            let lead = bytes[read]
            if lead < 0x80 {
              put(lead, from: read)
              read += 1
              continue
            }
            if lead >= 0xE0 && lead < 0xF0 && read + 2 < count {
              let value =
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[read + 1] & 0x3F) << 6) | UInt32(bytes[read + 2] & 0x3F)
              let folded = UInt32(table[Int(value)])
              if folded == value {
                // Most characters: three bytes as they are, with plain stores through the base
                // addresses (the buffers hold `count` bytes, and `write` never passes `read`).
                let target = out.baseAddress.unsafelyUnwrapped + write
                let origin = map.baseAddress.unsafelyUnwrapped + write
                let from = Int32(truncatingIfNeeded: read)
                target[0] = lead
                target[1] = bytes[read &+ 1]
                target[2] = bytes[read &+ 2]
                origin[0] = from
                origin[1] = from &+ 1
                origin[2] = from &+ 2
                write &+= 3
              } else {
                putScalar(folded, from: read, originalLength: 3)
              }
              read &+= 3
              continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            let end = min(read + length, count)
            if length == 4 && end - read == 4 {
              let value =
                (UInt32(lead & 0x07) << 18) | (UInt32(bytes[read + 1] & 0x3F) << 12)
                | (UInt32(bytes[read + 2] & 0x3F) << 6) | UInt32(bytes[read + 3] & 0x3F)
              if let folded = astral[value] {
                putScalar(folded, from: read, originalLength: 4)
                read = end
                continue
              }
            }
            for byte in read..<end { put(bytes[byte], from: byte) }
            read = end
          }
          map[write] = Int32(truncatingIfNeeded: count)
          return write
        }
      }
    }
    output.removeLast(count - written)
    if changed {
      offsets.removeLast(count - written)
    } else {
      offsets.removeAll(keepingCapacity: true)  // every length kept: the map is the identity
    }
  }
}

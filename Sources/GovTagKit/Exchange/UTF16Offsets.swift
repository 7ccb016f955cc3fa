/// Converts GovTag's offsets (Unicode code points) into JavaScript string indices (UTF-16 code
/// units), which is what Label Studio means by a span's `start` and `end`.
///
/// The two differ after every character outside the Basic Multilingual Plane (𠮷, an emoji):
/// one code point, two UTF-16 code units. A table built once per text answers every span of it.
///
///     let offsets = UTF16Offsets("𠮷一网通办")
///     offsets.utf16(1)   // 2
package struct UTF16Offsets: Sendable {
  /// `units[i]` is the UTF-16 offset of code point `i`; the last entry is the text's UTF-16 length.
  private var units: [Int]

  /// Builds the table for `text`.
  ///
  /// - Parameter text: the field the offsets point into.
  package init(_ text: String) {
    var units: [Int] = [0]
    units.reserveCapacity(text.unicodeScalars.count + 1)
    var offset = 0
    for scalar in text.unicodeScalars {
      offset += scalar.utf16.count
      units.append(offset)
    }
    self.units = units
  }

  /// The number of code points in the text.
  package var codePointCount: Int { units.count - 1 }

  /// The UTF-16 offset of code point offset `codePoint`, or `nil` when it lies past the text's end.
  ///
  /// - Parameter codePoint: a code point offset, `0...codePointCount`.
  /// - Returns: the same position in UTF-16 code units.
  package func utf16(_ codePoint: Int) -> Int? {
    codePoint >= 0 && codePoint < units.count ? units[codePoint] : nil
  }
}

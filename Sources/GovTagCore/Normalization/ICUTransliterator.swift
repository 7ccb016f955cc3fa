internal import CICU

/// An ICU transliterator (for example `Traditional-Simplified`), applied to whole strings.
///
/// Used to check and regenerate ``TextFolding``'s table, not on the hot path. Not thread-safe.
package final class ICUTransliterator {
  private let handle: OpaquePointer

  /// Opens the transliterator with ICU id `identifier`.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU does not know the id or lacks its data.
  package init(identifier: String) throws {
    var status: Int32 = 0
    guard let handle = govtag_transliterator_open(identifier, &status) else {
      throw GovTagError(.icu, "ICU could not open the transliterator \(identifier): \(ICU.errorName(status))")
    }
    self.handle = handle
  }

  deinit { govtag_transliterator_close(handle) }

  /// Transliterates `text`.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  package func apply(_ text: String) throws -> String {
    var units = Array(text.utf16)
    var length = Int32(units.count)
    // Room for growth: some transliterations lengthen the text.
    let capacity = units.count * 2 + 16
    units += [UInt16](repeating: 0, count: capacity - units.count)
    let status = units.withUnsafeMutableBufferPointer { buffer in
      govtag_transliterator_apply(handle, buffer.baseAddress, &length, Int32(capacity))
    }
    guard status <= 0 else { throw GovTagError(.icu, "ICU transliteration failed: \(ICU.errorName(status))") }
    return String(decoding: units[0..<Int(length)], as: UTF16.self)
  }
}

internal import CICU

/// ICU4C's word-break iterator (`UBRK_WORD`) over UTF-8 text, with boundaries as byte offsets.
///
/// For locale `zh`, ICU segments Han text with its dictionary, so 坚持财政务实管理 becomes
/// 坚持|财政|务实|管理. Not thread-safe: ICU iterators carry state, so create one per worker.
@_spi(Benchmarking) public final class ICUWordBreaker {
  private let handle: OpaquePointer
  /// Scratch for ICU's boundaries; unchecked like ``WordBoundaries``' own: one thread, no overlapping access.
  @exclusivity(unchecked) private var ends: [Int32] = []
  @exclusivity(unchecked) private var statuses: [Int32] = []

  /// Opens an iterator for `locale`.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU cannot open it (missing data).
  public init(locale: String = "zh") throws {
    var status: Int32 = 0
    guard let handle = govtag_wordbreak_open(locale, &status) else {
      throw GovTagError(
        .icu, "ICU could not open a word-break iterator for locale \(locale): \(ICU.errorName(status))",
        hint: "check that libicu is installed (apt-get install libicu-dev)")
    }
    self.handle = handle
  }

  deinit { govtag_wordbreak_close(handle) }

  /// Segments UTF-8 `bytes` and calls `body` with each segment's byte range and ICU rule status.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails, or when the text is over 2 GiB.
  package func forEachSegment(
    of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int32) throws -> Void
  ) throws {
    guard bytes.count > 0 else { return }
    guard bytes.count < Int(Int32.max) else {
      throw GovTagError(.icu, "a text of \(bytes.count) bytes is too long for ICU (the limit is 2 GiB)")
    }
    if ends.count < bytes.count {
      ends = [Int32](repeating: 0, count: bytes.count)
      statuses = [Int32](repeating: 0, count: bytes.count)
    }
    var status: Int32 = 0
    let count = ends.withUnsafeMutableBufferPointer { ends in
      statuses.withUnsafeMutableBufferPointer { statuses in
        govtag_wordbreak_segment(
          handle, bytes.baseAddress, Int32(bytes.count), ends.baseAddress, statuses.baseAddress,
          Int32(ends.count), &status)
      }
    }
    guard count >= 0 else {
      throw GovTagError(.icu, "ICU word break failed: \(ICU.errorName(status))")
    }
    // Local references (no copy): reading the stored arrays inside the loop would cost a dynamic
    // exclusivity check per segment, since `body` might re-enter.
    let segmentEnds = ends
    let segmentStatuses = statuses
    var start = 0
    for index in 0..<Int(count) {
      let end = Int(segmentEnds[index])
      try body(start..<end, segmentStatuses[index])
      start = end
    }
  }

  /// Counts segments without reporting them: the cost of ICU alone, for the benchmark.
  public func countSegments(of bytes: UnsafeBufferPointer<UInt8>) throws -> Int {
    var status: Int32 = 0
    let count = govtag_wordbreak_count(handle, bytes.baseAddress, Int32(clamping: bytes.count), &status)
    guard count >= 0 else { throw GovTagError(.icu, "ICU word break failed: \(ICU.errorName(status))") }
    return Int(count)
  }
}

/// Facts about the ICU library GovTag runs on.
package enum ICU {
  /// The ICU version, e.g. `72.1`: part of every output record's provenance, since a different
  /// ICU dictionary can segment, and so label, differently.
  package static let version: String = {
    var buffer = [CChar](repeating: 0, count: 32)
    govtag_icu_version(&buffer, Int32(buffer.count))
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }()

  /// ICU's name for an error code.
  static func errorName(_ status: Int32) -> String {
    guard let name = govtag_icu_error_name(status) else { return "error \(status)" }
    return String(cString: name)
  }
}

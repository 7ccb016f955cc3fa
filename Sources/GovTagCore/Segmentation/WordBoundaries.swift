/// ICU's word boundaries of one text at a time, found for the whole text or lazily, run by run.
///
/// Owns an ``ICUWordBreaker`` and scratch buffers reused from text to text, so, like the
/// iterator, it is not thread-safe: each worker's tagger has its own.
final class WordBoundaries {
  let wordBreaker: ICUWordBreaker
  // The scratch state below is marked `@exclusivity(unchecked)`: an instance belongs to one
  // thread and no access to it overlaps another, and the dynamic check Swift otherwise makes on
  // every access to a class's stored property (a call into the runtime, ~75 instructions) ran
  // on every word-boundary query. A class, not a struct held by the tagger: mutating a struct
  // stored in a class goes through one such checked access per call.
  /// `flags[i]` is true when byte offset `i` of the current text is a known ICU word boundary.
  @exclusivity(unchecked) private(set) var flags: [Bool] = []
  /// ICU's segments of the current text (end offset, rule status), after ``findAll(_:)`` only.
  @exclusivity(unchecked) private(set) var segmentEnds: [Int] = []
  @exclusivity(unchecked) private(set) var segmentStatuses: [Int32] = []
  /// For lazy segmentation (``prepareLazy(_:)``): the runs between hard breaks, and which of
  /// them ICU has segmented; `isLazy` is false after a whole-text segmentation.
  @exclusivity(unchecked) private var runStarts: [Int] = []
  @exclusivity(unchecked) private var runEnds: [Int] = []
  @exclusivity(unchecked) private var runSegmented: [Bool] = []
  @exclusivity(unchecked) private var isLazy = false

  /// Opens the ICU iterator (locale `zh`, which segments Han text with ICU's dictionary).
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU cannot open a word-break iterator.
  init() throws {
    self.wordBreaker = try ICUWordBreaker(locale: "zh")
  }

  /// Runs ICU over the whole of `bytes` and records its boundaries and its segments.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  func findAll(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    let count = bytes.count
    if flags.count < count + 1 {
      flags = [Bool](repeating: false, count: count + 1)
    } else {
      for index in 0...count { flags[index] = false }
    }
    flags[0] = true
    isLazy = false
    segmentEnds.removeAll(keepingCapacity: true)
    segmentStatuses.removeAll(keepingCapacity: true)
    try wordBreaker.forEachSegment(of: bytes) { range, status in
      flags[range.upperBound] = true
      segmentEnds.append(range.upperBound)
      segmentStatuses.append(status)
    }
  }

  /// Prepares word-boundary queries over `bytes` without running ICU yet.
  ///
  /// Classification needs ICU's boundaries only where a word-matched term or a scope cue hits,
  /// and ICU's dictionary segmentation of Chinese never looks across punctuation: a run of text
  /// between two 。、 or line breaks (or ASCII ,;!?: next to non-ASCII text, which is where
  /// folded full-width punctuation lands) is segmented the same alone as inside the whole text.
  /// Brackets, parentheses and double quotation marks (“一网通办”, 《条例》, (试点)) cut runs
  /// too: shorter runs mean less text for ICU, and a quoted term needs no ICU at all.
  /// So the text is cut into such runs here, and ``isBoundary(at:in:)`` segments a run the
  /// first time a query falls in it. (，：；！？ stay full width through ``TextFolding``.) Clauses without any hit, typically four in ten, never reach
  /// ICU. `Tests/…/LazyBoundaryTests` checks the result against whole-text segmentation.
  ///
  /// These runs are not the clauses of scope and context (``TextBreaks``): they follow where ICU
  /// starts afresh, which is why 、 cuts a run but not a clause.
  func prepareLazy(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    if flags.count < count + 1 {
      flags = [Bool](repeating: false, count: count + 1)
    } else {
      flags.withUnsafeMutableBufferPointer { flags in
        UnsafeMutableBufferPointer(rebasing: flags[0...count]).update(repeating: false)
      }
    }
    // The loop works on local arrays (moved out and back, so nothing is copied): writing to the
    // stored ones would cost a dynamic exclusivity check per clause mark.
    var runStarts = self.runStarts
    var runEnds = self.runEnds
    var flags = self.flags
    (self.runStarts, self.runEnds, self.flags) = ([], [], [])
    defer { (self.runStarts, self.runEnds, self.flags) = (runStarts, runEnds, flags) }
    runStarts.removeAll(keepingCapacity: true)
    runEnds.removeAll(keepingCapacity: true)
    runStarts.append(0)
    // Whether the character before `index` is a CJK ideograph (U+4000–U+9FFF), or an ASCII
    // letter or digit: ICU always breaks between the two (2023|年, 5G|网络, 平台|App), so the
    // run is cut there too, without a character of its own.
    // (The cut is written out in place: a local function capturing the arrays cost a dynamic
    // exclusivity check per call.)
    var afterIdeograph = false
    var afterAlphanumeric = false
    var index = 0
    while index < count {
      let byte = bytes[index]
      let isIdeograph = byte >= 0xE4 && byte <= 0xE9
      let isAlphanumeric = !isIdeograph && Self.isASCIIAlphanumeric(byte)
      if (isIdeograph && afterAlphanumeric) || (isAlphanumeric && afterIdeograph) {
        runEnds.append(index)
        flags[index] = true
        runStarts.append(index)
      }
      afterIdeograph = isIdeograph
      afterAlphanumeric = isAlphanumeric
      if byte >= 0xE4 && byte <= 0xEE {
        index += 3  // a CJK ideograph or other character that never cuts (most of the text)
        continue
      }
      if isAlphanumeric {
        index += 1
        continue
      }
      var cut = 0
      switch byte {
      case 0x0A: cut = 1
      case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x82 || bytes[index + 2] == 0x81):
        cut = 3  // 。 or 、
      case 0xEF where TextBreaks.isFullWidthClausePunctuation(bytes, at: index):
        cut = 3  // ，：；！？
      case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"):
        // Between ASCII characters a comma may sit inside a number (1,400): not a cut.
        let before = index > 0 ? bytes[index - 1] : 0x80
        let after = index + 1 < count ? bytes[index + 1] : 0x80
        if before >= 0x80 || after >= 0x80 { cut = 1 }
      case UInt8(ascii: "("), UInt8(ascii: ")"):
        if Self.isPlainStart(bytes, at: index + 1) { cut = 1 }
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D):
        if Self.isPlainStart(bytes, at: index + 3) { cut = 3 }  // “ or ”
      case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && Self.isCJKBracket(bytes[index + 2]):
        if Self.isPlainStart(bytes, at: index + 3) { cut = 3 }  // 《》「」『』【】〔〕〖〗…
      default: break
      }
      if cut > 0 {
        runEnds.append(index)
        flags[index] = true
        flags[index + cut] = true
        runStarts.append(index + cut)
        index += cut
      } else {
        index += 1
      }
    }
    runEnds.append(count)
    flags[0] = true
    flags[count] = true
    if runSegmented.count < runStarts.count {
      runSegmented = [Bool](repeating: false, count: runStarts.count)
    } else {
      for run in 0..<runStarts.count { runSegmented[run] = false }
    }
    isLazy = true
  }

  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z"))
  }

  /// Whether the third byte of `E3 80 xx` is one of the brackets U+3008–U+3011 or U+3014–U+301B
  /// (〈〉《》「」『』【】〔〕〖〗〘〙〚〛).
  private static func isCJKBracket(_ third: UInt8) -> Bool {
    (third >= 0x88 && third <= 0x91) || (third >= 0x94 && third <= 0x9B)
  }

  /// Whether the character at `index` (or the text's end) is one that never attaches to the
  /// character before it: ASCII or a CJK ideograph (U+4000–U+9FFF). A bracket or double
  /// quotation mark is "Other" to the word-break rules, so ICU breaks on both sides of it unless
  /// an extending or format character (a combining mark, a variation selector, a joiner)
  /// follows; those live elsewhere, so a cut is made only before these.
  private static func isPlainStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index < bytes.count else { return true }
    let byte = bytes[index]
    return byte < 0x80 || (byte >= 0xE4 && byte <= 0xE9)
  }

  /// Whether `offset` is an ICU word boundary of `bytes` (the text last given to
  /// ``prepareLazy(_:)`` or ``findAll(_:)``), segmenting its run first if need be.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  func isBoundary(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
    if flags[offset] || !isLazy { return flags[offset] }
    // The run holding `offset`: the last one starting at or before it.
    var low = 0
    var high = runStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if runStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    guard !runSegmented[low] else { return false }
    runSegmented[low] = true
    let start = runStarts[low]
    let end = runEnds[low]
    guard start < end else { return false }
    // One access to the flags for the whole run, not a checked access per segment.
    try flags.withUnsafeMutableBufferPointer { flags in
      try wordBreaker.forEachSegment(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) { range, _ in
        flags[start + range.upperBound] = true
      }
    }
    return flags[offset]
  }
}

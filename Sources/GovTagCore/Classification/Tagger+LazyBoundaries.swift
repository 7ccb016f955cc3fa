extension Tagger {
  /// Prepares word-boundary queries over `bytes` without running ICU yet.
  ///
  /// Classification needs ICU's boundaries only where a word-matched term or a scope cue hits,
  /// and ICU's dictionary segmentation of Chinese never looks across punctuation: a run of text
  /// between two 。、 or line breaks (or ASCII ,;!?: next to non-ASCII text, which is where
  /// folded full-width punctuation lands) is segmented the same alone as inside the whole text.
  /// So the text is cut into such runs here, and ``isWordBoundary(at:in:)`` segments a run the
  /// first time a query falls in it. (，：；！？ stay full width through ``TextFolding``.) Clauses without any hit, typically four in ten, never reach
  /// ICU. `Tests/…/LazyBoundaryTests` checks the result against whole-text segmentation.
  ///
  /// These runs are not the clauses of scope and context (``TextBreaks``): they follow where ICU
  /// starts afresh, which is why 、 cuts a run but not a clause.
  func prepareLazyBoundaries(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    if isBoundary.count < count + 1 {
      isBoundary = [Bool](repeating: false, count: count + 1)
    } else {
      isBoundary.withUnsafeMutableBufferPointer { flags in
        UnsafeMutableBufferPointer(rebasing: flags[0...count]).update(repeating: false)
      }
    }
    // The loop works on local arrays (moved out and back, so nothing is copied): writing to the
    // stored ones would cost a dynamic exclusivity check per clause mark.
    var runStarts = self.runStarts
    var runEnds = self.runEnds
    var isBoundary = self.isBoundary
    (self.runStarts, self.runEnds, self.isBoundary) = ([], [], [])
    defer { (self.runStarts, self.runEnds, self.isBoundary) = (runStarts, runEnds, isBoundary) }
    runStarts.removeAll(keepingCapacity: true)
    runEnds.removeAll(keepingCapacity: true)
    runStarts.append(0)
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte >= 0xE4 && byte <= 0xEE {
        index += 3  // a CJK ideograph or other character that never cuts (most of the text)
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
      default: break
      }
      if cut > 0 {
        runEnds.append(index)
        isBoundary[index] = true
        isBoundary[index + cut] = true
        runStarts.append(index + cut)
        index += cut
      } else {
        index += 1
      }
    }
    runEnds.append(count)
    isBoundary[0] = true
    isBoundary[count] = true
    if runSegmented.count < runStarts.count {
      runSegmented = [Bool](repeating: false, count: runStarts.count)
    } else {
      for run in 0..<runStarts.count { runSegmented[run] = false }
    }
    lazyBoundaries = true
  }

  /// Whether `offset` is an ICU word boundary, segmenting its run first if need be.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  func isWordBoundary(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) throws -> Bool {
    if isBoundary[offset] || !lazyBoundaries { return isBoundary[offset] }
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
    try isBoundary.withUnsafeMutableBufferPointer { flags in
      try wordBreaker.forEachSegment(of: UnsafeBufferPointer(rebasing: bytes[start..<end])) { range, _ in
        flags[start + range.upperBound] = true
      }
    }
    return isBoundary[offset]
  }
}

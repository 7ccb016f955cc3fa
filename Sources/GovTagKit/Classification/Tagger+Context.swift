extension Tagger {
  /// A hit of a context word (see ``LexiconContext``).
  struct ContextWordHit {
    var start: Int
    var end: Int
    var context: Int
    var word: Int
  }

  /// Marks counting hits whose term needs a context (`near:`) that their sentence lacks.
  ///
  /// The window is the sentence, not the clause: 整合了公安、税务等部门的数据 names its agencies
  /// in the same clause as the verb, but 汇入公安、交通、城管等部门视频资源，…联合研判 may not.
  /// A context word overlapping the hit itself does not count for it.
  func applyContexts(to hits: inout [RawHit], words: [ContextWordHit], in bytes: UnsafeBufferPointer<UInt8>) {
    // The automaton reports matches by end; sentence windows are found by start.
    let words = words.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    var found: [Int: Double] = [:]
    for index in hits.indices where hits[index].status.counts {
      let hit = hits[index]
      let termIndex = model.termBase[model.categoryBase[hit.dimension] + hit.category] + hit.term
      let contextIndex = Int(model.termContext[termIndex])
      guard contextIndex >= 0 else { continue }
      let context = model.contexts[contextIndex]
      let sentence = Self.sentence(around: hit.start..<hit.end, in: bytes)
      // First word starting in the sentence.
      var low = 0
      var high = words.count
      while low < high {
        let middle = (low + high) / 2
        if words[middle].start < sentence.lowerBound { low = middle + 1 } else { high = middle }
      }
      found.removeAll(keepingCapacity: true)
      var total = 0.0
      var position = low
      while position < words.count, words[position].start < sentence.upperBound, total < context.atLeast {
        let word = words[position]
        position += 1
        guard word.context == contextIndex, word.end <= sentence.upperBound,
          word.end <= hit.start || word.start >= hit.end, found[word.word] == nil
        else { continue }
        let value = context.words[word.word].value
        found[word.word] = value
        total += value
      }
      if total < context.atLeast { hits[index].status = .missingContext(context: context.name) }
    }
  }

  /// The byte range of the sentence holding `range`: between 。！？； (full width or ASCII) or line
  /// breaks. Commas and colons do not end a sentence.
  static func sentence(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = range.lowerBound
    while start > 0, !sentenceEnd(endingAt: start, in: bytes) { start -= 1 }
    var end = range.upperBound
    while end < bytes.count, !sentenceEnd(startingAt: end, in: bytes) { end += 1 }
    return start..<end
  }

  /// Whether a sentence-ending mark ends exactly at `offset`.
  @inline(__always)
  private static func sentenceEnd(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = bytes[offset - 1]
    if byte == 0x0A || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";") { return true }
    return offset >= 3 && isFullWidthSentenceEnd(bytes, at: offset - 3)
  }

  /// Whether a sentence-ending mark starts at `offset`.
  @inline(__always)
  private static func sentenceEnd(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = bytes[offset]
    if byte == 0x0A || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";") { return true }
    return offset + 3 <= bytes.count && isFullWidthSentenceEnd(bytes, at: offset)
  }

  /// 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F), ； (EF BC 9B) at `offset`.
  @inline(__always)
  private static func isFullWidthSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    let (a, b, c) = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
    return (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F || c == 0x9B))
  }
}

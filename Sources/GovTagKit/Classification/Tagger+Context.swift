extension Tagger {
  /// A hit of a context word (see ``LexiconContext``): byte offsets in the folded field, the
  /// flat context index and the flat word index.
  struct ContextWordHit {
    var start: Int
    var end: Int
    var context: Int
    var word: Int
  }

  /// Marks counting hits whose term needs a context (`near:`) that their sentence lacks.
  ///
  /// The window is the sentence, not the clause: 汇入公安、交通、城管等部门视频资源 and the verb
  /// that pools them are often a comma apart. Within a context the longest word wins (规划局
  /// inside 自然资源和规划局 is the same agency, not a second one), and a word overlapping the
  /// hit itself does not count for it.
  func applyContexts(to hits: inout [RawHit], words: [ContextWordHit], in bytes: UnsafeBufferPointer<UInt8>) {
    let needy = hits.indices.filter { index in
      hits[index].status.counts && model.termContext[flatTermIndex(of: hits[index])] >= 0
    }
    guard !needy.isEmpty else { return }
    // The automaton reports matches by end; windows and covers are found by start.
    var words = words.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var reach = [Int](repeating: -1, count: model.contextAtLeast.count)
    words.removeAll { word in
      if reach[word.context] >= word.end { return true }
      reach[word.context] = word.end
      return false
    }
    var sentence = 0..<0
    var seen: [Int] = []
    for index in needy {
      let hit = hits[index]
      let context = Int(model.termContext[flatTermIndex(of: hit)])
      if !(sentence.lowerBound <= hit.start && hit.end <= sentence.upperBound) {
        sentence = Self.sentence(around: hit.start..<hit.end, in: bytes)
      }
      // The first word starting in the sentence.
      var low = 0
      var high = words.count
      while low < high {
        let middle = (low + high) / 2
        if words[middle].start < sentence.lowerBound { low = middle + 1 } else { high = middle }
      }
      // A tolerance, as in the loader: values such as 0.7 + 0.1 meet 0.8.
      let needed = model.contextAtLeast[context] - 1e-9
      var total = 0.0
      seen.removeAll(keepingCapacity: true)
      var position = low
      while position < words.count, words[position].start < sentence.upperBound, total < needed {
        let word = words[position]
        position += 1
        guard word.context == context, word.end <= sentence.upperBound, word.end <= hit.start || word.start >= hit.end,
          !seen.contains(word.word)
        else { continue }
        seen.append(word.word)
        total += model.contextWordValue[word.word]
      }
      if total < needed { hits[index].status = .missingContext(context: model.contexts[context].name) }
    }
  }

  /// The flat term index of a hit (into ``ClassifierModel/termContext`` and the like).
  @inline(__always)
  func flatTermIndex(of hit: RawHit) -> Int { model.termBase[model.categoryBase[hit.dimension] + hit.category] + hit.term }

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

  /// 。 (E3 80 82), ！ (EF BC 81), ？ (EF BC 9F), ； (EF BC 9B) at `offset`. E3 and EF are lead
  /// bytes, so a match always starts a character.
  @inline(__always)
  private static func isFullWidthSentenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    let (a, b, c) = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
    return (a == 0xE3 && b == 0x80 && c == 0x82) || (a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F || c == 0x9B))
  }
}

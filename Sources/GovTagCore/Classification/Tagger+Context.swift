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
        sentence = TextBreaks.sentence(around: hit.start..<hit.end, in: bytes)
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
}

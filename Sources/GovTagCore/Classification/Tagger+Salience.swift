extension Tagger {
  /// Marks counted hits that the text mentions without saying the case does them (see the
  /// `background:` and `use:` lists of `Lexicons/scope.yaml`; aims are clause cues, in
  /// ``applyScope(to:in:)``):
  ///
  /// - **Background.** A sentence that opens with a background cue (近年来，全市政务云…持续完善)
  ///   mostly sets the scene; its hits count half (``ClassifierConfiguration/backgroundFactor``).
  /// - **Lists of trends or fields.** A hit that is one item of a 、-enumeration whose items span
  ///   at least ``listedCategoryMinimum`` categories of its dimension (推动大数据、云计算、人工智能与
  ///   政务深度融合; 政务服务、经济运行、基层治理等领域) is a survey, not the case's own work, unless a
  ///   use verb (运用, 依托 …) before the list in its clause says the case uses them.
  ///
  /// Works on the folded bytes, on counted hits only, and touches the text only where a rule may
  /// apply: its words (background cues, 、, frames' closing words) come from the automaton's one
  /// pass with the terms, so a text without them costs nothing here.
  func applySalience(to hits: inout [RawHit], words: SalienceWords, in bytes: UnsafeBufferPointer<UInt8>) {
    guard hits.contains(where: { $0.status == .counted }) else { return }
    if !words.backgroundCues.isEmpty { markBackgroundHits(&hits, cues: words.backgroundCues, in: bytes) }
    if words.enumerationMarks.count >= 2 { markListedHits(&hits, marks: words.enumerationMarks, in: bytes) }
    if !words.frameCloses.isEmpty { markFramedHits(&hits, closes: words.frameCloses.sorted { $0.start < $1.start }, in: bytes) }
  }

  /// Where the salience rules' words stand in a text, as the automaton found them.
  struct SalienceWords {
    /// Background cues: start and index into ``ClassifierModel/backgroundCues``.
    var backgroundCues: [(start: Int, cue: Int)] = []
    /// Starts of the enumeration commas 、, in text order.
    var enumerationMarks: [Int] = []
    /// The frames' closing words.
    var frameCloses: [FrameWordHit] = []
  }

  /// The first counted hit starting at or after `offset` (hits are sorted by start).
  private static func firstHit(from offset: Int, in hits: [RawHit]) -> Int {
    var low = 0
    var high = hits.count
    while low < high {
      let middle = (low + high) / 2
      if hits[middle].start < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Marks the counted hits of every sentence that opens with a background cue (after spaces,
  /// quotes and brackets): they count half.
  private func markBackgroundHits(_ hits: inout [RawHit], cues: [(start: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < cues.count {
      // Cues found at the same place: the first of the list wins, as the list is read in order.
      var cue = cues[index]
      while index + 1 < cues.count, cues[index + 1].start == cue.start {
        index += 1
        if cues[index].cue < cue.cue { cue = cues[index] }
      }
      index += 1
      guard Self.opensSentence(at: cue.start, in: bytes) else { continue }
      var end = cue.start
      while end < bytes.count, TextBreaks.mark(startingAt: end, in: bytes)?.kind != .sentence { end += 1 }
      let text = String(decoding: model.backgroundCues[cue.cue], as: UTF8.self)
      var position = Self.firstHit(from: cue.start, in: hits)
      while position < hits.count, hits[position].start < end {
        if hits[position].status == .counted { hits[position].status = .background(cue: text) }
        position += 1
      }
    }
  }

  /// Whether `offset` starts a sentence, but for spaces, quotes and brackets before it.
  static func opensSentence(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var position = offset
    while position > 0 {
      let byte = bytes[position - 1]
      if byte == 0x0A { return true }  // a line break ends the sentence before
      if byte == 0x20 || byte == 0x09 || byte == 0x0D {
        position -= 1
        continue
      }
      // “ ‘ (E2 80 9C / 98) and the ideographic space (E3 80 80).
      if position >= 3, (bytes[position - 3] == 0xE2 && bytes[position - 2] == 0x80 && (byte == 0x9C || byte == 0x98))
        || (bytes[position - 3] == 0xE3 && bytes[position - 2] == 0x80 && byte == 0x80)
      {
        position -= 3
        continue
      }
      return TextBreaks.mark(endingAt: position, in: bytes)?.kind == .sentence
    }
    return true
  }

  /// A frame's closing word where the automaton found it.
  struct FrameWordHit {
    var start: Int
    var end: Int
    var frame: Int
  }

  /// How far the two words of a frame may stand from the hit (sixteen CJK characters).
  static let frameReach = 48

  /// Marks counted hits that a frame of the scope rules encloses in their clause: its opening word
  /// at most ``frameReach`` bytes before the hit, its closing word at most that far after it (or
  /// ending it: 为【基层减负】).
  ///
  /// - Parameter closes: the frames' closing words in the text, by start.
  /// - Complexity: O(hits × (closing words within reach) × ``frameReach``): only a hit followed by
  ///   a closing word looks at the text around it.
  private func markFramedHits(_ hits: inout [RawHit], closes: [FrameWordHit], in bytes: UnsafeBufferPointer<UInt8>) {
    var first = 0
    for index in hits.indices where hits[index].status == .counted {
      let hit = hits[index]
      // Closing words that may belong to this hit start at or after its start (hits come by start).
      while first < closes.count, closes[first].start < hit.start { first += 1 }
      var candidate = first
      var matched: Int?  // the first frame in file order that encloses the hit
      while candidate < closes.count, closes[candidate].start <= hit.end + Self.frameReach {
        let close = closes[candidate]
        candidate += 1
        let frame = model.frames[close.frame]
        if let matched, matched <= close.frame { continue }
        guard close.start >= hit.end - frame.close.count, close.end <= hit.end + Self.frameReach else { continue }
        // No clause mark between the hit and its closing word…
        var position = hit.end
        while position < close.start, TextBreaks.mark(startingAt: position, in: bytes) == nil { position += 1 }
        guard position >= close.start else { continue }
        // …and the opening word before the hit, in its clause, within reach.
        var floor = max(0, hit.start - Self.frameReach)
        while floor < hit.start, !UTF8Text.isScalarStart(bytes[floor]) { floor += 1 }
        let clauseStart = TextBreaks.clauseStart(before: hit.start, in: bytes, floor: floor) ?? floor
        guard Self.contains([frame.open], in: clauseStart..<hit.start, bytes: bytes) else { continue }
        matched = min(matched ?? close.frame, close.frame)
      }
      if let matched { hits[index].status = .framed(frame: model.frames[matched].text) }
    }
  }

  /// The fewest categories of one dimension an enumeration must span to be a survey.
  static let listedCategoryMinimum = 3
  /// How far an item of an enumeration reaches before its first or after its last 、 (eight
  /// CJK characters): a list's first item starts after its verb, its last ends at 等 or 与.
  static let listItemReach = 24

  /// Marks the counted hits of every clause whose 、-list spans ``listedCategoryMinimum``
  /// categories of one dimension, unless a use verb stands before the list in the clause.
  ///
  /// - Parameter marks: the starts of the enumeration commas, in text order.
  private func markListedHits(_ hits: inout [RawHit], marks: [Int], in bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < marks.count {
      // The commas of one clause: no clause mark between one and the next.
      var last = index
      while last + 1 < marks.count {
        var position = marks[last] + 3
        while position < marks[last + 1], TextBreaks.mark(startingAt: position, in: bytes) == nil { position += 1 }
        guard position >= marks[last + 1] else { break }
        last += 1
      }
      defer { index = last + 1 }
      guard last > index else { continue }
      let first = marks[index]
      let final = marks[last]
      let clauseStart = TextBreaks.clauseStart(before: first, in: bytes)
      var clauseEnd = final + 3
      while clauseEnd < bytes.count, TextBreaks.mark(startingAt: clauseEnd, in: bytes) == nil { clauseEnd += 1 }
      let region = max(clauseStart, first - Self.listItemReach)..<min(clauseEnd, final + 3 + Self.listItemReach)
      let lower = Self.firstHit(from: region.lowerBound, in: hits)
      var upper = lower
      while upper < hits.count, hits[upper].start < region.upperBound { upper += 1 }
      guard upper - lower >= Self.listedCategoryMinimum else { continue }
      // A use verb before the list's first item (or just inside its reach) makes it the case's own.
      if Self.contains(model.useCues, in: clauseStart..<min(clauseEnd, region.lowerBound + 6), bytes: bytes) { continue }
      // Distinct categories per dimension among the counted hits of the list's items.
      var categories: [Int: Set<Int>] = [:]
      for position in lower..<upper where hits[position].status == .counted {
        categories[hits[position].dimension, default: []].insert(hits[position].category)
      }
      for position in lower..<upper where hits[position].status == .counted {
        let spanned = categories[hits[position].dimension]?.count ?? 0
        if spanned >= Self.listedCategoryMinimum { hits[position].status = .listed(categories: spanned) }
      }
    }
  }

  /// Whether any of `cues` occurs inside `range`.
  static func contains(_ cues: [[UInt8]], in range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !cues.isEmpty, !range.isEmpty else { return false }
    let upper = min(range.upperBound, bytes.count)
    for cue in cues where cue.count <= upper - range.lowerBound {
      var start = range.lowerBound
      while start + cue.count <= upper {
        if bytes[start] == cue[0], (1..<cue.count).allSatisfy({ bytes[start + $0] == cue[$0] }) { return true }
        start += 1
      }
    }
    return false
  }

}


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
  /// apply: a sentence's start once per sentence with a hit, each clause with a hit once, a frame only
  /// where its closing word (found with the terms, in the same pass) follows a hit within reach.
  func applySalience(to hits: inout [RawHit], frameCloses: [FrameWordHit], in bytes: UnsafeBufferPointer<UInt8>) {
    guard hits.contains(where: { $0.status == .counted }) else { return }
    let background = model.backgroundCues
    if !background.isEmpty {
      // Hits come by start: a hit's sentence starts where the previous hit's does unless a
      // sentence mark lies between them, so each byte is scanned once.
      var previousStart = 0
      var sentenceStart = -1
      var opener: String?
      for index in hits.indices where hits[index].status == .counted {
        let hit = hits[index]
        let start =
          sentenceStart < 0
          ? TextBreaks.sentenceStart(before: hit.start, in: bytes, floor: 0) ?? 0
          : TextBreaks.sentenceStart(before: hit.start, in: bytes, floor: previousStart) ?? sentenceStart
        if start != sentenceStart {
          sentenceStart = start
          opener = Self.opening(at: start, in: bytes, among: background)
        }
        previousStart = hit.start
        if let opener { hits[index].status = .background(cue: opener) }
      }
    }
    markListedHits(&hits, in: bytes)
    if !frameCloses.isEmpty { markFramedHits(&hits, closes: frameCloses.sorted { $0.start < $1.start }, in: bytes) }
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

  private func markListedHits(_ hits: inout [RawHit], in bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while index < hits.count {
      guard hits[index].status == .counted else {
        index += 1
        continue
      }
      let clause = TextBreaks.clause(around: hits[index].start, in: bytes)
      // The hits of this clause: they are sorted by start.
      var last = index
      while last + 1 < hits.count, hits[last + 1].start < clause.upperBound { last += 1 }
      defer { index = last + 1 }
      let marks = Self.enumerationMarks(in: clause, bytes: bytes)
      guard marks.count >= 2, let first = marks.first, let final = marks.last else { continue }
      let region = max(clause.lowerBound, first - Self.listItemReach)..<min(clause.upperBound, final + 3 + Self.listItemReach)
      // A use verb before the list's first item (or just inside its reach) makes it the case's own.
      if Self.contains(model.useCues, in: clause.lowerBound..<min(clause.upperBound, region.lowerBound + 6), bytes: bytes) {
        continue
      }
      // Distinct categories per dimension among the counted hits of the list's items.
      var categories: [Int: Set<Int>] = [:]
      for position in index...last where hits[position].status == .counted && region.contains(hits[position].start) {
        categories[hits[position].dimension, default: []].insert(hits[position].category)
      }
      for position in index...last where hits[position].status == .counted && region.contains(hits[position].start) {
        let spanned = categories[hits[position].dimension]?.count ?? 0
        if spanned >= Self.listedCategoryMinimum { hits[position].status = .listed(categories: spanned) }
      }
    }
  }

  /// The cue that the sentence starting at `start` opens with (after spaces, quotes and
  /// brackets), if any.
  static func opening(at start: Int, in bytes: UnsafeBufferPointer<UInt8>, among cues: [[UInt8]]) -> String? {
    var start = start
    while start < bytes.count {
      let byte = bytes[start]
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        start += 1
        continue
      }
      // “ ‘ (E2 80 9C / 98) and the ideographic space (E3 80 80).
      if start + 2 < bytes.count, (byte == 0xE2 && bytes[start + 1] == 0x80 && (bytes[start + 2] == 0x9C || bytes[start + 2] == 0x98))
        || (byte == 0xE3 && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80)
      {
        start += 3
        continue
      }
      break
    }
    for cue in cues where start + cue.count <= bytes.count {
      if (0..<cue.count).allSatisfy({ bytes[start + $0] == cue[$0] }) { return String(decoding: cue, as: UTF8.self) }
    }
    return nil
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

  /// Offsets of the enumeration commas 、 (E3 80 81) in `clause`.
  static func enumerationMarks(in clause: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var marks: [Int] = []
    var index = clause.lowerBound
    while index + 2 < clause.upperBound {
      if bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81 {
        marks.append(index)
        index += 3
      } else {
        index += 1
      }
    }
    return marks
  }
}


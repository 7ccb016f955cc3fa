extension Tagger {
  /// Marks counted hits that their context puts out of scope (see `Lexicons/scope.yaml`): after a
  /// negation or plan cue in the same clause; inside a quoted document title 《…》 that the case
  /// cites (a citation cue before the 《 in its clause); inside any other quoted title, unless an
  /// enactment cue says the case made the document, they count only in part. Hits of a category
  /// with `counts_in_rules: false` count nothing where a document speaks (``provisions(quotes:enacted:in:)``).
  ///
  /// Works on the folded bytes; clauses are those of ``TextBreaks`` (a comma inside 1,400 does
  /// not end one).
  ///
  /// - Parameter found: the scope cues in `bytes` (number into `model.scope.cues`), as
  ///   ``rawHits(in:)`` found them with the terms, ordered by end.
  func applyScope(
    to hits: inout [RawHit], in bytes: UnsafeBufferPointer<UInt8>, cues found: [(start: Int, end: Int, cue: Int)]
  ) throws {
    guard hits.contains(where: { $0.status == .counted }) else { return }
    let quotes = TextBreaks.quotedTitles(in: bytes)
    // A cue matters only before a counted hit of its own clause. Counted hits are sorted by
    // start and clause starts grow with position, so the first counted hit after a cue decides.
    // Other cues are dropped before their word boundaries are checked: that check runs ICU
    // over the cue's clause, and cues such as 将 or 未 are everywhere.
    var countedStarts: [Int] = []
    var countedClauseStarts: [Int] = []
    // Hits come by start: a hit's clause starts where the previous hit's does unless a clause
    // mark lies between them, so each byte is scanned once, not once per hit of its clause.
    var previousStart = 0
    var previousClauseStart = 0
    for hit in hits where hit.status == .counted {
      countedStarts.append(hit.start)
      let clauseStart = TextBreaks.clauseStart(before: hit.start, in: bytes, floor: previousStart) ?? previousClauseStart
      countedClauseStarts.append(clauseStart)
      previousStart = hit.start
      previousClauseStart = clauseStart
    }
    func isFollowedInItsClause(start: Int, end: Int) -> Bool {
      var low = 0
      var high = countedStarts.count
      while low < high {
        let middle = (low + high) / 2
        if countedStarts[middle] < end { low = middle + 1 } else { high = middle }
      }
      return low < countedStarts.count && countedClauseStarts[low] <= start
    }
    var cues: [(start: Int, end: Int, cue: Int)] = []
    for (start, end, cue) in found {
      // Background, use, focus, purpose, pending and speech cues and list closers are read by the salience rules
      // (Tagger+Salience.swift).
      let kind = model.scope.cues[cue].kind
      guard kind != .background, kind != .use, kind != .focus, kind != .purpose, kind != .purposeClause, kind != .pending,
        kind != .speech, kind != .listCloser
      else {
        continue
      }
      guard isFollowedInItsClause(start: start, end: end) else { continue }
      // A cue counts as a word of its own, and not inside a term (未来 in 未来社区 is no plan).
      guard try boundaries.isBoundary(at: start, in: bytes), try boundaries.isBoundary(at: end, in: bytes) else { continue }
      let insideTerm = hits.contains {
        $0.status.isAligned && $0.start <= start && end <= $0.end && ($0.end - $0.start) > (end - start)
      }
      if !insideTerm { cues.append((start, end, cue)) }
    }
    let rules = model.scope.cues
    let enacted = quotes.filter { quote in
      let clauseStart = TextBreaks.clauseStart(before: quote.lowerBound, in: bytes)
      return cues.contains {
        $0.start >= clauseStart && $0.end <= quote.lowerBound && rules[$0.cue].kind == .enactment
      }
    }
    let provisions = quotes.isEmpty ? [] : Self.provisions(quotes: quotes, enacted: enacted, in: bytes)
    let dimensions = model.lexicons.dimensions
    var counted = 0
    for index in hits.indices where hits[index].status == .counted {
      let hit = hits[index]
      let clauseStart = countedClauseStarts[counted]
      counted += 1
      if !provisions.isEmpty, !dimensions[hit.dimension].categories[hit.category].countsInRules,
        provisions.contains(where: { $0.lowerBound <= hit.start && hit.end <= $0.upperBound })
      {
        hits[index].status = .provision
        continue
      }
      if let quote = quotes.first(where: { $0.lowerBound <= hit.start && hit.end <= $0.upperBound }) {
        let before = cues.last {
          $0.start >= clauseStart && $0.end <= quote.lowerBound
            && (rules[$0.cue].kind == .citation || rules[$0.cue].kind == .enactment)
        }
        if let before, rules[before.cue].kind == .citation {
          hits[index].status = .citedTitle(cue: rules[before.cue].text)
          continue
        }
        if before == nil { hits[index].status = .inQuotedTitle }
      }
      let cue = cues.last {
        $0.start >= clauseStart && $0.end <= hit.start
          && (rules[$0.cue].kind == .negation || rules[$0.cue].kind == .plan || rules[$0.cue].kind == .aim)
      }
      if let cue {
        let rule = rules[cue.cue]
        switch rule.kind {
        case .negation:
          // 未检测到开门活动即自动向村级服务站…发出提醒: the negation is the condition, and what
          // follows 即 (`negation_stops_at`) is what happens then.
          if Self.contains(model.grammar.negationStopsAt, in: cue.end..<hits[index].start, bytes: bytes) { continue }
          hits[index].status = .negated(cue: rule.text)
        case .plan: hits[index].status = .planned(cue: rule.text)
        default: hits[index].status = .aim(cue: rule.text)
        }
      }
    }
  }

  /// Where documents speak (for categories with `counts_in_rules: false`): each quoted title 《…》,
  /// and from a quoted title that opens a clause (《办法》明确，…; 负责人表示，《办法》将为…) or that
  /// an enactment cue introduces (发布《…指南》，将公共数据分为四级，明确各级数据的共享方式) to the end
  /// of its sentence, where a semicolon does not end it (provisions are listed with ；).
  ///
  /// - Parameters:
  ///   - quotes: the quoted titles of `bytes`, as ``TextBreaks/quotedTitles(in:)`` found them.
  ///   - enacted: those of them after an enactment cue in their clause.
  static func provisions(quotes: [Range<Int>], enacted: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    for quote in quotes {
      guard enacted.contains(quote) || TextBreaks.opensClause(at: quote.lowerBound, in: bytes) else {
        spans.append(quote)
        continue
      }
      var end = quote.upperBound
      while end < bytes.count {
        if let mark = TextBreaks.mark(startingAt: end, in: bytes), mark.kind == .sentence, !Self.isSemicolon(at: end, in: bytes) {
          break
        }
        end += 1
      }
      spans.append(quote.lowerBound..<end)
    }
    return spans
  }

  /// Whether the bytes at `offset` are ； (U+FF1B) or ;.
  static func isSemicolon(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if bytes[offset] == UInt8(ascii: ";") { return true }
    return offset + 2 < bytes.count && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBC && bytes[offset + 2] == 0x9B
  }
}

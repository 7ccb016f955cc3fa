extension Tagger {
  /// Marks counted hits that the text mentions without saying the case does them (see the
  /// `background:`, `use:`, `focus:`, `purpose:`, `pending:` and `plan:` lists and the frames of
  /// `Lexicons/scope.yaml`; aims are clause cues, in ``applyScope(to:in:cues:)``):
  ///
  /// - **Background.** A sentence that opens with a background cue (近年来，全市政务云…持续完善)
  ///   mostly sets the scene, and so does a whole paragraph that opens with one; its hits count
  ///   half (``ClassifierConfiguration/backgroundFactor``).
  /// - **Lists of trends or fields.** A hit that is one item of a 、-enumeration whose items span
  ///   at least ``listedCategoryMinimum`` categories of its dimension (推动大数据、云计算、人工智能与
  ///   政务深度融合; 政务服务、经济运行、基层治理等领域) is a survey, not the case's own work, unless a
  ///   use verb (运用, 依托 …) before the list in its clause says the case uses them.
  /// - **Lists of departments.** A hit that is one item of a 、-list closed by 部门 (统计、公安、卫健
  ///   三个部门; 与水利、气象、城管等部门) names who takes part, not what the case is about.
  /// - **Setting.** The text before the sentence of the first focus cue (…。本文关注的是…; 在此背景下)
  ///   sets the scene: its hits do not count.
  /// - **Plans beyond a clause.** A sentence that opens with a plan cue and a comma (下一步，…), the
  ///   rest of a sentence from a plan cue that opens a clause and is followed by 将 (他透露，下一步将
  ///   …; …，下一步建设…), a section headed by one (四、下一步), a sentence before a pending cue (…，
  ///   但这些尚在酝酿之中), and what a speech cue reports when it opens with 将 or a 要 of "must" (该局
  ///   表示，将以打破数据壁垒为目标…; 会议指出，要…: to the sentence's end, and on through the sentences
  ///   that open with 要 again) are plans: their hits do not count.
  /// - **Purpose clauses.** The aims that a purpose cue opens, at a sentence's or a clause's start
  ///   (为深入推进…，推动…，助力…; 上线…App，着力推动…，以数据赋能…), do not count, up to the first
  ///   clause that is the case's own action.
  ///
  /// Works on the folded bytes, on counted hits only, and touches the text only where a rule may
  /// apply: its words (background, focus, plan, purpose and pending cues, 、, frames' closing words) come from the automaton's one
  /// pass with the terms, so a text without them costs nothing here.
  func applySalience(to hits: inout [RawHit], words: SalienceWords, in bytes: UnsafeBufferPointer<UInt8>) {
    guard hits.contains(where: { $0.status == .counted }) else { return }
    if !words.focusCues.isEmpty { markSettingHits(&hits, cues: words.focusCues, in: bytes) }
    if !words.planCues.isEmpty { markPlannedParts(&hits, cues: words.planCues, in: bytes) }
    if !words.purposeCues.isEmpty { markPurposeHits(&hits, cues: words.purposeCues, in: bytes) }
    if !words.pendingCues.isEmpty { markPendingHits(&hits, cues: words.pendingCues, in: bytes) }
    if !words.speechCues.isEmpty { markReportedPlans(&hits, cues: words.speechCues, plans: words.planCues, in: bytes) }
    if !words.backgroundCues.isEmpty { markBackgroundHits(&hits, cues: words.backgroundCues, in: bytes) }
    if words.enumerationMarks.count >= 2 { markListedHits(&hits, marks: words.enumerationMarks, in: bytes) }
    if !words.enumerationMarks.isEmpty { markDepartmentLists(&hits, marks: words.enumerationMarks, in: bytes) }
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
    /// Focus cues: start and index into ``ClassifierModel/focusCues``.
    var focusCues: [(start: Int, cue: Int)] = []
    /// Plan cues: start, end and index into ``ClassifierModel/planCues``.
    var planCues: [(start: Int, end: Int, cue: Int)] = []
    /// Purpose cues: start and index into ``ClassifierModel/purposeCues``.
    var purposeCues: [(start: Int, cue: Int)] = []
    /// Pending cues: start and index into ``ClassifierModel/pendingCues``.
    var pendingCues: [(start: Int, cue: Int)] = []
    /// Speech cues: start, end and index into ``ClassifierModel/speechCues``.
    var speechCues: [(start: Int, end: Int, cue: Int)] = []
  }

  /// Marks the counted hits of what a speech cue reports when it opens with 将, 还将 or 也将, right
  /// after the cue or after its comma or colon (河长办有关负责人表示，将以此推动河湖数据融合共享), or
  /// when, after its comma or colon, a 要 says "must" (会议指出，要强化数据赋能; 会议要求，各地各部门
  /// 要…, see ``mustAt(from:in:)``): the rest of the sentence is what the unit says it will do or
  /// demands, a plan. The status names the cue and the 将 or 要 (`表示，将`, `指出，要`).
  ///
  /// So is what it reports when, after its comma or colon, a plan cue follows a short subject in
  /// the first clause (负责人表示，中心正计划建立…，对高频诉求开展监测预警, dev-u034: `表示，中心正计划`),
  /// and a demand goes on past a semicolon when the next part opens with a "must" again (会议强调，
  /// 要坚持…；要推动…，提升河湖监测预警…, dev-u040).
  ///
  /// - Parameter plans: the plan cues in the text, as the automaton found them.
  private func markReportedPlans(
    _ hits: inout [RawHit], cues: [(start: Int, end: Int, cue: Int)], plans: [(start: Int, end: Int, cue: Int)],
    in bytes: UnsafeBufferPointer<UInt8>
  ) {
    // A cue that ends the text reports nothing (and there is no byte at its end to read).
    for cue in cues where cue.end < bytes.count {
      // A cue after 的 (`speech_not_after`) is a noun, no one speaking (为落实…数字政府建设的要求，
      // 东城区还将…纳入考评).
      if model.grammar.speechNotAfter.contains(where: { UTF8Text.has($0, at: cue.start - $0.count, in: bytes) }) { continue }
      var will = cue.end
      var afterMark = false
      if let mark = TextBreaks.mark(startingAt: will, in: bytes), mark.kind == .clause {
        will += mark.length
        afterMark = true
      }
      guard will < bytes.count else { continue }
      let willEnd: Int
      if let end = endOfWill(at: will, in: bytes) {
        // The cue's text runs to the end of 将 (还将, 也将).
        willEnd = end
      } else if !afterMark, demandsDirectly(cueEnd: cue.end, in: bytes) {
        // 会议要求各地加强后台数据分析: what a meeting demands is an aim.
        willEnd = cue.end
      } else if afterMark, let opening = reportedPlanClause(from: will, plans: plans, in: bytes) {
        // 会议要求，各地各部门要…; 负责人表示，中心正计划建立…; 负责人表示，政务云是…“底座”，要以此为基础，
        // 加快推进…: the first clause of what is reported that says "must" or "will" opens the plan.
        will = opening.start
        willEnd = opening.end
      } else if afterMark, let next = demandAfterSentence(from: will, in: bytes) {
        // 会议指出，城市运行管理是一项系统工程，各部门要…。要强化大数据分析和风险预警，…: what the
        // meeting said goes on in the sentences that open with 要 (dev-w041).
        will = next
        willEnd = next + model.grammar.must.count
      } else {
        continue
      }
      var end = will
      while end < bytes.count {
        if let mark = TextBreaks.mark(startingAt: end, in: bytes), mark.kind == .sentence {
          // 会议强调，要坚持…；要推动…: the demands go on while each part opens with a "must", past a
          // semicolon, and past a full stop when the next sentence opens with 要 itself (会议强调，要…。
          // 要强化大数据分析和风险预警，…。要压实属地责任…), not past a line break.
          let next = end + mark.length
          guard let must = mustAt(from: next, in: bytes),
            Self.isSemicolon(at: end, in: bytes) || (must == next + model.grammar.must.count && bytes[end] != 0x0A)
          else { break }
          end += mark.length
          continue
        }
        end += 1
      }
      var position = Self.firstHit(from: will, in: hits)
      guard position < hits.count, hits[position].start < end else { continue }
      let text = UTF8Text.string(bytes, cue.start..<willEnd)
      while position < hits.count, hits[position].start < end {
        if hits[position].status == .counted { hits[position].status = .plannedPart(cue: text) }
        position += 1
      }
    }
  }

  /// Marks the counted hits of a sentence before a pending cue in it (…推动信用监管大数据分析，
  /// 但这些尚在酝酿之中): the sentence names plans.
  private func markPendingHits(_ hits: inout [RawHit], cues: [(start: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>) {
    for cue in cues {
      let start = TextBreaks.sentenceStart(before: cue.start, in: bytes, floor: 0) ?? 0
      let text = model.pendingCues[cue.cue]
      var position = Self.firstHit(from: start, in: hits)
      while position < hits.count, hits[position].start < cue.start {
        if hits[position].status == .counted { hits[position].status = .plannedPart(cue: text) }
        position += 1
      }
    }
  }

  /// Marks the counted hits in the aims a purpose cue opens: the clause of a purpose cue that
  /// opens its sentence or clause (为深入推进“一网通办”改革; …App，着力推动大数据与政务服务深度融合),
  /// and each clause after it that opens with a word of `purpose_clauses` (推动…深度融合，以数据赋能
  /// 提升服务效能，助力…), up to the first clause that does not (上海市近日推行…: the case's own
  /// action).
  private func markPurposeHits(_ hits: inout [RawHit], cues: [(start: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>) {
    for cue in cues where TextBreaks.opensClause(at: cue.start, in: bytes) {
      var end = cue.start
      while true {
        while end < bytes.count, TextBreaks.mark(startingAt: end, in: bytes) == nil { end += 1 }
        guard end < bytes.count, let mark = TextBreaks.mark(startingAt: end, in: bytes), mark.kind == .clause else { break }
        let next = end + mark.length
        let continues = model.purposeClauseWords.contains { UTF8Text.has($0, at: next, in: bytes) }
        guard continues else { break }
        end = next
      }
      let text = model.purposeCues[cue.cue]
      var position = Self.firstHit(from: cue.start, in: hits)
      while position < hits.count, hits[position].start < end {
        if hits[position].status == .counted { hits[position].status = .purpose(cue: text) }
        position += 1
      }
    }
  }

  /// The longest line, in bytes, that is read as a heading (sixteen CJK characters).
  static let headingReach = 48

  /// Marks the counted hits of a plan that reaches beyond its clause: a sentence that opens with
  /// a plan cue and a comma (下一步，福建将持续扩大数据开放范围，…), the rest of a sentence from a plan
  /// cue that opens a clause and is followed by 将, 还将 or 也将 (他透露，下一步将借助大数据手段，推动
  /// …) or is one of `plan_without_will` (…，下一步建设…), and a section whose heading line opens
  /// with one (四、下一步), up to the next heading line.
  ///
  /// A cue inside a longer word (未来社区) neither opens a sentence with a comma nor makes a
  /// heading, so no segmentation is needed here.
  private func markPlannedParts(
    _ hits: inout [RawHit], cues: [(start: Int, end: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>
  ) {
    for cue in cues {
      let text = model.planCues[cue.cue]
      var part: Range<Int>?
      if let line = Self.headingLine(around: cue.start, cueEnd: cue.end, in: bytes) {
        // The section: from the heading line's end to the next heading line, or the text's end.
        var end = line.upperBound
        while end < bytes.count {
          var lineEnd = end + 1
          while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
          if Self.isHeading(end + 1..<lineEnd, in: bytes) { break }
          end = lineEnd
        }
        part = line.upperBound..<end
      } else if TextBreaks.opensSentence(at: cue.start, in: bytes), let comma = Self.openingClauseEnd(after: cue.end, in: bytes) {
        part = cue.end..<TextBreaks.sentenceEnd(from: comma, in: bytes)
      } else if TextBreaks.opensClause(at: cue.start, in: bytes),
        model.planCuesWithoutWill[cue.cue] || endOfWill(at: cue.end, in: bytes) != nil
      {
        // 表示，下一步将…: what a spokesperson says the unit will do, to the sentence's end; so does
        // a clause that 下一步 opens, with or without 将 (…，下一步建设…平台，对…开展动态分析、及时预警).
        part = cue.end..<TextBreaks.sentenceEnd(from: cue.end, in: bytes)
      }
      guard let part else { continue }
      var position = Self.firstHit(from: part.lowerBound, in: hits)
      while position < hits.count, hits[position].start < part.upperBound {
        if hits[position].status == .counted { hits[position].status = .plannedPart(cue: text) }
        position += 1
      }
    }
  }

  /// How far a plan cue that opens a sentence may stand from its comma: a short time phrase
  /// between (未来三年，…; 展望2025年，北京将…), five CJK characters at most.
  static let openingPhraseReach = 15

  /// Where the clause that a plan cue opens ends, when its comma comes right after the cue or after
  /// a phrase of at most ``openingPhraseReach`` bytes (下一步，…; 未来三年，…; 展望2025年，…), or `nil`.
  static func openingClauseEnd(after cueEnd: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var position = cueEnd
    while position < bytes.count, position <= cueEnd + openingPhraseReach {
      if let mark = TextBreaks.mark(startingAt: position, in: bytes) { return mark.kind == .clause ? position : nil }
      position += 1
    }
    return nil
  }

  /// The line around a plan cue when it is a heading that says only what comes next: the cue
  /// after an enumerator at most, and after it at most words of ``headingTailScalars`` (四、下一步;
  /// （五）下一步工作打算; not 未来社区).
  static func headingLine(around start: Int, cueEnd: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    var lineStart = start
    while lineStart > 0, bytes[lineStart - 1] != 0x0A {
      lineStart -= 1
      if start - lineStart > 12 { return nil }  // more than an enumerator before the cue
    }
    var lineEnd = cueEnd
    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
      lineEnd += 1
      if lineEnd - lineStart > headingReach { return nil }  // a line too long for a heading
    }
    guard isHeading(lineStart..<lineEnd, in: bytes) else { return nil }
    // Only an enumerator before the cue: digits, Chinese numerals, 、 . ( ) （ ） and spaces.
    let enumerator = UTF8Text.string(bytes, lineStart..<start)
    guard enumerator.unicodeScalars.allSatisfy({ enumeratorScalars.contains($0) }) else { return nil }
    let tail = UTF8Text.string(bytes, cueEnd..<lineEnd)
    guard tail.unicodeScalars.allSatisfy({ headingTailScalars.contains($0) }) else { return nil }
    return lineStart..<lineEnd
  }

  /// What a heading's enumerator is made of (四、, （五）, 4.).
  static let enumeratorScalars = Set("0123456789一二三四五六七八九十、.．()（） \t\r".unicodeScalars)

  /// What may follow the plan cue in a heading (下一步工作打算, 未来展望, 下一步的思路和重点).
  static let headingTailScalars = Set("工作打算计划展望思路安排方向重点举措目标设想的和与及：: \t\r".unicodeScalars)

  /// Whether a line is a heading: not empty, at most ``headingReach`` bytes, no sentence mark.
  static func isHeading(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !line.isEmpty, line.count <= headingReach else { return false }
    for position in line where TextBreaks.mark(startingAt: position, in: bytes)?.kind == .sentence { return false }
    return true
  }

  /// Marks the counted hits before the sentence of the first focus cue (本文关注的是…, 在此背景下):
  /// the text says there that what follows is the case, so what comes before sets the scene.
  private func markSettingHits(_ hits: inout [RawHit], cues: [(start: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>) {
    // The automaton reports matches by end: the first cue is the one that starts first.
    guard let first = cues.min(by: { ($0.start, $0.cue) < ($1.start, $1.cue) }) else { return }
    let sentenceStart = TextBreaks.sentenceStart(before: first.start, in: bytes, floor: 0) ?? 0
    let text = model.focusCues[first.cue]
    for index in hits.indices where hits[index].start < sentenceStart && hits[index].status == .counted {
      hits[index].status = .setting(cue: text)
    }
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
  /// quotes and brackets), or of the whole paragraph when the cue also opens it: they count half.
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
      guard TextBreaks.opensSentence(at: cue.start, in: bytes) else { continue }
      var end = cue.start
      if TextBreaks.opensParagraph(at: cue.start, in: bytes) {
        // A paragraph that opens with the cue surveys the setting throughout (近年来，全省…。与此
        // 同时，…。株洲市也相继推出了…): up to its line break.
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      } else {
        end = TextBreaks.sentenceEnd(from: end, in: bytes)
      }
      let text = String(decoding: model.backgroundCues[cue.cue], as: UTF8.self)
      var position = Self.firstHit(from: cue.start, in: hits)
      while position < hits.count, hits[position].start < end {
        if hits[position].status == .counted { hits[position].status = .background(cue: text) }
        position += 1
      }
    }
  }

  /// Whether a hit was marked as lying in a background sentence (counted half).
  private static func isBackground(_ status: Evidence.Status) -> Bool {
    if case .background = status { return true }
    return false
  }

  /// Where the "will" at `offset` ends, when the text there says it: 将, 还将 or 也将 (the words of
  /// `will:` in `scope.yaml`; a cue inside a longer word, as 未来社区, is not followed by one), or
  /// `nil`.
  func endOfWill(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let will = model.grammar.will
    guard !will.isEmpty else { return nil }
    if UTF8Text.has(will, at: offset, in: bytes) { return offset + will.count }
    for prefix in model.grammar.willPrefixes
    where UTF8Text.has(prefix, at: offset, in: bytes) && UTF8Text.has(will, at: offset + prefix.count, in: bytes) {
      return offset + prefix.count + will.count
    }
    return nil
  }

  /// How far the subject before 要 may reach in what a speech cue reports (十 CJK characters:
  /// 各市市场监管部门要).
  static let mustReach = 30

  /// The end of the 要 that says "must" in what a speech cue reports, when it comes right at
  /// `offset` (会议指出，要强化…) or after a subject of at most ``mustReach`` bytes in the same
  /// clause (会议要求，各地各部门要…), or `nil`. A 要 inside 重要, 主要, 需要, 只要, 必要, 要求 or
  /// 要点 is no "must" (the words of `must:` in `scope.yaml`).
  func mustAt(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let must = model.grammar.must
    guard !must.isEmpty else { return nil }
    var position = offset
    while position <= offset + Self.mustReach, position + must.count <= bytes.count {
      if TextBreaks.mark(startingAt: position, in: bytes) != nil { return nil }
      if UTF8Text.has(must, at: position, in: bytes),
        !model.grammar.mustNotAfter.contains(where: { UTF8Text.has($0, at: position - $0.count, in: bytes) }),
        !model.grammar.mustNotBefore.contains(where: { UTF8Text.has($0, at: position + must.count, in: bytes) })
      {
        return position + must.count
      }
      position += 1
    }
    return nil
  }

  /// The clause of what a speech cue reports, from `offset` (just after the cue's comma or colon)
  /// to the sentence's end, that opens a plan or a demand: in the first clause a 要 of "must"
  /// (会议要求，各地各部门要…) or a plan cue (负责人表示，中心正计划建立…), right away or behind a short
  /// subject; in a later clause a 要 of "must" that opens it (负责人表示，政务云是全省数字政府的“底座”，
  /// 要以此为基础，加快推进…), whose clauses before report what was done. 将 behind a subject is no
  /// such sign, since it is as often 把 (负责人介绍，平台将大数据用于…; …打破原有做法，将出生医学证明、
  /// 户口登记…合并为“一件事”), and neither is a later clause's subject before 要, which as often says
  /// what had to be done (过去审核一户低保申请，要分别到…).
  ///
  /// - Returns: where the clause starts and where its "must", "will" or plan cue ends, or `nil`.
  func reportedPlanClause(
    from offset: Int, plans: [(start: Int, end: Int, cue: Int)], in bytes: UnsafeBufferPointer<UInt8>
  ) -> (start: Int, end: Int)? {
    if let must = mustAt(from: offset, in: bytes) { return (offset, must) }
    if let plan = plans.first(where: { $0.start >= offset && $0.start <= offset + Self.mustReach }),
      (offset..<plan.start).allSatisfy({ TextBreaks.mark(startingAt: $0, in: bytes) == nil })
    {
      return (offset, plan.end)
    }
    var clause = offset
    while true {
      // On to the next clause of the sentence, if there is one.
      var position = clause
      while position < bytes.count, TextBreaks.mark(startingAt: position, in: bytes) == nil { position += 1 }
      guard position < bytes.count, let mark = TextBreaks.mark(startingAt: position, in: bytes),
        mark.kind == .clause
      else { return nil }
      clause = position + mark.length
      if let must = mustAt(from: clause, in: bytes), must == clause + model.grammar.must.count { return (clause, must) }
    }
  }

  /// Where the next sentence starts, when it opens with a 要 of "must" (…。要强化大数据分析和风险
  /// 预警，…): what a speech cue reports goes on there as a demand, although the clauses of the
  /// cue's own sentence said nothing that opens one. A line break ends what is reported.
  func demandAfterSentence(from offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var position = offset
    while position < bytes.count {
      if let mark = TextBreaks.mark(startingAt: position, in: bytes), mark.kind == .sentence {
        guard bytes[position] != 0x0A else { return nil }
        let next = position + mark.length
        guard let must = mustAt(from: next, in: bytes), must == next + model.grammar.must.count else { return nil }
        return next
      }
      position += 1
    }
    return nil
  }

  /// Whether a speech cue is a meeting's 要求 that governs what follows it directly, with no comma
  /// (会议要求各地加强后台数据分析; 会上要求…): what a meeting demands is an aim. Only a meeting's: a
  /// 要求 of the case's own rule (制定了处置时限，要求社区在5个工作日内完成核实反馈) is its work, and a
  /// noun 要求 (脱敏要求和访问控制) governs nothing. The words are those of `meeting_demand:` in
  /// `scope.yaml`.
  func demandsDirectly(cueEnd: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let demand = model.grammar.meetingDemand
    guard !demand.isEmpty, cueEnd < bytes.count, UTF8Text.has(demand, at: cueEnd - demand.count, in: bytes) else { return false }
    let meetingEnd = cueEnd - demand.count
    guard model.grammar.meetings.contains(where: { UTF8Text.has($0, at: meetingEnd - $0.count, in: bytes) }) else { return false }
    return TextBreaks.mark(startingAt: cueEnd, in: bytes) == nil
  }

  /// A frame's closing word where the automaton found it.
  struct FrameWordHit {
    var start: Int
    var end: Int
    var frame: Int
  }

  /// How far the two words of a frame may stand from the hit (twenty CJK characters: 推动大数据、
  /// 区块链等新技术与政务服务深度融合 reaches its 融合 after fifteen).
  static let frameReach = 60

  /// Marks counted hits that a frame of the scope rules encloses in their clause: its opening word
  /// at most ``frameReach`` bytes before the hit, its closing word at most that far after it (or
  /// ending it: 为【基层减负】).
  ///
  /// - Parameter closes: the frames' closing words in the text, by start.
  /// - Complexity: O(hits × (closing words within reach) × ``frameReach``): only a hit followed by
  ///   a closing word looks at the text around it.
  private func markFramedHits(_ hits: inout [RawHit], closes: [FrameWordHit], in bytes: UnsafeBufferPointer<UInt8>) {
    var first = 0
    // A frame in a background sentence (近年来，…在基层治理方面推行…) is still a frame: the hit
    // counts nothing rather than half.
    for index in hits.indices where hits[index].status == .counted || Self.isBackground(hits[index].status) {
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

  /// Marks the counted hits that are items of a 、-list closed by a list closer of `scope.yaml`
  /// (部门) within reach of its last item (过去统计、公安、卫健三个部门口径不同; 与水利、气象、城管等部门
  /// 的水位…数据同步共享): the departments a case names as taking part say nothing of the field it
  /// works in. An item before the first 、 must end at most one character before it (市场监管局、),
  /// so the verb that introduces the list (汇聚公安、) is no item.
  ///
  /// - Parameter marks: the starts of the enumeration commas, in text order.
  private func markDepartmentLists(_ hits: inout [RawHit], marks: [Int], in bytes: UnsafeBufferPointer<UInt8>) {
    let closers = model.listClosers
    guard let longest = closers.map(\.count).max() else { return }
    var listStart = 0  // the index of the list's first 、
    for index in marks.indices {
      let mark = marks[index]
      // Where the item after this 、 can end: the next 、, a clause mark or the reach.
      var limit = mark + 3
      let next = index + 1 < marks.count ? marks[index + 1] : bytes.count
      while limit < min(next, bytes.count), limit < mark + 3 + Self.listItemReach + longest,
        TextBreaks.mark(startingAt: limit, in: bytes) == nil
      {
        limit += 1
      }
      let endsClause = limit < next && limit < mark + 3 + Self.listItemReach + longest
      var closing: Int?
      var position = mark + 3
      search: while position < limit {
        for closer in closers where position + closer.count <= limit {
          if bytes[position] == closer[0], UTF8Text.has(closer, at: position, in: bytes) {
            closing = position
            break search
          }
        }
        position += 1
      }
      defer {
        // The next 、 starts a new list after its closer, a clause mark, or an item beyond reach.
        if closing != nil || endsClause || limit < next { listStart = index + 1 }
      }
      guard let closing else { continue }
      let first = marks[listStart]
      let clauseStart = TextBreaks.clauseStart(before: first, in: bytes)
      var item = Self.firstHit(from: max(clauseStart, first - Self.listItemReach), in: hits)
      while item < hits.count, hits[item].start < closing {
        defer { item += 1 }
        guard hits[item].status == .counted, hits[item].end <= closing else { continue }
        // Before the first 、, only the first item itself (it ends at most one character, three
        // bytes, before it: 市场监管局、), not the verb before a two-character item (汇聚公安、).
        if hits[item].start < first, hits[item].end < first - 3 || hits[item].end > first { continue }
        hits[item].status = .department
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
        // The first byte alone turns most positions away before the full comparison.
        if bytes[start] == cue[0], UTF8Text.has(cue, at: start, in: bytes) { return true }
        start += 1
      }
    }
    return false
  }

}

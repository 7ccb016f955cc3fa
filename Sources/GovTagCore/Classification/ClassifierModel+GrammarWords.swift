extension ClassifierModel {
  /// The grammar words of the scope rules (``ScopeRules/Grammar``) as UTF-8 bytes, made once when
  /// the model is built so that the rules compare bytes and look nothing up per record.
  struct GrammarWords: Sendable {
    /// What says "will" (将).
    let will: [UInt8]
    /// The characters that may stand between a cue and ``will`` (还, 也).
    let willPrefixes: [[UInt8]]
    /// The 要 of "must".
    let must: [UInt8]
    /// The characters that, right before ``must``, make an ordinary word of it (重要, 需要: 重, 需 …).
    let mustNotAfter: [[UInt8]]
    /// The characters that, right after ``must``, make an ordinary word of it (要求, 要点: 求, 点).
    let mustNotBefore: [[UInt8]]
    /// What makes a noun of a speech cue right before it (的).
    let speechNotAfter: [[UInt8]]
    /// A meeting's demand (要求).
    let meetingDemand: [UInt8]
    /// The words of a meeting right before ``meetingDemand`` (会议, 会上).
    let meetings: [[UInt8]]
    /// What stops a negation's reach (即).
    let negationStopsAt: [[UInt8]]

    /// Encodes `grammar`'s words.
    init(_ grammar: ScopeRules.Grammar) {
      will = Array(grammar.will.utf8)
      willPrefixes = grammar.willPrefixes.map { Array($0.utf8) }
      must = Array(grammar.must.utf8)
      mustNotAfter = grammar.mustNotAfter.map { Array($0.utf8) }
      mustNotBefore = grammar.mustNotBefore.map { Array($0.utf8) }
      speechNotAfter = grammar.speechNotAfter.map { Array($0.utf8) }
      meetingDemand = Array(grammar.meetingDemand.utf8)
      meetings = grammar.meetings.map { Array($0.utf8) }
      negationStopsAt = grammar.negationStopsAt.map { Array($0.utf8) }
    }
  }
}

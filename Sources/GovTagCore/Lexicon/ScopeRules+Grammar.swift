import Foundation
internal import Yams

extension ScopeRules {
  /// The grammar words that the plan, speech and negation rules read around their cues: 将 after
  /// a plan or speech cue, the 要 of "must" in what a speech cue reports, 的 that makes a noun of a
  /// speech cue, a meeting's 要求, and 即 that stops a negation. Loaded from the keys `will:`,
  /// `must:`, `speech_not_after:`, `meeting_demand:` and `negation_stops_at:` of `scope.yaml`,
  /// all required there; see `Lexicons/scope.yaml` for what each rule does.
  package struct Grammar: Sendable, Hashable {
    /// What says "will" after a plan or speech cue (将).
    package var will: String
    /// The characters that may stand between the cue and ``will`` (还, 也: 还将, 也将).
    package var willPrefixes: [String]
    /// What says "must" in what a speech cue reports (要).
    package var must: String
    /// The characters that make an ordinary word of ``must`` before it (重要, 主要, 需要, 只要, 必要).
    package var mustNotAfter: [String]
    /// The characters that make an ordinary word of ``must`` after it (要求, 要点).
    package var mustNotBefore: [String]
    /// The characters that make a noun of a speech cue right before it (的要求).
    package var speechNotAfter: [String]
    /// The speech cue that governs what follows it without a comma after a meeting (要求).
    package var meetingDemand: String
    /// The words of a meeting right before ``meetingDemand`` (会议, 会上).
    package var meetings: [String]
    /// The words that stop a negation's reach in its clause (即).
    package var negationStopsAt: [String]

    /// No words: the rules that read them never apply (rules without cues need none).
    package static let none = Grammar(
      will: "", willPrefixes: [], must: "", mustNotAfter: [], mustNotBefore: [], speechNotAfter: [], meetingDemand: "",
      meetings: [], negationStopsAt: [])

    /// The words in a fixed order, one line per word named by its key, for the rules'
    /// fingerprint (one line per word, so that a word holding a comma cannot pass for two).
    var fingerprintLines: [String] {
      ["will.word:" + will, "must.word:" + must, "meeting_demand.word:" + meetingDemand]
        + willPrefixes.map { "will.prefixes:" + $0 } + mustNotAfter.map { "must.not_after:" + $0 }
        + mustNotBefore.map { "must.not_before:" + $0 } + speechNotAfter.map { "speech_not_after:" + $0 }
        + meetings.map { "meeting_demand.after:" + $0 } + negationStopsAt.map { "negation_stops_at:" + $0 }
    }
  }

  /// The top-level keys of the grammar words, in the order they are checked.
  static let grammarKeys = ["negation_stops_at", "will", "must", "speech_not_after", "meeting_demand"]

  /// Reads the grammar words from the scope file's top-level mapping.
  ///
  /// Each key is required: without 将 or 要 the plan and speech rules would silently stop, so a
  /// scope file written before these keys existed fails with the line to add. Words the rules
  /// read as one character beside a cue or beside 将 or 要 (all but the meeting's words and the
  /// negation's stops) must be one character.
  ///
  /// When `speech:` lists cues, `meeting_demand`'s word must end one of them: the rule reads it
  /// only there, and a word no speech cue ends would load and never apply.
  ///
  /// - Parameters:
  ///   - mapping: the file's top-level mapping.
  ///   - speechCues: the cues of `speech:`, as read.
  ///   - file: the file's path, for locations.
  ///   - problems: where each problem is added.
  /// - Returns: the words; those with problems are left empty.
  static func parseGrammar(
    _ mapping: Node.Mapping, speechCues: [String], file: String, problems: inout [GovTagError]
  ) -> Grammar {
    var reader = GrammarReader(file: file)
    var grammar = Grammar.none
    let stopsExample = "negation_stops_at: [即]"
    if let node = reader.required(
      mapping, "negation_stops_at", why: "the words that stop a negation's reach", example: stopsExample)
    {
      grammar.negationStopsAt = reader.words(node, "negation_stops_at", oneCharacter: false, example: stopsExample)
    }
    let willExample = "will: {word: 将, prefixes: [还, 也]}"
    if let node = reader.required(
      mapping, "will", why: "the word that says \"will\" after a plan or speech cue", example: willExample),
      let will = reader.mapping(node, "will", keys: ["word", "prefixes"], example: willExample)
    {
      grammar.will = reader.word(will, "will", oneCharacter: true, node: node, example: willExample)
      if let prefixes = reader.required(will, "prefixes", in: "will", node: node, example: willExample) {
        grammar.willPrefixes = reader.words(prefixes, "will.prefixes", oneCharacter: true, example: willExample)
      }
    }
    let mustExample = "must: {word: 要, not_after: [重, 主, 需, 只, 必], not_before: [求, 点]}"
    if let node = reader.required(
      mapping, "must", why: "the word that says \"must\" in what a speech cue reports", example: mustExample),
      let must = reader.mapping(node, "must", keys: ["word", "not_after", "not_before"], example: mustExample)
    {
      grammar.must = reader.word(must, "must", oneCharacter: true, node: node, example: mustExample)
      if let list = reader.required(must, "not_after", in: "must", node: node, example: mustExample) {
        grammar.mustNotAfter = reader.words(list, "must.not_after", oneCharacter: true, example: mustExample)
      }
      if let list = reader.required(must, "not_before", in: "must", node: node, example: mustExample) {
        grammar.mustNotBefore = reader.words(list, "must.not_before", oneCharacter: true, example: mustExample)
      }
    }
    let nounExample = "speech_not_after: [的]"
    if let node = reader.required(
      mapping, "speech_not_after", why: "the characters that make a noun of a speech cue after them", example: nounExample)
    {
      grammar.speechNotAfter = reader.words(node, "speech_not_after", oneCharacter: true, example: nounExample)
    }
    let demandExample = "meeting_demand: {word: 要求, after: [会议, 会上]}"
    if let node = reader.required(
      mapping, "meeting_demand", why: "the speech cue of a meeting's demand, which needs no comma", example: demandExample),
      let demand = reader.mapping(node, "meeting_demand", keys: ["word", "after"], example: demandExample)
    {
      grammar.meetingDemand = reader.word(demand, "meeting_demand", oneCharacter: false, node: node, example: demandExample)
      if !grammar.meetingDemand.isEmpty, !speechCues.isEmpty,
        !speechCues.contains(where: { $0.hasSuffix(grammar.meetingDemand) })
      {
        reader.problems.append(
          GovTagError(
            .lexicon,
            "meeting_demand.word \"\(grammar.meetingDemand)\" ends no cue of speech:, so the rule would never apply",
            at: reader.location(demand.value(forKey: "word")), hint: "add a speech cue that ends with it, or change the word"))
      }
      if let list = reader.required(demand, "after", in: "meeting_demand", node: node, example: demandExample) {
        grammar.meetings = reader.words(list, "meeting_demand.after", oneCharacter: false, example: demandExample)
      }
    }
    problems += reader.problems
    return grammar
  }
}

/// Reads the grammar keys of a scope file (and `plan_without_will:`), collecting each problem
/// with its line.
struct GrammarReader {
  let file: String
  var problems: [GovTagError] = []

  init(file: String) { self.file = file }

  func location(_ node: Node?) -> SourceLocation {
    SourceLocation(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column)
  }

  /// The value of a required top-level key, or `nil` with a problem that shows the line to add.
  mutating func required(_ mapping: Node.Mapping, _ key: String, why: String, example: String) -> Node? {
    if let value = mapping.value(forKey: key) { return value }
    problems.append(
      GovTagError(
        .lexicon, "missing \"\(key):\" in the scope file (\(why))", at: SourceLocation(file: file, line: 1),
        hint: "add it, e.g. \(example)"))
    return nil
  }

  /// The value of a required key of a grammar mapping, or `nil` with a problem at the mapping.
  mutating func required(_ mapping: Node.Mapping, _ key: String, in parent: String, node: Node, example: String) -> Node? {
    if let value = mapping.value(forKey: key) { return value }
    problems.append(GovTagError(.lexicon, "missing \"\(key):\" in \(parent)", at: location(node), hint: "e.g. \(example)"))
    return nil
  }

  /// The mapping of a grammar key, or `nil` with a problem when it is not one or has unknown keys.
  mutating func mapping(_ node: Node, _ key: String, keys: [String], example: String) -> Node.Mapping? {
    guard let mapping = node.mapping else {
      let found = node.scalar.map { "the single value \"\($0.string)\"" } ?? "a list"
      problems.append(
        GovTagError(
          .lexicon, "\(key) must be a mapping of \(keys.joined(separator: ", ")), found \(found)", at: location(node),
          hint: "e.g. \(example)"))
      return nil
    }
    let keyProblems = mapping.keyProblems(allowed: keys, context: "in \(key)", file: file)
    problems += keyProblems
    return keyProblems.isEmpty ? mapping : nil
  }

  /// The word of a grammar mapping's `word:` key, or "" with a problem.
  ///
  /// - Parameters:
  ///   - oneCharacter: whether the rule takes one character here (将, 要; not the meeting's 要求).
  ///   - node: the mapping's node, where a missing `word:` is reported.
  mutating func word(_ mapping: Node.Mapping, _ parent: String, oneCharacter: Bool, node: Node, example: String) -> String {
    guard let value = mapping.value(forKey: "word") else {
      problems.append(GovTagError(.lexicon, "missing \"word:\" in \(parent)", at: location(node), hint: "e.g. \(example)"))
      return ""
    }
    guard let text = value.scalar?.string else {
      problems.append(
        GovTagError(
          .lexicon, "\(parent).word must be a single word, found a list or mapping", at: location(value), hint: "e.g. \(example)")
      )
      return ""
    }
    return check(text, "\(parent).word", oneCharacter: oneCharacter, node: value, example: example) ? text : ""
  }

  /// The words of a grammar list (an empty list is allowed), without those with problems.
  mutating func words(_ node: Node, _ name: String, oneCharacter: Bool, example: String) -> [String] {
    let items: [Node]
    switch node.listItems(name, example: example, file: file) {
    case .success(let list): items = list
    case .failure(let error):
      problems.append(error)
      return []
    }
    var words: [String] = []
    for item in items {
      guard let text = item.scalar?.string else {
        problems.append(
          GovTagError(.lexicon, "\(name) must list words, found a list or mapping", at: location(item), hint: "e.g. \(example)"))
        continue
      }
      guard check(text, name, oneCharacter: oneCharacter, node: item, example: example) else { continue }
      if words.contains(text) {
        problems.append(GovTagError(.lexicon, "\(name) lists \"\(text)\" twice", at: location(item), hint: "remove one"))
        continue
      }
      words.append(text)
    }
    return words
  }

  /// Whether a grammar word can be used: not empty, one character where the rule reads one,
  /// without spaces around it or invisible characters, and already folded; else adds a problem.
  mutating func check(_ text: String, _ name: String, oneCharacter: Bool, node: Node, example: String) -> Bool {
    if text.trimmingCharacters(in: .whitespaces).isEmpty {
      problems.append(GovTagError(.lexicon, "empty word in \(name)", at: location(node), hint: "e.g. \(example)"))
      return false
    }
    if oneCharacter, text.count != 1 {
      problems.append(
        GovTagError(
          .lexicon, "\(name) takes one character, found \"\(text)\": the rule compares a single character here",
          at: location(node), hint: "write one character, e.g. \(example)"))
      return false
    }
    if let error = LexiconLoader.entryProblem(text, what: name, at: location(node)) {
      problems.append(error)
      return false
    }
    return true
  }
}

import Foundation
internal import Yams

/// Cue words that put a hit out of scope: a negation (尚未实现数据共享) or a plan
/// (下一步将建设数据交易所) before it in its clause, or a citation before a quoted document
/// title (依据《数据安全法》). Loaded from `Lexicons/scope.yaml`.
package struct ScopeRules: Sendable, Hashable {
  /// Why a cue suppresses a hit.
  package enum Kind: String, Sendable, Hashable {
    /// The work is not done: the hit does not count.
    case negation
    /// The work is only planned: the hit does not count.
    case plan
    /// Before 《…》: the document is cited, so hits inside the title do not count.
    case citation
    /// Before 《…》: the case made the document, so hits inside the title count in full.
    case enactment
    /// The hit is named as an aim or a benefit (助力, 旨在): the hit does not count.
    case aim
    /// Opens a sentence that mostly sets the scene (近年来, 当前): its hits count half.
    case background
    /// Before an enumeration in its clause, says the case uses what the list names (运用, 依托):
    /// such a list is the case's own work, not a list of trends.
    case use
    /// Names what the case is after an opening that sets the scene (本文关注的是, 本案例聚焦,
    /// 在此背景下): the hits before its sentence do not count.
    case focus
    /// Opens a purpose sentence (为深入推进…，推动…，助力…，上海市近日推行…): its first clause
    /// states an aim, and so does each clause after it that opens with a ``purposeClause`` word.
    case purpose
    /// Opens a clause that goes on with the aims of a purpose sentence (推动, 助力, 以, 让 …).
    case purposeClause = "purpose_clauses"
    /// Says, after what its sentence names, that it is not done yet (但这些尚在酝酿之中): the
    /// sentence's hits before it are plans.
    case pending
    /// Reports what someone says (该局表示): when the words reported open with 将, the rest of the
    /// sentence is what the unit says it will do, a plan.
    case speech
    /// Closes a 、-list of the bodies that take part (公安、不动产、车管等部门): the list's items
    /// name who takes part, not the field the case works in.
    case listCloser = "list_closers"
  }

  /// A cue word and its kind.
  package struct Cue: Sendable, Hashable {
    package var text: String
    package var kind: Kind
  }

  /// A frame around a hit that names a field or a benefit rather than the case's work:
  /// `在…方面` (在基层治理方面，…) or `为…减负` (为基层减负).
  package struct Frame: Sendable, Hashable {
    /// What stands before the hit (在).
    package var open: String
    /// What stands after it, or ends it (方面; 减负 in 为基层减负).
    package var close: String
    /// The frame as written, `open…close`.
    package var text: String { open + "…" + close }
  }

  /// The cues, negations first.
  package var cues: [Cue]
  /// The frames of `frames:`, in file order.
  package var frames: [Frame] = []
  /// The plan cues of `plan_without_will:` (下一步, 下步), each also a cue of `plan:`: one that opens
  /// a clause governs the rest of its sentence without 将 after it.
  package var planWithoutWill: [String] = []
  /// The grammar words the plan, speech and negation rules read around their cues.
  package var grammar: Grammar = .none

  /// The file name looked for in a lexicon directory.
  package static let fileName = "scope.yaml"

  /// Creates rules.
  package init(cues: [Cue], frames: [Frame] = [], planWithoutWill: [String] = [], grammar: Grammar) {
    self.cues = cues
    self.frames = frames
    self.planWithoutWill = planWithoutWill
    self.grammar = grammar
  }

  /// No cues: every hit is in scope (quoted titles are still out of scope).
  package static let none = ScopeRules(cues: [], grammar: .none)

  /// Loads `scope.yaml` from a lexicon directory, or returns `nil` when there is none.
  ///
  /// - Throws: `GovTagErrors` naming each problem's line.
  package static func load(directory: String) throws -> ScopeRules? {
    let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try parse(try LexiconLoader.readUTF8(path), file: path)
  }

  /// Parses scope YAML: `negation:`, `plan:`, `citation:`, `enactment:`, `aim:`, `background:`,
  /// `use:`, `focus:`, `purpose:`, `purpose_clauses:`, `pending:`, `speech:` and `list_closers:`, each a list of words,
  /// `plan_without_will:` (plan cues), `frames:`, and the grammar words
  /// (``parseGrammar(_:speechCues:file:problems:)``, required).
  ///
  /// - Throws: `GovTagErrors` naming each problem's line.
  package static func parse(_ text: String, file: String) throws -> ScopeRules {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw GovTagErrors([DimensionFileParser.syntaxError(error, file: file, text: text)])
    }
    guard let mapping = root?.mapping else {
      throw GovTagErrors([
        GovTagError(
          .lexicon,
          "the scope file must be a mapping with the lists negation, plan, citation, enactment, aim, background, use, focus, purpose, purpose_clauses, pending, speech, list_closers and frames, and the grammar words negation_stops_at, will, must, speech_not_after and meeting_demand",
          at: SourceLocation(file: file, line: 1))
      ])
    }
    // Unknown and repeated keys: a second negation: would otherwise replace the first's cues.
    var problems = mapping.keyProblems(
      allowed: [
        "negation", "plan", "citation", "enactment", "aim", "background", "use", "focus", "purpose", "purpose_clauses", "pending",
        "speech", "list_closers", "frames", "plan_without_will",
      ] + grammarKeys, context: "in the scope file", file: file)
    var cues: [Cue] = []
    var seen: [String: Int] = [:]
    var read: Set<String> = []
    var frames: [Frame] = []
    for (key, value) in mapping {
      let name = key.scalar?.string ?? "?"
      guard name == "frames" || Kind(rawValue: name) != nil, read.insert(name).inserted else { continue }  // reported above
      let items: [Node]
      switch value.listItems(name, example: "\(name): [\(value.scalar?.string ?? "…")]", file: file) {
      case .success(let list): items = list
      case .failure(let error):
        // negation: 尚未 would otherwise be read as no cue at all and turn every negation off.
        problems.append(error)
        continue
      }
      guard let kind = Kind(rawValue: name) else {
        for item in items {
          let parts = (item.scalar?.string ?? "").components(separatedBy: "…")
          guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            problems.append(
              GovTagError(
                .lexicon, "frame \"\(item.scalar?.string ?? "?")\" must be two words joined by …",
                at: SourceLocation(file: file, line: item.mark?.line, column: item.mark?.column), hint: "e.g. 在…方面"))
            continue
          }
          let at = SourceLocation(file: file, line: item.mark?.line, column: item.mark?.column)
          let what = "frame \"\(LexiconLoader.visible(parts[0] + "…" + parts[1]))\": word"
          if let error = LexiconLoader.spacingProblem(parts[0], what: what, at: at)
            ?? LexiconLoader.spacingProblem(parts[1], what: what, at: at)
            ?? LexiconLoader.foldingProblem(parts[0] + "…" + parts[1], what: "frame", at: at)
          {
            problems.append(error)
            continue
          }
          let frame = Frame(open: parts[0], close: parts[1])
          if frames.contains(frame) {
            problems.append(GovTagError(.lexicon, "frame \"\(frame.text)\" is listed twice", at: at, hint: "remove one"))
            continue
          }
          frames.append(frame)
        }
        continue
      }
      for item in items {
        let line = item.mark?.line
        guard let word = item.scalar?.string, !word.trimmingCharacters(in: .whitespaces).isEmpty else {
          problems.append(
            GovTagError(.lexicon, "empty cue in \(name)", at: SourceLocation(file: file, line: line, column: item.mark?.column)))
          continue
        }
        if let error = LexiconLoader.entryProblem(
          word, what: "cue", at: SourceLocation(file: file, line: line, column: item.mark?.column))
        {
          problems.append(error)
          continue
        }
        if let first = seen[word] {
          problems.append(
            GovTagError(
              .lexicon, "duplicate cue \"\(word)\" (first at line \(first))",
              at: SourceLocation(file: file, line: line, column: item.mark?.column)))
          continue
        }
        seen[word] = line ?? 0
        cues.append(Cue(text: word, kind: kind))
      }
    }
    let planWithoutWill = parsePlanWithoutWill(
      mapping, plans: Set(cues.filter { $0.kind == .plan }.map(\.text)), file: file, problems: &problems)
    let grammar = parseGrammar(
      mapping, speechCues: cues.filter { $0.kind == .speech }.map(\.text), file: file, problems: &problems)
    if !problems.isEmpty { throw GovTagErrors(problems) }
    return ScopeRules(cues: cues, frames: frames, planWithoutWill: planWithoutWill, grammar: grammar)
  }

  /// Reads `plan_without_will:` (optional: without it every plan cue needs 将 after it to reach
  /// beyond its clause). Each word must be a cue of `plan:`, which the automaton finds; the list
  /// is read as the grammar words' lists are (``parseGrammar(_:speechCues:file:problems:)``).
  private static func parsePlanWithoutWill(
    _ mapping: Node.Mapping, plans: Set<String>, file: String, problems: inout [GovTagError]
  ) -> [String] {
    guard let value = mapping.value(forKey: "plan_without_will") else { return [] }
    var reader = GrammarReader(file: file)
    let listed = reader.words(value, "plan_without_will", oneCharacter: false, example: "plan_without_will: [下一步, 下步]")
    problems += reader.problems
    let items = value.sequence.map(Array.init) ?? []
    return listed.filter { word in
      guard plans.contains(word) else {
        let item = items.first { $0.scalar?.string == word }
        problems.append(
          GovTagError(
            .lexicon, "plan_without_will names \"\(word)\", which is not a cue of plan:",
            at: SourceLocation(file: file, line: item?.mark?.line, column: item?.mark?.column),
            hint: "add it to plan: or remove it here"))
        return false
      }
      return true
    }
  }
}

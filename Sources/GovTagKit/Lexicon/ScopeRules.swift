import Foundation
internal import Yams

/// Cue words that put a hit out of scope: a negation (尚未实现数据共享) or a plan
/// (下一步将建设数据交易所) before it in its clause, or a citation before a quoted document
/// title (依据《数据安全法》). Loaded from `Lexicons/scope.yaml`.
public struct ScopeRules: Sendable, Hashable {
  /// Why a cue suppresses a hit.
  public enum Kind: String, Sendable, Hashable {
    /// The work is not done: the hit does not count.
    case negation
    /// The work is only planned: the hit does not count.
    case plan
    /// Before 《…》: the document is cited, so hits inside the title do not count.
    case citation
    /// Before 《…》: the case made the document, so hits inside the title count in full.
    case enactment
  }

  /// A cue word and its kind.
  public struct Cue: Sendable, Hashable {
    public var text: String
    public var kind: Kind
  }

  /// The cues, negations first.
  public var cues: [Cue]

  /// The file name looked for in a lexicon directory.
  public static let fileName = "scope.yaml"

  /// Creates rules.
  public init(cues: [Cue]) { self.cues = cues }

  /// No cues: every hit is in scope (quoted titles are still out of scope).
  public static let none = ScopeRules(cues: [])

  /// Loads `scope.yaml` from a lexicon directory, or returns `nil` when there is none.
  ///
  /// - Throws: `GovTagErrors` naming each problem's line.
  public static func load(directory: String) throws -> ScopeRules? {
    let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try parse(try LexiconLoader.readUTF8(path), file: path)
  }

  /// Parses scope YAML: `negation:`, `plan:`, `citation:` and `enactment:`, each a list of words.
  ///
  /// - Throws: `GovTagErrors` naming each problem's line.
  public static func parse(_ text: String, file: String) throws -> ScopeRules {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw GovTagErrors([DimensionFileParser.syntaxError(error, file: file)])
    }
    guard let mapping = root?.mapping else {
      throw GovTagErrors([
        GovTagError(.lexicon, "the scope file must be a mapping with the lists negation, plan, citation and enactment", at: SourceLocation(file: file, line: 1))
      ])
    }
    // Unknown and repeated keys: a second negation: would otherwise replace the first's cues.
    var problems = mapping.keyProblems(allowed: ["negation", "plan", "citation", "enactment"], context: "in the scope file", file: file)
    var cues: [Cue] = []
    var seen: [String: Int] = [:]
    var read: Set<String> = []
    for (key, value) in mapping {
      let name = key.scalar?.string ?? "?"
      guard let kind = Kind(rawValue: name), read.insert(name).inserted else { continue }  // reported above
      let items: [Node]
      switch value.listItems(name, example: "\(name): [\(value.scalar?.string ?? "…")]", file: file) {
      case .success(let list): items = list
      case .failure(let error):
        // negation: 尚未 would otherwise be read as no cue at all and turn every negation off.
        problems.append(error)
        continue
      }
      for item in items {
        let line = item.mark?.line
        guard let word = item.scalar?.string, !word.trimmingCharacters(in: .whitespaces).isEmpty else {
          problems.append(GovTagError(.lexicon, "empty cue in \(name)", at: SourceLocation(file: file, line: line, column: item.mark?.column)))
          continue
        }
        if let error = LexiconLoader.foldingProblem(word, what: "cue", at: SourceLocation(file: file, line: line, column: item.mark?.column)) {
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
    if !problems.isEmpty { throw GovTagErrors(problems) }
    return ScopeRules(cues: cues)
  }
}

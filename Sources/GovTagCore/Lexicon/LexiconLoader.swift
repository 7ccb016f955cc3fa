import Foundation
internal import Yams

/// Loads and validates the lexicon files of a directory.
///
/// Validation is exhaustive: every problem in every file is collected, each with its file, line
/// and column, before anything is thrown, so a curator fixes a whole file in one pass.
package struct LexiconLoader {
  /// The taxonomy that ids are checked against.
  package var taxonomy: Taxonomy
  /// How the hints name the setting that chooses the folder (``SettingNames/Setting/lexicons``).
  package var names: SettingNames

  /// Files in a lexicon directory that are not dimension lexicons.
  ///
  /// `calibration.yaml` (confidence calibration) is read by its own loader, never as a dimension.
  package static let nonDimensionFiles: Set<String> = ["gazetteer.yaml", "scope.yaml", "calibration.yaml"]

  /// Why an unknown category id cannot simply be added to a file, for its message: a misspelling
  /// is fixed in the file, a new category in the code.
  static let fixedCategories =
    "the categories are fixed by the taxonomy, docs/TAXONOMY.md; a new one needs a code change and a rebuild: CONTRIBUTING.md, \"A new dimension\""

  /// The default threshold when a file sets none.
  package static let defaultThreshold = 3.0

  /// The range a weight must lie in.
  package static let weightRange: ClosedRange<Double> = 0.000_001...10

  /// Creates a loader for `taxonomy`.
  ///
  /// - Parameters:
  ///   - taxonomy: the dimensions and categories ids are checked against.
  ///   - names: how hints name the caller's settings; the default words them for a program.
  package init(taxonomy: Taxonomy = .standard, names: SettingNames = SettingNames()) {
    self.taxonomy = taxonomy
    self.names = names
  }

  /// Loads every `*.yaml` dimension file of `directory`.
  ///
  /// - Parameter directory: a path, e.g. `Lexicons`.
  /// - Returns: the lexicons, ordered as the taxonomy orders dimensions.
  /// - Throws: `GovTagErrors` listing every problem found, or `GovTagError` when the directory
  ///   cannot be read.
  package func load(directory: String) throws -> LexiconSet {
    let names = try fileNames(in: directory)
    let files = names.filter { $0.hasSuffix(".yaml") && !Self.nonDimensionFiles.contains($0) }.sorted()
    guard !files.isEmpty else {
      throw GovTagError(
        .lexicon, "no lexicon files (*.yaml) found", at: SourceLocation(file: directory), hint: folderHint)
    }
    var problems: [GovTagError] = []
    var dimensions: [DimensionLexicon] = []
    var seen: [String: String] = [:]
    for name in files {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let text: String
      do {
        text = try Self.readUTF8(path)
      } catch let error as GovTagError {
        problems.append(error)
        continue
      }
      var parser = DimensionFileParser(file: path, taxonomy: taxonomy)
      if let dimension = parser.parse(text) {
        if let other = seen[dimension.id] {
          problems.append(
            GovTagError(
              .lexicon, "dimension \"\(dimension.id)\" is already defined in \(other)", at: SourceLocation(file: path, line: 1),
              hint: "keep one file per dimension"))
        } else {
          seen[dimension.id] = path
          dimensions.append(dimension)
        }
      }
      problems += parser.problems
    }
    problems += Self.implicationProblems(dimensions)
    guard problems.isEmpty else { throw GovTagErrors(problems) }
    let order = Dictionary(uniqueKeysWithValues: taxonomy.dimensions.enumerated().map { ($1.id, $0) })
    dimensions.sort { order[$0.id, default: .max] < order[$1.id, default: .max] }
    return LexiconSet(dimensions: dimensions)
  }

  /// What to do when the folder is not a lexicon folder.
  /// The names of the files in the lexicon directory `directory`.
  ///
  /// - Throws: `GovTagError` with code `.io` saying why the folder cannot be read (no such
  ///   folder, a file) and which folder to pass.
  package func fileNames(in directory: String) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      // Say which of the usual mistakes it is; Foundation's own text ("The operation could not be
      // completed. The file doesn’t exist.") names neither the path's state nor the fix.
      var isDirectory: ObjCBool = false
      let reason =
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
          "no such folder"
        } else if !isDirectory.boolValue {
          "it is a file, not a folder"
        } else {
          error.localizedDescription
        }
      throw GovTagError(
        .io, "cannot read the lexicon directory: \(reason)", at: SourceLocation(file: directory), hint: folderHint)
    }
  }

  private var folderHint: String {
    "pass the folder that holds the lexicon .yaml files" + (names[.lexicons].map { " with \($0)" } ?? "")
  }

  /// Parses one dimension file's text.
  ///
  /// - Parameters:
  ///   - text: the YAML text.
  ///   - file: the path to name in messages.
  /// - Returns: the lexicon.
  /// - Throws: `GovTagErrors` with every problem found.
  package func parse(_ text: String, file: String) throws -> DimensionLexicon {
    var parser = DimensionFileParser(file: file, taxonomy: taxonomy)
    let dimension = parser.parse(text)
    guard parser.problems.isEmpty, let dimension else { throw GovTagErrors(parser.problems) }
    return dimension
  }

  /// Checks every `implied_by:` against the loaded dimensions: the implying dimension must have
  /// a file, and must not be implied itself, so that one pass after scoring settles every label.
  static func implicationProblems(_ dimensions: [DimensionLexicon]) -> [GovTagError] {
    let implied = Set(dimensions.filter { $0.categories.contains { $0.impliedBy != nil } }.map(\.id))
    var problems: [GovTagError] = []
    for dimension in dimensions {
      for category in dimension.categories {
        guard let source = category.impliedBy else { continue }
        let at = category.impliedByLocation ?? SourceLocation(file: dimension.file)
        if !dimensions.contains(where: { $0.id == source }) {
          problems.append(
            GovTagError(
              .lexicon, "category \(category.id) is implied_by \(source), but no lexicon file defines dimension \(source)",
              at: at, hint: "add \(source).yaml to the lexicon folder, or remove implied_by"))
        } else if implied.contains(source) {
          problems.append(
            GovTagError(
              .lexicon, "category \(category.id) is implied_by \(source), whose own categories are implied by another dimension",
              at: at, hint: "imply from a dimension that is decided by its own terms only"))
        }
      }
    }
    return problems
  }

  /// The first problem that would keep `text`, a list entry matched against texts (a term, an
  /// exclusion, a cue, a context word, a place name, a service brand), from ever matching:
  /// leading or trailing white space, an invisible format character (Unicode category Cf: a
  /// zero-width space U+200B, U+200C, U+200D, U+2060, U+FEFF, pasted with text from a web page or
  /// a word processor), or a character that folding changes (``foldingProblem(_:what:at:)``).
  ///
  /// - Parameters:
  ///   - text: the entry as written in a lexicon file.
  ///   - what: how messages name it: `term`, `exclusion`, `cue`, `place name`.
  ///   - location: where it is written.
  /// - Returns: the error, or `nil` when the entry can match.
  /// - Complexity: O(*n*) in the length of `text`.
  static func entryProblem(_ text: String, what: String, at location: SourceLocation) -> GovTagError? {
    spacingProblem(text, what: what, at: location) ?? foldingProblem(text, what: what, at: location)
  }

  /// The spaces and invisible characters of ``entryProblem(_:what:at:)``, without the folding
  /// check (a frame, 在…方面, checks each of its two words so, then folds the whole).
  static func spacingProblem(_ text: String, what: String, at location: SourceLocation) -> GovTagError? {
    if text.trimmingCharacters(in: .whitespacesAndNewlines) != text {
      return GovTagError(
        .lexicon, "\(what) \"\(text)\" has leading or trailing spaces", at: location, hint: "remove the spaces")
    }
    if let invisible = text.unicodeScalars.first(where: { $0.properties.generalCategory == .format }) {
      let code = invisibleCode(invisible)
      return GovTagError(
        .lexicon, "\(what) \"\(visible(text))\" holds an invisible character \(code), so it can never match", at: location,
        hint: "remove the invisible character \(code)")
    }
    return nil
  }

  /// `text` with each invisible format character (Cf) shown by its code point, `停<U+200B>车`:
  /// printed as it is, the character would be as invisible in a message as in the file.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) else { return text }
    return text.unicodeScalars.map { $0.properties.generalCategory == .format ? "<\(invisibleCode($0))>" : "\($0)" }.joined()
  }

  /// `U+200B` for a scalar.
  private static func invisibleCode(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// A problem when `text` holds characters that ``TextFolding`` changes (traditional or full
  /// width): texts are folded before matching, so such a word could never match. The form it
  /// suggests has no leading or trailing space (a full-width space at the end folds to a space,
  /// which would make the entry just as dead).
  ///
  /// - Parameters:
  ///   - text: a term, cue, context word or place name as written in a lexicon file.
  ///   - what: how messages name it: `term`, `cue`, `place name`.
  ///   - location: where it is written.
  /// - Returns: the error, naming the folded form to write, or `nil` when `text` is already folded.
  static func foldingProblem(_ text: String, what: String, at location: SourceLocation) -> GovTagError? {
    let folded = TextFolding.standard.fold(text)
    guard folded != text else { return nil }
    return GovTagError(
      .lexicon,
      "\(what) \"\(text)\" can never match: texts are folded to simplified characters and half-width forms before matching",
      at: location, hint: "write \"\(folded.trimmingCharacters(in: .whitespacesAndNewlines))\"")
  }

  /// Reads a file as UTF-8, with errors that name it.
  static func readUTF8(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GovTagError(.io, "cannot read the file", at: SourceLocation(file: path), hint: "check that it exists and is readable")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw GovTagError(.lexicon, "the file is not valid UTF-8", at: SourceLocation(file: path), hint: "save it as UTF-8")
    }
    return text
  }
}

/// Turns one YAML dimension file into a ``DimensionLexicon``, collecting problems as it goes.
struct DimensionFileParser {
  let file: String
  let taxonomy: Taxonomy
  private(set) var problems: [GovTagError] = []

  init(file: String, taxonomy: Taxonomy) {
    self.file = file
    self.taxonomy = taxonomy
  }

  private static let fileKeys = ["dimension", "name", "threshold", "relative_threshold", "contexts", "categories"]
  private static let categoryKeys = [
    "name", "threshold", "terms", "exclude", "implied_by", "implied_when_alone", "counts_in_rules",
  ]
  private static let termKeys = ["weight", "match", "near"]
  private static let contextKeys = ["words", "at_least"]
  /// Every `near:` of the file, checked against its contexts once all are read.
  private var nearReferences: [(name: String, term: String, location: SourceLocation)] = []
  /// Contexts defined with problems (already reported).
  private var invalidContexts: Set<String> = []

  mutating func parse(_ text: String) -> DimensionLexicon? {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      problems.append(Self.syntaxError(error, file: file, text: text))
      return nil
    } catch {
      problems.append(GovTagError(.yaml, "YAML syntax error: \(error)", at: SourceLocation(file: file)))
      return nil
    }
    guard let root, let mapping = root.mapping else {
      problems.append(
        GovTagError(
          .lexicon, "a lexicon file must be a mapping with the keys dimension, name, threshold and categories",
          at: SourceLocation(file: file, line: 1)))
      return nil
    }
    checkKeys(mapping, allowed: Self.fileKeys, context: "at the top of the file")
    guard let dimensionNode = mapping.value(forKey: "dimension"), let dimensionID = dimensionNode.scalar?.string else {
      problems.append(
        GovTagError(
          .lexicon, "missing \"dimension:\"", at: location(root), hint: "name the dimension, e.g. dimension: capability"))
      return nil
    }
    guard let dimension = taxonomy.dimension(dimensionID) else {
      let known = taxonomy.dimensions.map(\.id).joined(separator: ", ")
      problems.append(
        GovTagError(.lexicon, "unknown dimension \"\(dimensionID)\"", at: location(dimensionNode), hint: "use one of \(known)"))
      return nil
    }
    let fileThreshold =
      mapping.value(forKey: "threshold").flatMap { threshold($0, context: "the file's threshold") }
      ?? LexiconLoader.defaultThreshold
    guard let categoriesNode = mapping.value(forKey: "categories") else {
      problems.append(GovTagError(.lexicon, "missing \"categories:\"", at: location(root)))
      return nil
    }
    guard let categoryMapping = categoriesNode.mapping else {
      problems.append(
        GovTagError(.lexicon, "\"categories\" must be a mapping from category id to its definition", at: location(categoriesNode))
      )
      return nil
    }
    let contexts = mapping.value(forKey: "contexts").map { parseContexts($0) } ?? []
    var categories: [LexiconCategory] = []
    var firstCategory: [String: Int] = [:]
    var firstTerm: [String: (category: String, line: Int?)] = [:]
    for (key, value) in categoryMapping {
      guard let id = key.scalar?.string else {
        problems.append(GovTagError(.lexicon, "a category id must be a plain string", at: location(key)))
        continue
      }
      guard let known = dimension.categories.first(where: { $0.id == id }) else {
        let ids = dimension.categories.map(\.id).joined(separator: ", ")
        problems.append(
          GovTagError(
            .lexicon, "unknown category \"\(id)\" in dimension \(dimension.id)", at: location(key),
            hint: "use one of \(ids) (\(LexiconLoader.fixedCategories))"))
        continue
      }
      if let line = firstCategory[id] {
        problems.append(
          GovTagError(
            .lexicon, "category \"\(id)\" is defined twice (first at line \(line)): only the first is read",
            at: location(key), hint: "merge the two into one \"\(id):\" block"))
        continue
      }
      firstCategory[id] = key.mark?.line ?? 0
      if let category = parseCategory(
        id: id, dimension: dimension.id, defaultName: known.name, node: value, fileThreshold: fileThreshold,
        firstTerm: &firstTerm)
      {
        categories.append(category)
      }
    }
    let order = Dictionary(uniqueKeysWithValues: dimension.categories.enumerated().map { ($1.id, $0) })
    categories.sort { order[$0.id, default: .max] < order[$1.id, default: .max] }
    // A context that failed validation has its own message; its terms do not get a second one.
    let contextNames = Set(contexts.map(\.name)).union(invalidContexts)
    for reference in nearReferences where !contextNames.contains(reference.name) {
      let known = contexts.isEmpty ? "the file defines no contexts" : "it defines " + contexts.map(\.name).joined(separator: ", ")
      problems.append(
        GovTagError(
          .lexicon, "term \"\(reference.term)\" needs the context \"\(reference.name)\", which is not defined",
          at: reference.location, hint: "define it under contexts: at the top of the file, or correct the name (\(known))"))
    }
    let name = mapping.value(forKey: "name")?.scalar?.string ?? dimension.name
    var relative = 0.0
    if let node = mapping.value(forKey: "relative_threshold") {
      if let text = node.scalar?.string, let value = Double(text), (0..<1).contains(value) {
        relative = value
      } else {
        problems.append(
          GovTagError(
            .lexicon, "relative_threshold must be a number from 0 up to (not including) 1", at: location(node),
            hint: "e.g. 0.25: a category needs a quarter of the dimension's top score"))
      }
    }
    return DimensionLexicon(
      id: dimension.id, name: name, file: file, categories: categories, relativeThreshold: relative, contexts: contexts)
  }

  /// `contexts:`: name → `{words: [...] or {word: value}, at_least: n}`.
  private mutating func parseContexts(_ node: Node) -> [LexiconContext] {
    guard let mapping = node.mapping else {
      problems.append(
        GovTagError(
          .lexicon, "\"contexts\" must be a mapping from a context name to its words", at: location(node),
          hint: "e.g. contexts: {data: {words: [数据, 信息资源]}}"))
      return []
    }
    var contexts: [LexiconContext] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string, !name.isEmpty else {
        problems.append(GovTagError(.lexicon, "a context name must be a plain string", at: location(key)))
        continue
      }
      if contexts.contains(where: { $0.name == name }) || invalidContexts.contains(name) {
        problems.append(GovTagError(.lexicon, "context \"\(name)\" is defined twice", at: location(key)))
        continue
      }
      guard let options = value.mapping else {
        problems.append(
          GovTagError(
            .lexicon, "context \"\(name)\" must be a mapping with words and, optionally, at_least", at: location(value),
            hint: "e.g. \(name): {words: [数据, 信息资源]}"))
        continue
      }
      checkKeys(options, allowed: Self.contextKeys, context: "in context \(name)")
      let problemsBefore = problems.count
      var words: [LexiconContext.Word] = []
      func addWord(_ wordNode: Node, value: Double) {
        guard let text = wordNode.scalar?.string, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
          problems.append(GovTagError(.lexicon, "empty word in context \(name)", at: location(wordNode)))
          return
        }
        guard text.trimmingCharacters(in: .whitespacesAndNewlines) == text else {
          problems.append(
            GovTagError(
              .lexicon, "word \"\(text)\" of context \(name) has leading or trailing spaces", at: location(wordNode),
              hint: "remove the spaces"))
          return
        }
        if words.contains(where: { $0.text == text }) {
          problems.append(
            GovTagError(.lexicon, "word \"\(text)\" appears twice in context \(name)", at: location(wordNode), hint: "remove one")
          )
          return
        }
        checkFolded(text, what: "word of context \(name)", at: wordNode)
        words.append(LexiconContext.Word(text: text, value: value, location: location(wordNode)))
      }
      let wordsNode = options.value(forKey: "words")
      if let sequence = wordsNode?.sequence {
        for item in sequence { addWord(item, value: 1) }
      } else if let scalar = wordsNode?.scalar, !scalar.string.isEmpty, let wordsNode {
        invalidContexts.insert(name)
        problems.append(
          GovTagError(
            .lexicon, "the words of context \(name) must be a list, found the single value \"\(scalar.string)\"",
            at: location(wordsNode), hint: "write words: [\(scalar.string)]"))
        continue
      } else if let wordMapping = wordsNode?.mapping {
        for (wordNode, valueNode) in wordMapping {
          guard let text = valueNode.scalar?.string, let number = Double(text), number.isFinite, number > 0 else {
            problems.append(
              GovTagError(
                .lexicon,
                "the value of word \"\(wordNode.scalar?.string ?? "?")\" in context \(name) is not a number greater than 0",
                at: location(valueNode), hint: "write word: 1, or word: 2 for a word that counts twice"))
            continue
          }
          addWord(wordNode, value: number)
        }
      }
      guard !words.isEmpty else {
        invalidContexts.insert(name)
        guard problems.count == problemsBefore else { continue }
        problems.append(
          GovTagError(
            .lexicon, "context \"\(name)\" has no words", at: location(wordsNode ?? value),
            hint: "write words: [数据, 信息资源], or words: {各部门: 2, 公安: 1} with values"))
        continue
      }
      var atLeast = 1.0
      if let atLeastNode = options.value(forKey: "at_least") {
        atLeast = threshold(atLeastNode, context: "at_least of context \(name)") ?? atLeast
      }
      let total = words.reduce(0) { $0 + $1.value }
      if atLeast > total + 1e-9 {  // a tolerance, so that 0.7 + 0.1 meets 0.8
        invalidContexts.insert(name)
        problems.append(
          GovTagError(
            .lexicon,
            "context \"\(name)\" needs at_least \(ScoreFormat.text(atLeast)) but its words add up to only \(ScoreFormat.text(total)), so it can never be present",
            at: location(key), hint: "lower at_least or add words"))
        continue
      }
      contexts.append(LexiconContext(name: name, words: words, atLeast: atLeast, location: location(key)))
    }
    return contexts
  }

  private mutating func parseCategory(
    id: String, dimension: String, defaultName: String, node: Node, fileThreshold: Double,
    firstTerm: inout [String: (category: String, line: Int?)]
  ) -> LexiconCategory? {
    guard let mapping = node.mapping else {
      problems.append(
        GovTagError(.lexicon, "category \"\(id)\" must be a mapping with name, threshold, terms and exclude", at: location(node)))
      return nil
    }
    checkKeys(mapping, allowed: Self.categoryKeys, context: "in category \(id)")
    let categoryThreshold =
      mapping.value(forKey: "threshold").flatMap { threshold($0, context: "the threshold of \(id)") } ?? fileThreshold
    var terms: [LexiconTerm] = []
    // Every term as written, those refused too (a duplicate, a bad weight): an exclusion that
    // holds one of them has its term, and the term's own error says what to fix.
    var writtenTerms: [String] = []
    if let termsNode = mapping.value(forKey: "terms") {
      if let termMapping = termsNode.mapping {
        for (key, value) in termMapping {
          if let text = key.scalar?.string, !text.isEmpty { writtenTerms.append(text) }
          guard let term = parseTerm(key: key, value: value, category: id) else { continue }
          if let first = firstTerm[term.text] {
            let place = first.line.map { "line \($0)" } ?? "another line"
            let owner = first.category == id ? "" : " of category \(first.category)"
            problems.append(
              GovTagError(
                .lexicon, "duplicate term \"\(term.text)\" in category \(id) (first at \(place)\(owner))",
                at: location(key), hint: "a term appears once per dimension; remove one of them"))
            continue
          }
          firstTerm[term.text] = (id, key.mark?.line)
          terms.append(term)
        }
      } else if !(termsNode.scalar?.string.isEmpty ?? false) {
        problems.append(
          GovTagError(
            .lexicon, "\"terms\" of category \(id) must be a mapping of term: weight", at: location(termsNode),
            hint: "write one term per line, e.g. 一网通办: 3"))
      }
    }
    var exclusions: [LexiconExclusion] = []
    if let excludeNode = mapping.value(forKey: "exclude") {
      if let sequence = excludeNode.sequence {
        for item in sequence {
          guard let text = item.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.append(
              GovTagError(
                .lexicon, "empty exclusion in category \(id)", at: location(item), hint: "remove the line, or write the phrase"))
            continue
          }
          guard checkFolded(text, what: "exclusion", at: item) else { continue }
          exclusions.append(LexiconExclusion(text: text, location: location(item)))
        }
      } else {
        let found = excludeNode.scalar.map { ", found the single value \"\($0.string)\"" } ?? ""
        problems.append(
          GovTagError(
            .lexicon, "\"exclude\" of category \(id) must be a list of phrases\(found)", at: location(excludeNode),
            hint: "write exclude: [\(excludeNode.scalar?.string ?? "…")]"))
      }
    }
    for exclusion in exclusions where !writtenTerms.contains(where: { exclusion.text.contains($0) }) {
      problems.append(
        GovTagError(
          .lexicon, "exclusion \"\(exclusion.text)\" contains none of the terms of category \(id), so it can never apply",
          at: exclusion.location, hint: "remove it, or add the term it is meant to neutralise"))
    }
    var impliedBy: String?
    var impliedByCategories: [String]?
    var impliedByLocation: SourceLocation?
    if let impliedNode = mapping.value(forKey: "implied_by") {
      let others = taxonomy.dimensions.map(\.id).filter { $0 != dimension }.joined(separator: ", ")
      // `implied_by: technology` (any of its labels) or `implied_by: {technology: [ai, iot]}`.
      var sourceNode = impliedNode
      var listNode: Node?
      if let pairs = impliedNode.mapping, pairs.count == 1, let (key, value) = pairs.first {
        sourceNode = key
        listNode = value
      }
      if let source = sourceNode.scalar?.string, source != dimension, let sourceDimension = taxonomy.dimension(source) {
        impliedBy = source
        impliedByLocation = location(impliedNode)
        if let listNode {
          let known = sourceDimension.categories.map(\.id)
          switch listNode.listItems(
            "implied_by \(source)", example: "implied_by: {\(source): [\(known.prefix(2).joined(separator: ", "))]}", file: file)
          {
          case .failure(let problem): problems.append(problem)
          case .success(let items):
            var categories: [String] = []
            for item in items {
              if let name = item.scalar?.string, known.contains(name) {
                categories.append(name)
              } else {
                problems.append(
                  GovTagError(
                    .lexicon,
                    "implied_by of category \(id) names \"\(item.scalar?.string ?? "?")\", which is no category of \(source)",
                    at: location(item), hint: "use some of \(known.joined(separator: ", "))"))
              }
            }
            if items.isEmpty {
              problems.append(
                GovTagError(
                  .lexicon, "implied_by of category \(id) lists no category of \(source)", at: location(listNode),
                  hint: "list the categories that imply it, or write implied_by: \(source) for all of them"))
            }
            impliedByCategories = categories
          }
        }
      } else if let pairs = impliedNode.mapping, pairs.count > 1 {
        // One dimension implies a category; name every one that was given, so the curator sees them.
        let names = pairs.map { $0.key.scalar?.string ?? "?" }.joined(separator: ", ")
        problems.append(
          GovTagError(
            .lexicon, "implied_by of category \(id) names \(pairs.count) dimensions (\(names)); it takes one",
            at: location(impliedNode),
            hint: "keep one of them, e.g. implied_by: \(pairs.first?.key.scalar?.string ?? "technology")"))
      } else if let source = sourceNode.scalar?.string {
        problems.append(
          GovTagError(
            .lexicon, "implied_by of category \(id) must name another dimension, not \"\(source)\"",
            at: location(sourceNode), hint: "use one of \(others)"))
      } else {
        problems.append(
          GovTagError(
            .lexicon, "implied_by of category \(id) must name another dimension, not a list or an empty value",
            at: location(sourceNode), hint: "use one of \(others)"))
      }
    }
    var impliedWhenAlone = false
    if let aloneNode = mapping.value(forKey: "implied_when_alone") {
      // `implied_when_alone: true`: the implication applies only when no other category of the
      // dimension is assigned.
      switch aloneNode.scalar?.string {
      case "true": impliedWhenAlone = true
      case "false": impliedWhenAlone = false
      default:
        problems.append(
          GovTagError(
            .lexicon, "implied_when_alone of category \(id) must be true or false, not \"\(aloneNode.scalar?.string ?? "?")\"",
            at: location(aloneNode), hint: "write implied_when_alone: true"))
      }
      if impliedWhenAlone, mapping.value(forKey: "implied_by") == nil {
        problems.append(
          GovTagError(
            .lexicon, "implied_when_alone of category \(id) has no implied_by to qualify", at: location(aloneNode),
            hint: "add implied_by: {DIMENSION: [CATEGORY, ...]}, or remove implied_when_alone"))
      }
    }
    let name = mapping.value(forKey: "name")?.scalar?.string ?? defaultName
    var category = LexiconCategory(
      id: id, name: name, threshold: categoryThreshold, terms: terms, exclusions: exclusions, impliedBy: impliedBy,
      impliedByCategories: impliedByCategories, impliedByLocation: impliedByLocation)
    category.impliedWhenAlone = impliedWhenAlone
    if let rulesNode = mapping.value(forKey: "counts_in_rules") {
      // `counts_in_rules: false`: hits in a document's title or provisions count nothing.
      switch rulesNode.scalar?.string {
      case "true": category.countsInRules = true
      case "false": category.countsInRules = false
      default:
        problems.append(
          GovTagError(
            .lexicon, "counts_in_rules of category \(id) must be true or false, not \"\(rulesNode.scalar?.string ?? "?")\"",
            at: location(rulesNode), hint: "write counts_in_rules: false"))
      }
    }
    return category
  }

  private mutating func parseTerm(key: Node, value: Node, category: String) -> LexiconTerm? {
    guard let text = key.scalar?.string else {
      problems.append(GovTagError(.lexicon, "a term must be a plain string", at: location(key)))
      return nil
    }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty {
      problems.append(GovTagError(.lexicon, "empty term in category \(category)", at: location(key), hint: "remove the line"))
      return nil
    }
    if let error = LexiconLoader.entryProblem(text, what: "term", at: location(key)) {
      problems.append(error)
      return nil
    }
    var weightNode = value
    var mode = MatchMode.word
    var near: String?
    if let options = value.mapping {
      checkKeys(options, allowed: Self.termKeys, context: "in term \"\(text)\"")
      guard let node = options.value(forKey: "weight") else {
        problems.append(
          GovTagError(
            .lexicon, "term \"\(text)\" has no weight", at: location(value), hint: "write {weight: 2, match: substring}"))
        return nil
      }
      weightNode = node
      if let modeNode = options.value(forKey: "match") {
        guard let modeText = modeNode.scalar?.string, let parsed = MatchMode(rawValue: modeText) else {
          problems.append(
            GovTagError(
              .lexicon, "unknown match mode \"\(modeNode.scalar?.string ?? "?")\" for term \"\(text)\"",
              at: location(modeNode), hint: "use word or substring"))
          return nil
        }
        mode = parsed
      }
      if let nearNode = options.value(forKey: "near") {
        guard let name = nearNode.scalar?.string, !name.isEmpty else {
          problems.append(
            GovTagError(
              .lexicon, "near of term \"\(text)\" must name a context", at: location(nearNode),
              hint: "write near: data, with data defined under contexts:"))
          return nil
        }
        near = name
        nearReferences.append((name, text, location(nearNode)))
      }
    }
    guard let weightText = weightNode.scalar?.string, let weight = Double(weightText), weight.isFinite else {
      problems.append(
        GovTagError(
          .lexicon, "the weight of term \"\(text)\" is not a number", at: location(weightNode),
          hint: "write a number greater than 0 and at most 10"))
      return nil
    }
    guard LexiconLoader.weightRange.contains(weight) else {
      problems.append(
        GovTagError(
          .lexicon, "weight \(weightText) of term \"\(text)\" is out of range", at: location(weightNode),
          hint: "use a number greater than 0 and at most 10"))
      return nil
    }
    return LexiconTerm(text: text, weight: weight, matchMode: mode, location: location(key), near: near)
  }

  private mutating func threshold(_ node: Node, context: String) -> Double? {
    guard let text = node.scalar?.string, let value = Double(text), value.isFinite, value > 0 else {
      problems.append(
        GovTagError(.lexicon, "\(context) must be a number greater than 0", at: location(node)))
      return nil
    }
    return value
  }

  /// Reports unknown keys and repeated ones (a second `terms:` would otherwise drop the first's
  /// terms without a word).
  private mutating func checkKeys(_ mapping: Node.Mapping, allowed: [String], context: String) {
    problems += mapping.keyProblems(allowed: allowed, context: context, file: file)
  }

  /// Reports an exclusion or context word that could never match: spaces around it, an invisible
  /// character in it, or characters that folding would change (``LexiconLoader/entryProblem(_:what:at:)``).
  ///
  /// - Returns: whether `text` is usable (already folded).
  @discardableResult
  private mutating func checkFolded(_ text: String, what: String, at node: Node) -> Bool {
    guard let error = LexiconLoader.entryProblem(text, what: what, at: location(node)) else { return true }
    problems.append(error)
    return false
  }

  private func location(_ node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
  }

  /// A YAML syntax error with its file, line and column, and what to do: libyaml's text says
  /// what it expected, not what is wrong, and the usual cause is indentation, a tab most of all.
  ///
  /// - Parameters:
  ///   - error: what Yams threw.
  ///   - file: the path to name.
  ///   - text: the file's text, read to tell a tab at the reported place from other indentation.
  static func syntaxError(_ error: YamlError, file: String, text: String) -> GovTagError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\($0.text) at line \($0.mark.line), " } ?? ""
      return GovTagError(
        .yaml, "YAML syntax error: \(detail)\(problem)", at: SourceLocation(file: file, line: mark.line, column: mark.column),
        hint: syntaxHint(
          text: text, line: mark.line, column: mark.column,
          flowOpenedAt: context?.text.contains("flow") == true ? context?.mark.line : nil))
    case .reader(let problem, _, _, _):
      return GovTagError(.yaml, "YAML cannot read the file: \(problem)", at: SourceLocation(file: file))
    default:
      return GovTagError(.yaml, "YAML error: \(error)", at: SourceLocation(file: file))
    }
  }

  /// The hint of a YAML syntax error at `line`:`column` (1-based): a tab at that place, or in
  /// the indentation of that line, is named as such; anything else is an indentation slip of
  /// this line or the one above (libyaml often reports the line after the bad one), unless
  /// libyaml was inside a `[…]` or `{…}` opened at `flowOpenedAt`, which is then left open.
  static func syntaxHint(text: String, line: Int, column: Int, flowOpenedAt: Int? = nil) -> String {
    let lines = text.split(separator: "\n", maxSplits: max(line, 1), omittingEmptySubsequences: false)
    if line >= 1, line <= lines.count {
      let characters = Array(lines[line - 1])
      let indentation = characters.prefix { $0 == " " || $0 == "\t" }
      let atColumn = column >= 1 && column <= characters.count && characters[column - 1] == "\t"
      if atColumn || indentation.contains("\t") { return "a tab: YAML indents with spaces, replace it with spaces" }
    }
    if let flowOpenedAt { return "close the [ or { opened at line \(flowOpenedAt), or check the commas between its items" }
    return "check the indentation of this line and the one above"
  }

}

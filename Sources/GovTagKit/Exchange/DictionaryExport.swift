/// GovTag's lexicons written as another tool's dictionary, with the list of what the format
/// cannot carry, so that nothing is lost without a word.
///
/// Categories are named `dimension.category` (`capability.public_service`), in the taxonomy's
/// order; a term keeps its file order. Every format counts a term wherever it matches, so what
/// GovTag adds on top (weights and thresholds, `near:` contexts, exclusions, the scope rules of
/// `scope.yaml`) is listed in ``limitations`` instead.
package struct DictionaryExport: Sendable {
  /// The format.
  package var format: DictionaryFormat
  /// The lexicons.
  package var lexicons: LexiconSet
  /// Whether the lexicon folder has scope rules (`scope.yaml`), which no format carries.
  package var hasScopeRules: Bool
  /// The lexicon version the headers name: the folder's rules version, as `tag` writes it in
  /// `lexicon_version`, so that a dictionary can be matched to the records it goes with.
  package var version: String
  /// The frequency written for every jieba term: high enough that jieba keeps the term whole.
  package var jiebaFrequency = 100_000

  /// Creates an export.
  ///
  /// - Parameters:
  ///   - format: the dictionary format.
  ///   - lexicons: the loaded lexicons.
  ///   - hasScopeRules: whether scope rules apply to these lexicons.
  ///   - version: the lexicon version to name (``ClassifierModel/rulesVersion``); by default the
  ///     version of the dimension files alone.
  package init(format: DictionaryFormat, lexicons: LexiconSet, hasScopeRules: Bool, version: String? = nil) {
    self.format = format
    self.lexicons = lexicons
    self.hasScopeRules = hasScopeRules
    self.version = version ?? lexicons.version
  }

  /// One category of the export: its name and terms.
  struct Entry {
    var name: String
    var dimension: String
    var category: String
    var terms: [LexiconTerm]
  }

  var entries: [Entry] {
    lexicons.dimensions.flatMap { dimension in
      dimension.categories.map {
        Entry(name: "\(dimension.id).\($0.id)", dimension: dimension.id, category: $0.id, terms: $0.terms)
      }
    }
  }

  /// The file's text.
  package func text() -> String {
    switch format {
    case .liwc: liwc()
    case .quanteda: quanteda()
    case .cntext: cntext()
    case .jieba: jieba()
    }
  }

  // MARK: - Formats

  private func liwc() -> String {
    let entries = entries
    var lines = ["%"]
    for (index, entry) in entries.enumerated() { lines.append("\(index + 1)\t\(entry.name)") }
    lines.append("%")
    // One row per distinct pattern, with every category that lists it.
    var order: [String] = []
    var numbers: [String: [Int]] = [:]
    for (index, entry) in entries.enumerated() {
      for term in entry.terms {
        let pattern = term.matchMode == .substring ? term.text + "*" : term.text
        if numbers[pattern] == nil { order.append(pattern) }
        if !(numbers[pattern] ?? []).contains(index + 1) { numbers[pattern, default: []].append(index + 1) }
      }
    }
    for pattern in order {
      lines.append(([pattern] + (numbers[pattern] ?? []).map(String.init)).joined(separator: "\t"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func quanteda() -> String {
    var lines = [
      "# GovTag lexicon version \(version) as a quanteda dictionary: dictionary(file = \"FILE\", format = \"YAML\").",
      "# A match: substring term is written *term* (glob); every other term matches a whole token.",
    ]
    var dimension: String?
    for entry in entries {
      if entry.dimension != dimension {
        lines.append("\(entry.dimension):")
        dimension = entry.dimension
      }
      if entry.terms.isEmpty {
        lines.append("  \(entry.category): []")
        continue
      }
      lines.append("  \(entry.category):")
      for term in entry.terms {
        lines.append("    - \(Self.quoted(term.matchMode == .substring ? "*\(term.text)*" : term.text))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func cntext() -> String {
    let entries = entries
    let description =
      "GovTag lexicon version \(version): digital-government case categories (docs/TAXONOMY.md), one category per dimension.category"
    var lines = [
      "Name: GovTag",
      "Desc: \(Self.quoted(description))",
      "Refer: \(Self.quoted("govtag lexicon export --format cntext"))",
      "Category:",
    ]
    for entry in entries { lines.append("  - \(Self.quoted(entry.name))") }
    lines.append("Dictionary:")
    for entry in entries {
      if entry.terms.isEmpty {
        lines.append("  \(Self.quoted(entry.name)): []")
        continue
      }
      lines.append("  \(Self.quoted(entry.name)):")
      for term in entry.terms { lines.append("    - \(Self.quoted(term.text))") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func jieba() -> String {
    var seen: Set<String> = []
    var lines: [String] = []
    for entry in entries {
      for term in entry.terms where !term.text.contains(where: \.isWhitespace) && seen.insert(term.text).inserted {
        lines.append("\(term.text) \(jiebaFrequency) nz")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Whether jieba's default mode can keep `term` whole: it first cuts text into runs of its word
  /// characters (`re_han_default`: U+4E00–U+9FD5, ASCII letters and digits, `+#&._%-`) and looks
  /// words up only inside a run, so a term with any other character (`村(社区)`, `星火·链网`) is cut.
  package static func jiebaKeepsWhole(_ term: String) -> Bool {
    term.unicodeScalars.allSatisfy { scalar in
      (0x4E00...0x9FD5).contains(scalar.value)
        || (scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+#&._%-".unicodeScalars.contains(scalar)))
    }
  }

  /// `1 term`, `2 terms`.
  static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      default: out.append(character)
      }
    }
    return out + "\""
  }

  // MARK: - What is lost

  /// What this format cannot carry, one sentence each (empty when nothing is lost).
  package var limitations: [String] {
    let terms = entries.flatMap(\.terms)
    let weighted = terms.filter { $0.weight != 1 }.count
    let near = terms.filter { $0.near != nil }.count
    let substring = terms.filter { $0.matchMode == .substring }.count
    let exclusions = lexicons.dimensions.reduce(0) { $0 + $1.categories.reduce(0) { $0 + $1.exclusions.count } }
    let implied = lexicons.dimensions.reduce(0) { $0 + $1.categories.filter { $0.impliedBy != nil }.count }
    let spaced = terms.filter { $0.text.contains(where: \.isWhitespace) }.count
    var lines: [String] = []
    switch format {
    case .jieba:
      lines.append("categories: the \(entries.count) categories are not in the file (every term is tagged nz)")
      if spaced > 0 { lines.append("terms with spaces: \(Self.count(spaced, "term")) left out (a jieba line is term freq tag)") }
      let cut = terms.filter { !$0.text.contains(where: \.isWhitespace) && !Self.jiebaKeepsWhole($0.text) }.map(\.text)
      var unique: [String] = []
      for term in cut where !unique.contains(term) { unique.append(term) }
      if !unique.isEmpty {
        lines.append(
          "terms jieba always cuts: \(Self.count(unique.count, "term")) with a character outside jieba's word characters (CJK, letters, digits, +#&._%-), where jieba cuts whatever its dictionary says: \(unique.joined(separator: ", "))"
        )
      }
      return lines
    case .liwc, .quanteda, .cntext:
      break
    }
    if weighted > 0 {
      lines.append(
        "weights and thresholds: \(weighted) of \(Self.count(terms.count, "term")) weigh other than 1, and every hit counts 1 here"
      )
    }
    if near > 0 {
      lines.append("near/context rules: \(Self.count(near, "term")) count only near a context word in GovTag, here anywhere")
    }
    if exclusions > 0 {
      lines.append("exclusions: \(Self.count(exclusions, "phrase")) inside which a category's terms do not count")
    }
    if hasScopeRules {
      lines.append(
        "scope rules of scope.yaml (negation, plans, cited titles, aims, background, lists, frames): every hit counts here")
    }
    if implied > 0 {
      lines.append(
        "implied categories: \(Self.count(implied, "category", "categories")) also assigned from another dimension's labels (implied_by)"
      )
    }
    switch format {
    case .liwc where substring > 0:
      lines.append(
        "match: substring: \(Self.count(substring, "term")) written term*, which LIWC matches only at the start of a word")
    case .quanteda:
      lines.append(
        "terms longer than a token: quanteda matches a term against one token; a term its tokenizer splits (一网通办 → 一网|通办) needs phrase() or tokens_compound()"
      )
    case .cntext where substring > 0:
      lines.append(
        "match: substring: \(Self.count(substring, "term")) written as plain words, which cntext matches only as whole jieba tokens"
      )
    default: break
    }
    return lines
  }
}

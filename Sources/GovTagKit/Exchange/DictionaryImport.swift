/// A LIWC or quanteda dictionary read as one GovTag dimension: its categories matched to the
/// dimension's taxonomy ids, its terms with a default weight, and a lexicon file for them.
///
/// A dictionary category matches a taxonomy category by its id (`public_service`), by
/// `dimension.id` (as `govtag lexicon export` names it) or by its Chinese name (公共服务);
/// categories named `other_dimension.id` belong to another dimension and are left out (counted in
/// ``notes``). A wildcard (`term*` in LIWC, `*term*` or `term*` in quanteda) becomes
/// `match: substring`. A term listed under two categories is kept under the first, since a term
/// appears once per lexicon file.
package struct DictionaryImport: Sendable {
  /// The dimension's categories in the taxonomy's order, each with its terms in file order.
  package var categories: [(id: String, terms: [(text: String, substring: Bool)])] = []
  /// What was changed or left out, one sentence each.
  package var notes: [String] = []

  /// One category as the file names it, with its raw patterns.
  typealias RawCategory = (name: String, patterns: [String], line: Int)

  /// Reads a dictionary file's text.
  ///
  /// - Parameters:
  ///   - text: the file's text.
  ///   - format: ``DictionaryFormat/liwc`` or ``DictionaryFormat/quanteda``.
  ///   - file: its name, for messages.
  ///   - dimension: the taxonomy dimension its categories belong to.
  ///   - taxonomy: the dimensions, for categories named after another one.
  ///   - names: how hints name the caller's settings (``SettingNames/Setting/dimension``); the
  ///     default words them for a program.
  /// - Returns: the import.
  /// - Throws: `GovTagError` with code `.input` naming the file and line of a category that is no
  ///   category of the dimension, a malformed row, or a wildcard inside a term.
  package static func read(
    _ text: String, format: DictionaryFormat, file: String, dimension: Taxonomy.Dimension, taxonomy: Taxonomy = .standard,
    names: SettingNames = SettingNames()
  ) throws -> DictionaryImport {
    let raw: [RawCategory]
    switch format {
    case .liwc: raw = try liwc(text, file: file)
    case .quanteda: raw = try quanteda(text, file: file, dimension: dimension.id)
    case .cntext, .jieba:
      throw GovTagError(.usage, "govtag lexicon import reads liwc and quanteda dictionaries, not \(format.rawValue)")
    }
    var result = DictionaryImport()
    var byID: [String: [(text: String, substring: Bool)]] = [:]
    var owner: [String: String] = [:]
    var otherDimensions = 0
    var duplicates: [String] = []
    for category in raw {
      let name = category.name
      let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
      if parts.count == 2, parts[0] != dimension.id, taxonomy.dimension(parts[0]) != nil {
        otherDimensions += 1
        continue
      }
      let bare = parts.count == 2 && parts[0] == dimension.id ? parts[1] : name
      guard let match = dimension.categories.first(where: { $0.id == bare || $0.name == bare }) else {
        throw GovTagError(
          .input, "category \"\(name)\" is no category of \(dimension.id)", at: SourceLocation(file: file, line: category.line),
          hint:
            "rename it to one of \(dimension.categories.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")), or "
            + (names[.dimension].map { "choose another \($0)" } ?? "import it into another dimension")
        )
      }
      for pattern in category.patterns {
        var term = pattern
        var substring = false
        if term.hasSuffix("*") || term.hasPrefix("*") {
          substring = true
          while term.hasPrefix("*") { term.removeFirst() }
          while term.hasSuffix("*") { term.removeLast() }
        }
        guard !term.isEmpty, !term.contains("*"), !term.contains("?") else {
          throw GovTagError(
            .input, "\"\(pattern)\" in category \(name) has a wildcard GovTag cannot express",
            at: SourceLocation(file: file, line: category.line),
            hint: "GovTag reads term* and *term* (match: substring); write the term out")
        }
        if let first = owner[term] {
          if first != match.id || byID[match.id]?.contains(where: { $0.text == term }) == true {
            duplicates.append("\(term) (\(first), \(match.id))")
          }
          continue
        }
        owner[term] = match.id
        byID[match.id, default: []].append((term, substring))
      }
    }
    for category in dimension.categories {
      guard let terms = byID[category.id] else { continue }
      result.categories.append((category.id, terms))
    }
    if otherDimensions > 0 {
      result.notes.append("\(DictionaryExport.count(otherDimensions, "category", "categories")) of other dimensions left out")
    }
    if !duplicates.isEmpty {
      result.notes.append(
        "\(DictionaryExport.count(duplicates.count, "term")) listed twice, kept once under the first category: \(duplicates.joined(separator: ", "))"
      )
    }
    return result
  }

  /// The lexicon file of the dimension.
  ///
  /// - Parameters:
  ///   - dimension: the taxonomy dimension.
  ///   - weight: every term's weight.
  ///   - source: where the terms came from, for the header comment.
  /// - Returns: YAML that `govtag lexicon check` accepts.
  package func yaml(dimension: Taxonomy.Dimension, weight: Double, source: String) -> String {
    let weightText = weight == weight.rounded() ? String(Int(weight)) : String(weight)
    var lines = [
      "# Dimension \(dimension.id) (\(dimension.name)), imported from \(source) by govtag lexicon import.",
      "# Every term weighs \(weightText) (the threshold is 3): review the weights, then run govtag lexicon check.",
      "dimension: \(dimension.id)",
      "name: \(dimension.name)",
      "threshold: 3",
      "categories:",
    ]
    for category in categories {
      let name = dimension.categories.first { $0.id == category.id }?.name ?? category.id
      lines.append("  \(category.id):")
      lines.append("    name: \(name)")
      lines.append("    terms:")
      for term in category.terms {
        let key = DictionaryExport.quoted(term.text)
        lines.append(term.substring ? "      \(key): {weight: \(weightText), match: substring}" : "      \(key): \(weightText)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Readers

  /// LIWC: `%`, `number<TAB>name` rows, `%`, then `term<TAB>number…` rows (tabs, or spaces when a
  /// row has no tab).
  static func liwc(_ text: String, file: String) throws -> [RawCategory] {
    var names: [(number: String, name: String, line: Int)] = []
    var patterns: [String: [String]] = [:]
    var section = 0
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = String(rawLine)
      if line.hasSuffix("\r") { line.removeLast() }
      if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
      let trimmed = line.trimmingSpaces
      if trimmed.isEmpty { continue }
      if trimmed == "%" {
        section += 1
        continue
      }
      let fields = (line.contains("\t") ? line.split(separator: "\t") : line.split(separator: " ")).map {
        String($0).trimmingSpaces
      }
      .filter { !$0.isEmpty }
      switch section {
      case 1:
        guard fields.count >= 2 else {
          throw GovTagError(
            .input, "a category row needs a number and a name, found \"\(trimmed)\"",
            at: SourceLocation(file: file, line: index + 1),
            hint: "write 1<TAB>name between the two % lines")
        }
        names.append((fields[0], fields[1], index + 1))
      case 2:
        guard fields.count >= 2 else {
          throw GovTagError(
            .input, "a term row needs a term and at least one category number, found \"\(trimmed)\"",
            at: SourceLocation(file: file, line: index + 1), hint: "write term<TAB>1")
        }
        for number in fields.dropFirst() {
          guard names.contains(where: { $0.number == number }) else {
            throw GovTagError(
              .input, "term \"\(fields[0])\" names category \(number), which the header does not define",
              at: SourceLocation(file: file, line: index + 1), hint: "add it between the % lines, or remove the number")
          }
          patterns[number, default: []].append(fields[0])
        }
      default:
        throw GovTagError(
          .input, "a LIWC dictionary starts with a % line", at: SourceLocation(file: file, line: index + 1),
          hint: "give a .dic file: %, the numbered categories, %, then the terms")
      }
    }
    return names.map { ($0.name, patterns[$0.number] ?? [], $0.line) }
  }

  /// quanteda's YAML: `category: [terms]`, or nested under the dimension's key
  /// (`capability: {public_service: [terms]}`), or under keys of several dimensions.
  static func quanteda(_ text: String, file: String, dimension: String) throws -> [RawCategory] {
    let root: YAMLDictionaryNode
    do {
      root = try YAMLDictionaryNode.parse(text)
    } catch {
      throw GovTagError(
        .yaml, "not a YAML dictionary: \(error)", at: SourceLocation(file: file), hint: "give quanteda's YAML dictionary")
    }
    guard case .mapping(let top) = root else {
      throw GovTagError(.input, "a quanteda dictionary is a mapping of keys to term lists", at: SourceLocation(file: file))
    }
    var categories: [RawCategory] = []
    for (key, line, value) in top {
      switch value {
      case .list(let terms):
        categories.append((key, terms, line))
      case .mapping(let inner):
        for (innerKey, innerLine, innerValue) in inner {
          guard case .list(let terms) = innerValue else {
            throw GovTagError(
              .input, "\(key).\(innerKey) nests deeper than dimension.category", at: SourceLocation(file: file, line: innerLine),
              hint: "GovTag categories hold terms; flatten the deeper keys")
          }
          categories.append(("\(key).\(innerKey)", terms, innerLine))
        }
      }
    }
    return categories
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}

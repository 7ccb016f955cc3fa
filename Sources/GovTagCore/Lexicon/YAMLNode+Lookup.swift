internal import Yams

extension Node.Mapping {
  /// The value of the plain-string key `key`, found by comparing the keys' text.
  ///
  /// Used instead of Yams' subscript, which resolves the key's YAML tag with regular expressions
  /// on every lookup: that alone made start-up several times slower, which matters when a
  /// streaming engine starts one process per partition.
  func value(forKey key: String) -> Node? {
    for (candidate, value) in self where candidate.scalar?.string == key { return value }
    return nil
  }

  /// The keys of this mapping that would lose rules: each key that repeats an earlier one (YAML
  /// keeps both in the node tree, but every lookup sees only the first, so a second `terms:`
  /// silently drops its terms) and, when `allowed` is given, each key not in it.
  ///
  /// - Parameters:
  ///   - allowed: the keys this mapping may have, or `nil` for any key (a mapping of terms).
  ///   - context: where the mapping is, for messages: `in category public_service`.
  ///   - file: the file's path, for locations.
  /// - Returns: one error per problem key, in file order.
  func keyProblems(allowed: [String]?, context: String, file: String) -> [GovTagError] {
    var problems: [GovTagError] = []
    var first: [String: Int] = [:]
    for key in keys {
      let name = key.scalar?.string ?? "?"
      let location = SourceLocation(file: file, line: key.mark?.line, column: key.mark?.column)
      if let allowed, !allowed.contains(name) {
        problems.append(
          GovTagError(
            .lexicon, "unknown key \"\(name)\" \(context)", at: location, hint: "expected \(allowed.joined(separator: ", "))"))
        continue
      }
      if let line = first[name] {
        problems.append(
          GovTagError(
            .lexicon,
            "duplicate key \"\(name)\" \(context) (first at line \(line)): only the first is read, so the rules under this one would be lost",
            at: location, hint: "merge the two into one \"\(name):\""))
        continue
      }
      first[name] = key.mark?.line ?? 0
    }
    return problems
  }
}

extension Node {
  /// The items of a sequence, or a problem when the node is a scalar or mapping where a list is
  /// expected (`negation: 尚未` instead of `negation: [尚未]`, which would otherwise be read as
  /// no items at all). An empty value (`key:` alone) is an empty list.
  ///
  /// - Parameters:
  ///   - what: the list's name for messages: `"negation"`, `"aliases of 广东"`.
  ///   - example: how to write it, for the hint: `negation: [尚未, 未能]`.
  ///   - file: the file's path, for the location.
  /// - Returns: the items, or the error.
  func listItems(_ what: String, example: String, file: String) -> Result<[Node], GovTagError> {
    if let sequence { return .success(Array(sequence)) }
    if let scalar, scalar.string.isEmpty { return .success([]) }
    let found = scalar.map { "the single value \"\($0.string)\"" } ?? "a mapping"
    return .failure(
      GovTagError(
        .lexicon, "\(what) must be a list, found \(found)",
        at: SourceLocation(file: file, line: mark?.line, column: mark?.column), hint: "write it as a list, e.g. \(example)"))
  }
}

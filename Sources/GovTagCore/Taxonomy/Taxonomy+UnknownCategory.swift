extension Taxonomy.Dimension {
  /// The category a text that is not one of the dimension's ids probably stands for: the id
  /// written in another case or with spaces (`Public_Service`, `public_service `, `public service`),
  /// with its dimension in front (`capability.public_service`), the category's Chinese name
  /// (公共服务), or a typo of at most two letters (`public_servce`).
  ///
  /// For error messages only: the label readers never accept the guess.
  ///
  /// - Parameter text: the id as written.
  /// - Returns: the category, or `nil` when nothing is close enough.
  package func likelyCategory(for text: String) -> Taxonomy.Category? {
    var key = text.trimmingSpaces.lowercased()
    if let dot = key.lastIndex(of: ".") { key = String(key[key.index(after: dot)...]) }
    key = String(key.map { $0 == " " || $0 == "-" ? "_" : $0 })
    if let exact = categories.first(where: { $0.id == key || $0.name == text.trimmingSpaces }) { return exact }
    let typo = categories.map { (category: $0, distance: Self.editDistance(key, $0.id)) }.min { $0.distance < $1.distance }
    guard let typo, typo.distance <= 2, key.count > 3 else { return nil }
    return typo.category
  }

  /// The reason and hint of an error for a label `text` that is not a category id of the
  /// dimension, worded the same wherever labels are read (audit, eval, stats, report, diff).
  ///
  ///     unknown category "公共服务" in "manual"."capability"
  ///     hint: did you mean public_service (公共服务)? write the category's id
  ///
  /// - Parameters:
  ///   - text: the label as written.
  ///   - field: where it was found, as the message shows it: `"manual"`.
  /// - Returns: what is wrong, and what to do.
  package func unknownCategory(_ text: String, in field: String) -> (reason: String, hint: String) {
    let reason = "unknown category \"\(text)\" in \(field).\"\(id)\""
    guard let likely = likelyCategory(for: text) else {
      return (reason, "use one of \(categories.map(\.id).joined(separator: ", "))")
    }
    return (reason, "did you mean \(likely.id) (\(likely.name))? write the category's id, exactly as docs/TAXONOMY.md does")
  }

  /// The Levenshtein distance between two short ids, by Unicode scalar.
  private static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}

extension String {
  /// The text without leading and trailing white space.
  fileprivate var trimmingSpaces: String {
    var scalars = Substring(self).unicodeScalars
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

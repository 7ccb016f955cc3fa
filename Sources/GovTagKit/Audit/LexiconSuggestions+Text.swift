extension LexiconSuggestions {
  /// The longest example shown in the text report, in characters; the JSON has it whole.
  static let exampleWidth = 40

  /// The suggestions as plain text: per category a table of candidates with their z-score,
  /// counts in and out, and an example sentence (shortened).
  ///
  /// - Returns: the report, ending with a newline.
  package func renderText() -> String {
    var lines: [String] = []
    lines.append(
      "govtag lexicon suggest: \(NumberText.count(records, "record")) from \(inputs.joined(separator: ", ")), labels in \"\(field)\", n-grams in at least \(NumberText.count(minCount, "record")) of a category, lexicons \(lexiconVersion)"
    )
    for item in categories {
      lines.append("")
      lines.append(
        "\(item.category.qualifiedID) \(item.category.name): \(NumberText.count(item.recordsIn, "record")) labelled, \(item.recordsOut) others"
      )
      guard !item.candidates.isEmpty else {
        lines.append("  (no candidates)")
        continue
      }
      var table = TextTable([
        ("rank", .right), ("n-gram", .left), ("z", .right), ("in", .right), ("out", .right), ("example", .left),
      ])
      for (index, candidate) in item.candidates.enumerated() {
        table.add([
          String(index + 1), candidate.ngram, NumberText.figure(candidate.statistic.z), String(candidate.countIn),
          String(candidate.countOut), Self.shorten(candidate.example),
        ])
      }
      lines += table.render()
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` cut to ``exampleWidth`` characters, with an ellipsis when cut.
  static func shorten(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > exampleWidth else { return text }
    return String(String.UnicodeScalarView(scalars.prefix(exampleWidth))) + "…"
  }
}

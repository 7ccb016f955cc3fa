// MARK: - Markdown

extension StatsTable {
  /// The tables as Markdown, for people: one table per section, each category as
  /// `中文名 id`, each cell `count (share%)`, then one Δ column per pair of consecutive years.
  ///
  /// - Returns: the text, ending with a newline.
  package func markdown() -> String {
    var lines: [String] = []
    lines.append("# GovTag statistics: \(totalCases) case\(totalCases == 1 ? "" : "s"), labels from \(source)")
    lines.append("")
    let years = columns.dropLast().map { "\($0.key): \($0.cases)" }
    lines.append("Cases per year: " + (years.isEmpty ? "none" : years.joined(separator: ", ")) + ".")
    lines.append("")
    lines.append("Note: \(Self.multiLabelNote) \(Self.changeNote)")
    let header = ["category"] + columns.map { "\($0.key) (n=\($0.cases))" } + changes.map { "Δ \($0.label)" }
    let alignment = ["---"] + Array(repeating: "--:", count: columns.count + changes.count)
    for section in sections {
      lines.append("")
      lines.append("## \(section.name) (\(section.id))")
      if let note = section.note {
        lines.append("")
        lines.append(note)
      }
      lines.append("")
      var header = header
      if section.annotated != nil {
        for index in columns.indices { header[index + 1] = "\(columns[index].key) (n=\(section.base(index, in: columns)))" }
      }
      lines.append(MarkdownTable.row(header))
      lines.append(MarkdownTable.row(alignment))
      for row in section.rows {
        let cells = zip(row.counts, row.shares).map { "\($0) (\(NumberText.percent($1)))" }
        lines.append(MarkdownTable.row(["\(row.name) \(row.id)"] + cells + row.changes.map { NumberText.change($0) }))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension ProvinceTable {
  /// The province table as Markdown.
  ///
  /// - Returns: the text, ending with a newline.
  package func markdown() -> String {
    var lines: [String] = []
    lines.append("# GovTag statistics by province: \(cases) case\(cases == 1 ? "" : "s"), labels from \(source)")
    lines.append("")
    lines.append("Top capability: the capability most of the province's cases carry (ties: the taxonomy's order).")
    lines.append("")
    lines.append(MarkdownTable.row(["province", "region", "cases", "share", "top capability"]))
    lines.append(MarkdownTable.row(["---", "---", "--:", "--:", "---"]))
    for row in rows {
      let region = row.region.map { "\($0.name) \($0.rawValue)" } ?? "–"
      let top = row.topCapability.map { "\($0.name) \($0.id) (\($0.count))" } ?? "–"
      lines.append(
        MarkdownTable.row([row.province, region, String(row.cases), NumberText.percent(row.share), top]))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

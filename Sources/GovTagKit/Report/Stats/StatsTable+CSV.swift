// MARK: - CSV

extension StatsTable {
  /// The CSV header.
  public static let csvHeader = "section,category,name,group,cases,count,share_percent,change_pp"

  /// The tables as CSV in long form, one line per section, category and column, for pivot
  /// tables: `section,category,name,group,cases,count,share_percent,change_pp`.
  ///
  /// `share_percent` has two decimals; `change_pp` is the change from the previous year present
  /// (empty for the first year, ``CaseStatistics/unknown`` and ``CaseStatistics/all``).
  ///
  /// - Returns: the text (RFC 4180 quoting, `\n` line ends), ending with a newline.
  public func csv() -> String {
    var lines = [Self.csvHeader]
    let changeInto = Dictionary(uniqueKeysWithValues: changes.enumerated().map { ($1.to, $0) })
    for section in sections {
      for row in section.rows {
        for (index, column) in columns.enumerated() {
          let share = row.shares[index].map { StatsNumber.fixed($0 * 100, digits: 2) } ?? ""
          let change = changeInto[column.key].flatMap { row.changes[$0] }.map { StatsNumber.fixed($0, digits: 2) } ?? ""
          lines.append(
            [section.id, row.id, row.name, column.key, String(column.cases), String(row.counts[index]), share, change]
              .map(Self.csvField).joined(separator: ","))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a comma, a quote or a line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }
}

extension ProvinceTable {
  /// The province table as CSV: `province,region,cases,share_percent,top_capability,top_capability_name,top_capability_cases`.
  ///
  /// - Returns: the text, ending with a newline.
  public func csv() -> String {
    var lines = ["province,region,cases,share_percent,top_capability,top_capability_name,top_capability_cases"]
    for row in rows {
      lines.append(
        [
          row.province, row.region?.rawValue ?? "", String(row.cases), StatsNumber.fixed(row.share * 100, digits: 2),
          row.topCapability?.id ?? "", row.topCapability?.name ?? "", row.topCapability.map { String($0.count) } ?? "",
        ].map(StatsTable.csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

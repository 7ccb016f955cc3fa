// MARK: - CSV

extension StatsTable {
  /// The CSV header.
  package static let csvHeader = "section,category,name,group,cases,count,share_percent,change_pp"

  /// The tables as CSV in long form, one line per section, category and column, for pivot
  /// tables: `section,category,name,group,cases,count,share_percent,change_pp`.
  ///
  /// `cases` is what the share is of: the column's cases, or those of them whose labels annotate
  /// the section's dimension when some do not. `share_percent` has two decimals; `change_pp` is the change from the previous year present
  /// (empty for the first year, ``CaseStatistics/unknown`` and ``CaseStatistics/all``).
  ///
  /// - Returns: UTF-8 bytes as ``CSVWriter`` writes them: a byte order mark, RFC 4180 quoting,
  ///   CRLF line ends, text cells that could start a formula neutralised; figures stay numbers.
  package func csv() -> [UInt8] {
    var csv = CSVWriter()
    csv.writeRow(Self.csvHeader.split(separator: ",").map { CSVWriter.Field.text(String($0)) })
    let changeInto = Dictionary(uniqueKeysWithValues: changes.enumerated().map { ($1.to, $0) })
    for section in sections {
      for row in section.rows {
        for (index, column) in columns.enumerated() {
          let share = row.shares[index].map { NumberText.fixed($0 * 100, digits: 2) } ?? ""
          let change = changeInto[column.key].flatMap { row.changes[$0] }.map { NumberText.fixed($0, digits: 2) } ?? ""
          csv.writeRow([
            .text(section.id), .text(row.id), .text(row.name), .text(column.key),
            .number(String(section.base(index, in: columns))),
            .number(String(row.counts[index])), .number(share), .number(change),
          ])
        }
      }
    }
    return csv.bytes
  }
}

extension ProvinceTable {
  /// The CSV header.
  package static let csvHeader = "province,region,cases,share_percent,top_capability,top_capability_name,top_capability_cases"

  /// The province table as CSV: `province,region,cases,share_percent,top_capability,top_capability_name,top_capability_cases`.
  ///
  /// - Returns: UTF-8 bytes as ``CSVWriter`` writes them (byte order mark, CRLF, neutralised text).
  package func csv() -> [UInt8] {
    var csv = CSVWriter()
    csv.writeRow(Self.csvHeader.split(separator: ",").map { CSVWriter.Field.text(String($0)) })
    for row in rows {
      csv.writeRow([
        .text(row.province), .text(row.region?.rawValue ?? ""), .number(String(row.cases)),
        .number(NumberText.fixed(row.share * 100, digits: 2)), .text(row.topCapability?.id ?? ""),
        .text(row.topCapability?.name ?? ""), .number(row.topCapability.map { String($0.count) } ?? ""),
      ])
    }
    return csv.bytes
  }
}

// MARK: - JSON

extension StatsTable {
  /// The tables as one JSON object, for programs.
  ///
  ///     {"source": "labels", "cases": 8, "note": "…",
  ///      "groups": [{"key": "2022", "cases": 3}, …, {"key": "all", "cases": 8}],
  ///      "changes": [{"from": "2022", "to": "2023"}],
  ///      "sections": [{"id": "capability", "name": "履职能力", "rows": [
  ///        {"id": "public_service", "name": "公共服务", "counts": {"2022": 1, …},
  ///         "share_percent": {"2022": 33.33, …}, "change_pp": {"2022→2023": 16.67}}]}]}
  ///
  /// Percentages and changes have two decimals; an empty column's share is `null`.
  ///
  /// - Returns: the JSON bytes and a newline.
  public func json() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("source")
    json.string(source.fieldName)
    json.key("cases")
    json.integer(totalCases)
    json.key("note")
    json.string("\(Self.multiLabelNote) \(Self.changeNote)")
    json.key("groups")
    json.beginArray()
    for column in columns {
      json.beginObject()
      json.key("key")
      json.string(column.key)
      json.key("cases")
      json.integer(column.cases)
      json.endObject()
    }
    json.endArray()
    json.key("changes")
    json.beginArray()
    for change in changes {
      json.beginObject()
      json.key("from")
      json.string(change.from)
      json.key("to")
      json.string(change.to)
      json.endObject()
    }
    json.endArray()
    json.key("sections")
    json.beginArray()
    for section in sections {
      json.beginObject()
      json.key("id")
      json.string(section.id)
      json.key("name")
      json.string(section.name)
      if let note = section.note {
        json.key("note")
        json.string(note)
      }
      json.key("rows")
      json.beginArray()
      for row in section.rows { write(row, to: &json) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.newline()
    return json.bytes
  }

  private func write(_ row: Row, to json: inout JSONWriter) {
    json.beginObject()
    json.key("id")
    json.string(row.id)
    json.key("name")
    json.string(row.name)
    json.key("counts")
    json.beginObject()
    for (column, count) in zip(columns, row.counts) {
      json.key(column.key)
      json.integer(count)
    }
    json.endObject()
    json.key("share_percent")
    json.beginObject()
    for (column, share) in zip(columns, row.shares) {
      json.key(column.key)
      if let share { json.number(StatsNumber.rounded(share * 100, digits: 2)) } else { json.null() }
    }
    json.endObject()
    json.key("change_pp")
    json.beginObject()
    for (change, points) in zip(changes, row.changes) {
      json.key(change.label)
      if let points { json.number(StatsNumber.rounded(points, digits: 2)) } else { json.null() }
    }
    json.endObject()
    json.endObject()
  }
}

extension ProvinceTable {
  /// The province table as JSON:
  /// `{"source", "cases", "provinces": [{"province", "region", "cases", "share_percent", "top_capability": {"id", "name", "cases"}|null}]}`.
  ///
  /// - Returns: the JSON bytes and a newline.
  public func json() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("source")
    json.string(source.fieldName)
    json.key("cases")
    json.integer(cases)
    json.key("provinces")
    json.beginArray()
    for row in rows {
      json.beginObject()
      json.key("province")
      json.string(row.province)
      json.key("region")
      if let region = row.region { json.string(region.rawValue) } else { json.null() }
      json.key("cases")
      json.integer(row.cases)
      json.key("share_percent")
      json.number(StatsNumber.rounded(row.share * 100, digits: 2))
      json.key("top_capability")
      if let top = row.topCapability {
        json.beginObject()
        json.key("id")
        json.string(top.id)
        json.key("name")
        json.string(top.name)
        json.key("cases")
        json.integer(top.count)
        json.endObject()
      } else {
        json.null()
      }
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.newline()
    return json.bytes
  }
}

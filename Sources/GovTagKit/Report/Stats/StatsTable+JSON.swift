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
  /// Percentages and changes have two decimals; an empty column's share is `null`. A section of
  /// a dimension that some cases' labels do not annotate has `"annotated": {"2022": 2, …}`, the
  /// cases its shares are of.
  ///
  /// - Returns: the JSON bytes and a newline.
  package func json() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("source", string: source.fieldName)
    json.field("cases", integer: totalCases)
    json.field("note", string: "\(Self.multiLabelNote) \(Self.changeNote)")
    json.key("groups")
    json.beginArray()
    for column in columns {
      json.beginObject()
      json.field("key", string: column.key)
      json.field("cases", integer: column.cases)
      json.endObject()
    }
    json.endArray()
    json.key("changes")
    json.beginArray()
    for change in changes {
      json.beginObject()
      json.field("from", string: change.from)
      json.field("to", string: change.to)
      json.endObject()
    }
    json.endArray()
    json.key("sections")
    json.beginArray()
    for section in sections {
      json.beginObject()
      json.field("id", string: section.id)
      json.field("name", string: section.name)
      if let note = section.note {
        json.field("note", string: note)
      }
      if let annotated = section.annotated {
        json.key("annotated")
        json.beginObject()
        for (column, count) in zip(columns, annotated) { json.field(column.key, integer: count) }
        json.endObject()
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
    json.field("id", string: row.id)
    json.field("name", string: row.name)
    json.key("counts")
    json.beginObject()
    for (column, count) in zip(columns, row.counts) {
      json.field(column.key, integer: count)
    }
    json.endObject()
    json.key("share_percent")
    json.beginObject()
    for (column, share) in zip(columns, row.shares) {
      json.key(column.key)
      if let share { json.number(NumberText.rounded(share * 100, digits: 2)) } else { json.null() }
    }
    json.endObject()
    json.key("change_pp")
    json.beginObject()
    for (change, points) in zip(changes, row.changes) {
      json.key(change.label)
      if let points { json.number(NumberText.rounded(points, digits: 2)) } else { json.null() }
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
  package func json() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("source", string: source.fieldName)
    json.field("cases", integer: cases)
    json.key("provinces")
    json.beginArray()
    for row in rows {
      json.beginObject()
      json.field("province", string: row.province)
      json.key("region")
      if let region = row.region { json.string(region.rawValue) } else { json.null() }
      json.field("cases", integer: row.cases)
      json.field("share_percent", number: NumberText.rounded(row.share * 100, digits: 2))
      json.key("top_capability")
      if let top = row.topCapability {
        json.beginObject()
        json.field("id", string: top.id)
        json.field("name", string: top.name)
        json.field("cases", integer: top.count)
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

// MARK: - Markdown

extension LabelDiff {
  /// The differences as Markdown tables, for people.
  ///
  /// Sections: the two files (records, skipped lines, lexicon versions), a summary of the counts,
  /// notes (mixed or equal lexicon versions, places or inputs that could not be compared), then
  /// only the sections that have something in them: labels (one row per category that some
  /// record gained or lost, in the taxonomy's order), location (one row per change of place,
  /// most frequent first), input changed, only in old, only in new, duplicate ids.
  ///
  /// - Parameter ids: how many ids a cell or list shows before `… and N more`.
  /// - Returns: the text, ending with a newline.
  package func markdown(ids: Int = 10) -> String {
    let row = MarkdownTable.row
    var lines: [String] = []
    lines.append("# Label diff: \(old.path) → \(new.path)")
    lines.append("")
    lines.append(row(["run", "file", "records", "skipped", "lexicon version"]))
    lines.append(row(["---", "---", "--:", "--:", "---"]))
    for (side, file) in [("old", old), ("new", new)] {
      lines.append(row([side, file.path, String(file.records), String(file.skipped), Self.versionCell(file)]))
    }

    lines.append("")
    lines.append("## Summary")
    lines.append("")
    lines.append(row(["records", "count"]))
    lines.append(row(["---", "--:"]))
    lines.append(row(["in both files, compared", String(compared)]))
    lines.append(row(["changed", String(changed)]))
    lines.append(row(["· labels changed", String(labelsChanged)]))
    lines.append(row(["· location changed", String(locationChanged.count)]))
    lines.append(row(["unchanged", String(unchanged)]))
    lines.append(row(["input changed (text_hash differs: not compared)", String(inputChanged.count)]))
    lines.append(row(["only in old", String(onlyInOld.count)]))
    lines.append(row(["only in new", String(onlyInNew.count)]))

    let notes = self.notes
    if !notes.isEmpty {
      lines.append("")
      lines.append(contentsOf: notes.map { "- " + $0 })
    }

    lines.append("")
    lines.append("## Labels")
    lines.append("")
    if categories.isEmpty {
      lines.append("No record gained or lost a category.")
    } else {
      lines.append(row(["category", "added", "removed", "records that gained it", "records that lost it"]))
      lines.append(row(["---", "--:", "--:", "---", "---"]))
      for change in categories {
        lines.append(
          row([
            "\(change.name) \(change.dimension).\(change.category)", String(change.added.count), String(change.removed.count),
            Self.list(change.added, limit: ids), Self.list(change.removed, limit: ids),
          ]))
      }
    }

    if !locationChanged.isEmpty {
      lines.append("")
      lines.append("## Location")
      lines.append("")
      lines.append(row(["old", "new", "records", "ids"]))
      lines.append(row(["---", "---", "--:", "---"]))
      for move in moves {
        lines.append(row([move.old.description, move.new.description, String(move.ids.count), Self.list(move.ids, limit: ids)]))
      }
    }

    for (title, list) in [
      ("Input changed (text_hash differs: not compared)", inputChanged), ("Only in old: \(old.path)", onlyInOld),
      ("Only in new: \(new.path)", onlyInNew),
    ] where !list.isEmpty {
      lines.append("")
      lines.append("## \(title)")
      lines.append("")
      lines.append("\(Self.count(list.count, "record")): \(Self.list(list, limit: ids))")
    }

    let duplicates = old.duplicates + new.duplicates
    if !duplicates.isEmpty {
      lines.append("")
      lines.append("## Duplicate ids (only the first record with an id is compared)")
      lines.append("")
      for duplicate in duplicates.prefix(max(ids, 0)) {
        lines.append("- \(duplicate.location): \"\(duplicate.id)\" (first at line \(duplicate.firstLine))")
      }
      if duplicates.count > max(ids, 0) { lines.append("- … and \(duplicates.count - max(ids, 0)) more") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Sentences about what limits the comparison, for the Markdown summary.
  var notes: [String] {
    var notes: [String] = []
    for file in [old, new] where file.mixesLexiconVersions {
      let versions = file.lexiconVersions.map {
        "\($0.version ?? "none") (\(Self.count($0.records, "record")), from line \($0.firstLine))"
      }
      notes.append(
        "\(file.path) mixes \(file.lexiconVersions.count) lexicon versions: \(versions.joined(separator: ", ")); "
          + "its records were not all labelled with the same lexicons.")
    }
    if old.lexiconVersions.count == 1, new.lexiconVersions.count == 1, let version = old.lexiconVersions[0].version,
      new.lexiconVersions[0].version == version
    {
      notes.append("Both files carry lexicon version \(version): these differences do not come from the lexicons.")
    }
    if locationNotCompared > 0 {
      notes.append(
        "\(Self.count(locationNotCompared, "compared record")) \(locationNotCompared == 1 ? "has" : "have") no location in one of "
          + "the files (written before GovTag resolved places): \(locationNotCompared == 1 ? "its place was" : "their places were") not compared."
      )
    }
    if inputUnchecked > 0 {
      notes.append(
        "\(Self.count(inputUnchecked, "compared record")) \(inputUnchecked == 1 ? "has" : "have") no text_hash in one of the "
          + "files: \(inputUnchecked == 1 ? "its" : "their") input could not be checked.")
    }
    return notes
  }

  /// Changes of place grouped by (old, new): most records first, then first appearance.
  var moves: [(old: Place, new: Place, ids: [String])] {
    var order: [(old: Place, new: Place, ids: [String])] = []
    var index: [[Place]: Int] = [:]
    for change in locationChanged {
      let key = [change.old, change.new]
      if let known = index[key] {
        order[known].ids.append(change.id)
      } else {
        index[key] = order.count
        order.append((change.old, change.new, [change.id]))
      }
    }
    return order.enumerated().sorted { ($0.element.ids.count, $1.offset) > ($1.element.ids.count, $0.offset) }.map(\.element)
  }

  /// `a1b2…` for one version, `mixed: v1 (5), v2 (3)` for several, `none` for records without.
  static func versionCell(_ file: FileSummary) -> String {
    if file.inputError != nil { return "–" }
    switch file.lexiconVersions.count {
    case 0: return "–"
    case 1: return file.lexiconVersions[0].version ?? "none"
    default:
      return "mixed: " + file.lexiconVersions.map { "\($0.version ?? "none") (\($0.records))" }.joined(separator: ", ")
    }
  }

  /// `r1, r2, r3 … and 7 more`: at most `limit` ids.
  static func list(_ ids: [String], limit: Int) -> String {
    let shown = ids.prefix(max(limit, 0)).joined(separator: ", ")
    guard ids.count > max(limit, 0) else { return shown }
    return (shown.isEmpty ? "" : shown + " ") + "… and \(ids.count - max(limit, 0)) more"
  }
}

// MARK: - JSON

extension LabelDiff {
  /// The differences as one JSON object, for programs; every id is listed.
  ///
  ///     {"old": {"path", "records", "skipped", "blank_lines", "lexicon_versions": [{"version", "records", "first_line"}],
  ///              "mixed_lexicon_versions", "without_location", "duplicates": [{"id", "line", "first_line"}]},
  ///      "new": {…},
  ///      "summary": {"compared", "changed", "unchanged", "labels_changed", "location_changed", "location_not_compared",
  ///                  "input_changed", "input_unchecked", "only_in_old", "only_in_new"},
  ///      "categories": [{"dimension", "category", "name", "added": [ids], "removed": [ids]}],
  ///      "only_in_old": [ids], "only_in_new": [ids], "input_changed": [ids],
  ///      "location_changed": [{"id", "old": {"province", "region"}, "new": {"province", "region"}}]}
  ///
  /// - Returns: the UTF-8 bytes, ending with a newline.
  package func json() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("old")
    Self.write(old, to: &json)
    json.key("new")
    Self.write(new, to: &json)

    json.key("summary")
    json.beginObject()
    for (key, value) in [
      ("compared", compared), ("changed", changed), ("unchanged", unchanged), ("labels_changed", labelsChanged),
      ("location_changed", locationChanged.count), ("location_not_compared", locationNotCompared),
      ("input_changed", inputChanged.count), ("input_unchecked", inputUnchecked), ("only_in_old", onlyInOld.count),
      ("only_in_new", onlyInNew.count),
    ] {
      json.field(key, integer: value)
    }
    json.endObject()

    json.key("categories")
    json.beginArray()
    for change in categories {
      json.beginObject()
      json.field("dimension", string: change.dimension)
      json.field("category", string: change.category)
      json.field("name", string: change.name)
      json.field("added", strings: change.added)
      json.field("removed", strings: change.removed)
      json.endObject()
    }
    json.endArray()

    json.field("only_in_old", strings: onlyInOld)
    json.field("only_in_new", strings: onlyInNew)
    json.field("input_changed", strings: inputChanged)

    json.key("location_changed")
    json.beginArray()
    for change in locationChanged {
      json.beginObject()
      json.field("id", string: change.id)
      json.key("old")
      Self.write(change.old, to: &json)
      json.key("new")
      Self.write(change.new, to: &json)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.newline()
    return json.bytes
  }

  private static func write(_ file: FileSummary, to json: inout JSONWriter) {
    json.beginObject()
    json.field("path", string: file.path)
    json.field("records", integer: file.records)
    json.field("skipped", integer: file.skipped)
    json.field("blank_lines", integer: file.blankLines)
    json.key("lexicon_versions")
    json.beginArray()
    for version in file.lexiconVersions {
      json.beginObject()
      json.key("version")
      if let value = version.version { json.string(value) } else { json.null() }
      json.field("records", integer: version.records)
      json.field("first_line", integer: version.firstLine)
      json.endObject()
    }
    json.endArray()
    json.field("mixed_lexicon_versions", bool: file.mixesLexiconVersions)
    json.field("without_location", integer: file.withoutLocation)
    json.key("duplicates")
    json.beginArray()
    for duplicate in file.duplicates {
      json.beginObject()
      json.field("id", string: duplicate.id)
      json.field("line", integer: duplicate.location.line ?? 0)
      json.field("first_line", integer: duplicate.firstLine)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }

  private static func write(_ place: Place, to json: inout JSONWriter) {
    json.beginObject()
    json.key("province")
    if let province = place.province { json.string(province) } else { json.null() }
    json.key("region")
    if let region = place.region { json.string(region.rawValue) } else { json.null() }
    json.endObject()
  }
}

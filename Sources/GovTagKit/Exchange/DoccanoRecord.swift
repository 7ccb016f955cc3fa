/// doccano's JSON Lines for text classification, both ways: GovTag's labels out as
/// `{"text", "label": ["capability:public_service", …, "province:浙江", "region:east"], "govtag_id", "title"?}`
/// for review, and a reviewed export back in as ``ManualRecord``s.
///
/// doccano keeps keys other than `text` and `label` as metadata and writes them back on export,
/// so `govtag_id` brings each record home. An empty `label` list reads as "none of any
/// dimension" (doccano cannot tell it from "not reviewed": export only approved examples).
package enum DoccanoRecord {
  /// The label text of a category: `capability:public_service`.
  package static func label(_ dimension: String, _ category: String) -> String { "\(dimension):\(category)" }

  /// One doccano line (newline included) for a record GovTag labelled.
  ///
  /// - Parameters:
  ///   - record: the labelled record.
  ///   - taxonomy: the label set, for the order of labels.
  /// - Returns: UTF-8 bytes.
  package static func exportLine(_ record: LabelledRecord, taxonomy: Taxonomy = .standard) -> [UInt8] {
    var labels: [String] = []
    for dimension in taxonomy.dimensions {
      let assigned = record.labels?.categories[dimension.id] ?? []
      for category in dimension.categories where assigned.contains(category.id) {
        labels.append(label(dimension.id, category.id))
      }
    }
    if let province = record.labels?.province { labels.append(label("province", province)) }
    if let region = record.labels?.region { labels.append(label("region", region.rawValue)) }
    var json = JSONWriter()
    json.beginObject()
    json.field("text", string: record.text)
    json.field("label", strings: labels)
    json.field("govtag_id", string: record.id)
    if let title = record.title, !title.isEmpty { json.field("title", string: title) }
    json.endObject()
    json.newline()
    return json.bytes
  }

  /// Reads one line of a doccano export into a record with people's labels.
  ///
  /// - Parameters:
  ///   - line: the line's bytes.
  ///   - location: file and line, for errors.
  ///   - taxonomy: the label set.
  /// - Returns: the record, or what is wrong with the line.
  package static func parse(
    _ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation, taxonomy: Taxonomy = .standard
  ) -> Result<ManualRecord, RecordError> {
    let value: JSONValue
    do {
      value = try JSONValueParser.parse(line)
    } catch let error as JSONValueParser.SyntaxError where error.reason != nil {
      // The parser knows better (bad UTF-8, a lone surrogate).
      return .failure(RecordError(location: location, reason: error.reason ?? "", hint: error.hint))
    } catch {
      return .failure(RecordError(location: location, reason: "not a JSON object", hint: "give doccano's JSONL export"))
    }
    guard let object = value.objectValue else {
      return .failure(RecordError(location: location, reason: "not a JSON object, found \(value.typeDescription)"))
    }
    let id = LabelStudioImport.text(object["govtag_id"]) ?? LabelStudioImport.text(object["id"]) ?? "line-\(location.line ?? 0)"
    guard let text = object["text"]?.stringValue ?? object["data"]?.stringValue else {
      return .failure(
        RecordError(location: location, id: id, reason: "the record has no \"text\"", hint: "give doccano's JSONL export"))
    }
    var categories: [String: Set<String>] = [:]
    for dimension in taxonomy.dimensions { categories[dimension.id] = [] }
    var province: String?
    var region: Region?
    // The list of class names; anything else (a lone string, a missing field) would read as a
    // reviewer who chose nothing, which is wrong ground truth.
    let key = object["label"] != nil ? "label" : "labels"
    guard let items = object[key]?.arrayValue else {
      let found = object[key].map { "holds \($0.typeDescription), not a list of class names" } ?? "is missing"
      return .failure(
        RecordError(
          location: location, id: id, reason: "\"label\" \(found)",
          hint:
            "give doccano's text classification export, where \"label\" is a list ([\"capability:public_service\", …]; [] for none)"
        ))
    }
    for item in items {
      guard let name = item.stringValue else {
        return .failure(
          RecordError(
            location: location, id: id, reason: "\"label\" holds \(item.typeDescription), not a class name",
            hint: "export a text classification project (span labels are not categories)"))
      }
      let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        return .failure(
          RecordError(
            location: location, id: id, reason: "label \"\(name)\" is not dimension:category",
            hint: "use the labels govtag export doccano wrote"))
      }
      switch parts[0] {
      case "province":
        // One record has one place: keeping either of two would be a silent guess.
        if let first = province, first != parts[1] {
          return .failure(
            RecordError(
              location: location, id: id, reason: "two provinces, \"\(first)\" and \"\(parts[1])\"; a record has one",
              hint: "keep the one province:… label of the province the case is about"))
        }
        province = parts[1]
      case "region":
        guard let known = Region(rawValue: parts[1]) else {
          return .failure(
            RecordError(
              location: location, id: id, reason: "unknown region \"\(parts[1])\"",
              hint: "use region:east, region:central or region:west"))
        }
        if let first = region, first != known {
          return .failure(
            RecordError(
              location: location, id: id,
              reason: "two regions, \"\(first.rawValue)\" and \"\(known.rawValue)\"; a record has one",
              hint: "keep the one region:… label of the region the case is about"))
        }
        region = known
      default:
        guard let dimension = taxonomy.dimension(parts[0]), dimension.categories.contains(where: { $0.id == parts[1] }) else {
          return .failure(
            RecordError(
              location: location, id: id, reason: "unknown label \"\(name)\"",
              hint: "use the ids of docs/TAXONOMY.md as dimension:category"))
        }
        categories[parts[0], default: []].insert(parts[1])
      }
    }
    return .success(
      ManualRecord(
        id: id, title: object["title"]?.stringValue, text: text, categories: categories, province: province, region: region,
        annotator: object["annotator"].flatMap { LabelStudioImport.text($0) }))
  }
}

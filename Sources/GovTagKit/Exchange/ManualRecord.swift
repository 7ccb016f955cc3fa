/// A record with people's labels, as `govtag import` writes it for `audit` and `eval --field manual`:
/// `{"id", "title"?, "text", "manual": {dimension: [ids], "province", "region"}, "annotator"?, "source"?}`.
///
/// Every dimension of the taxonomy is written (an empty list when the reviewer chose none of its
/// categories), and the province and region always (`null` for none), because a reviewer who
/// saw every block and chose nothing said "none", not "not looked at".
package struct ManualRecord: Sendable, Hashable {
  /// The record's id.
  package var id: String
  /// The title, if any.
  package var title: String?
  /// The narrative.
  package var text: String
  /// Chosen category ids per dimension id.
  package var categories: [String: Set<String>]
  /// The province's short name, or `nil` for none.
  package var province: String?
  /// The region, or `nil` for none.
  package var region: Region?
  /// Who annotated it, when the tool says.
  package var annotator: String?
  /// Where it came from in the tool's export (`label-studio task 3, annotation 7`).
  package var source: String?

  /// Creates a record.
  package init(
    id: String, title: String? = nil, text: String, categories: [String: Set<String>], province: String? = nil,
    region: Region? = nil, annotator: String? = nil, source: String? = nil
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.categories = categories
    self.province = province
    self.region = region
    self.annotator = annotator
    self.source = source
  }

  /// The record as one JSON Lines line, newline included; category ids in the taxonomy's order.
  ///
  /// - Parameters:
  ///   - field: the name of the labels' field (`manual`).
  ///   - taxonomy: the label set, for the order of dimensions and categories.
  /// - Returns: UTF-8 bytes.
  package func jsonLine(field: String = "manual", taxonomy: Taxonomy = .standard) -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("id", string: id)
    if let title, !title.isEmpty { json.field("title", string: title) }
    json.field("text", string: text)
    json.key(field)
    json.beginObject()
    for dimension in taxonomy.dimensions {
      let chosen = categories[dimension.id] ?? []
      json.field(dimension.id, strings: dimension.categories.map(\.id).filter { chosen.contains($0) })
    }
    json.key("province")
    if let province { json.string(province) } else { json.null() }
    json.key("region")
    if let region { json.string(region.rawValue) } else { json.null() }
    json.endObject()
    if let annotator { json.field("annotator", string: annotator) }
    if let source { json.field("source", string: source) }
    json.endObject()
    json.newline()
    return json.bytes
  }
}

/// The report's inline data: one JSON object with the categories (names and colours) and the
/// cases (labels, review flag, and texts pre-split at evidence edges), embedded in a
/// `<script type="application/json">` element and read by ``HTMLReportScript``.
///
/// Shape (category references are indices into `categories`):
///
///     {"categories": [{"dim", "dimName", "id", "name", "bg", "fg"}],
///      "dimensions": [{"id", "name", "categories": [0, 1, …]}],
///      "years": ["2022", …], "regions": {"east": "东部", …},
///      "cases": [{"id", "title", "year", "province", "region", "review", "reasons",
///                 "labels": [3, 9], "ref": [3] | null, "refField": "gold" | null,
///                 "refDims": ["capability", …] | null, "cmp": [[3, ""], [9, "govtag-only"]], "dis": true,
///                 "t": [title pieces], "x": [text pieces],
///                 "ev": [[category, term, weight (null in the compact layout), contribution, status]]}]}
///
/// A piece is a string (plain text) or `[text, evidence index…]`. `refDims` lists the dimensions
/// the reference labels annotate (a dimension they leave out was not annotated); `cmp` pairs
/// every label of either side with how the two sides compare (``Comparison``), and `dis` says
/// whether any pair is a disagreement: what the case table's "GovTag ≠ reference" filter shows.
struct HTMLReportData {
  let taxonomy: Taxonomy
  let palette: CategoryPalette
  private(set) var categoryKeys: [String] = []
  private var categoryIndex: [String: Int] = [:]
  private var extra: [(dimension: String, category: String)] = []

  init(taxonomy: Taxonomy) {
    self.taxonomy = taxonomy
    self.palette = CategoryPalette(taxonomy: taxonomy)
    for dimension in taxonomy.dimensions {
      for category in dimension.categories { register(dimension.id, category.id) }
    }
  }

  @discardableResult
  private mutating func register(_ dimension: String, _ category: String) -> Int {
    let key = dimension + "." + category
    if let index = categoryIndex[key] { return index }
    categoryIndex[key] = categoryKeys.count
    categoryKeys.append(key)
    if taxonomy.dimension(dimension)?.categories.contains(where: { $0.id == category }) != true {
      extra.append((dimension, category))
    }
    return categoryKeys.count - 1
  }

  /// The JSON, escaped for a script element.
  ///
  /// - Parameters:
  ///   - records: the cases, in input order.
  ///   - years: the year keys, in order, for the year filter.
  /// - Returns: bytes safe between `<script type="application/json">` and `</script>`.
  mutating func json(records: [LabelledRecord], years: [String]) -> [UInt8] {
    var cases = JSONWriter()
    cases.beginArray()
    for record in records { writeCase(record, to: &cases) }
    cases.endArray()

    var json = JSONWriter()
    json.beginObject()
    json.key("categories")
    json.beginArray()
    for key in categoryKeys {
      let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
      let (dimension, category) = (parts[0], parts.count > 1 ? parts[1] : "")
      let dimensionName = taxonomy.dimension(dimension)?.name ?? dimension
      let name = taxonomy.dimension(dimension)?.categories.first { $0.id == category }?.name ?? category
      json.beginObject()
      json.field("dim", string: dimension)
      json.field("dimName", string: dimensionName)
      json.field("id", string: category)
      json.field("name", string: name)
      json.field("bg", string: palette.background(dimension, category))
      json.field("fg", string: palette.strong(dimension, category))
      json.endObject()
    }
    json.endArray()
    json.key("dimensions")
    json.beginArray()
    var dimensionIDs = taxonomy.dimensions.map(\.id)
    for item in extra where !dimensionIDs.contains(item.dimension) { dimensionIDs.append(item.dimension) }
    for id in dimensionIDs {
      json.beginObject()
      json.field("id", string: id)
      json.field("name", string: taxonomy.dimension(id)?.name ?? id)
      json.key("categories")
      json.beginArray()
      for (index, key) in categoryKeys.enumerated() where key.hasPrefix(id + ".") { json.integer(index) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.field("years", strings: years)
    json.key("regions")
    json.beginObject()
    for region in Region.allCases {
      json.field(region.rawValue, string: region.name)
    }
    json.endObject()
    json.key("cases")
    var bytes = json.bytes
    bytes += cases.bytes
    bytes += Array("}".utf8)
    return HTMLEscaping.scriptJSON(bytes)
  }

  private mutating func writeCase(_ record: LabelledRecord, to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", string: record.id)
    json.key("title")
    if let title = record.title { json.string(title) } else { json.null() }
    optional("year", record.year, &json)
    optional("province", record.labels?.province, &json)
    optional("region", record.labels?.region?.rawValue, &json)
    json.field("review", bool: record.needsReview)
    json.field("reasons", strings: record.reviewReasons)
    json.key("labels")
    writeIndices(record.labels, &json)
    json.key("ref")
    writeIndices(record.reference, &json)
    optional("refField", record.referenceField, &json)
    json.key("refDims")
    if let reference = record.reference {
      json.strings(taxonomy.dimensions.map(\.id).filter(reference.annotates))
    } else {
      json.null()
    }
    let comparison = compare(record)
    json.key("cmp")
    json.beginArray()
    for (index, kind) in comparison {
      json.beginArray()
      json.integer(index)
      json.string(kind.rawValue)
      json.endArray()
    }
    json.endArray()
    json.field("dis", bool: comparison.contains { $0.kind.isDisagreement })

    // Evidence: only spans that fit in their field.
    let titleLength = record.title?.unicodeScalars.count ?? 0
    let textLength = record.text.unicodeScalars.count
    let spans = record.evidence.filter { $0.end <= ($0.field == .title ? titleLength : textLength) && $0.start < $0.end }
    json.key("t")
    writePieces(record.title ?? "", spans: spans, field: .title, &json)
    json.key("x")
    writePieces(record.text, spans: spans, field: .text, &json)
    json.key("ev")
    json.beginArray()
    for span in spans {
      json.beginArray()
      json.integer(register(span.dimension, span.category))
      json.string(span.term)
      json.optionalNumber(span.weight)
      json.number(span.contribution)
      json.string(span.status)
      json.endArray()
    }
    json.endArray()
    json.endObject()
  }

  /// How a label of a case compares between GovTag and the reference labels.
  enum Comparison: String {
    /// Both have it, or there are no reference labels.
    case agree = ""
    /// GovTag has it; the reference, which annotates the dimension, does not.
    case govtagOnly = "govtag-only"
    /// The reference has it; GovTag does not.
    case referenceOnly = "ref-only"
    /// GovTag has it in a dimension the reference does not annotate: not a disagreement.
    case notAnnotated = "not-annotated"

    var isDisagreement: Bool { self == .govtagOnly || self == .referenceOnly }
  }

  /// Every label of either side, by category index, and how the sides compare on it.
  private mutating func compare(_ record: LabelledRecord) -> [(index: Int, kind: Comparison)] {
    var pairs: [(index: Int, kind: Comparison)] = []
    for dimension in taxonomy.dimensions {
      let govtag = record.labels?.categories[dimension.id] ?? []
      guard let reference = record.reference else {
        pairs += govtag.map { (register(dimension.id, $0), .agree) }
        continue
      }
      guard let annotated = reference.categories[dimension.id] else {
        pairs += govtag.map { (register(dimension.id, $0), .notAnnotated) }
        continue
      }
      for category in dimension.categories {
        switch (govtag.contains(category.id), annotated.contains(category.id)) {
        case (true, true): pairs.append((register(dimension.id, category.id), .agree))
        case (true, false): pairs.append((register(dimension.id, category.id), .govtagOnly))
        case (false, true): pairs.append((register(dimension.id, category.id), .referenceOnly))
        case (false, false): break
        }
      }
    }
    return pairs.sorted { $0.index < $1.index }
  }

  private func optional(_ key: String, _ value: String?, _ json: inout JSONWriter) {
    json.key(key)
    if let value { json.string(value) } else { json.null() }
  }

  private mutating func writeIndices(_ labels: CaseLabels?, _ json: inout JSONWriter) {
    guard let labels else {
      json.null()
      return
    }
    var indices: [Int] = []
    for dimension in taxonomy.dimensions {
      for id in labels.categories[dimension.id] ?? [] { indices.append(register(dimension.id, id)) }
    }
    json.beginArray()
    for index in indices.sorted() { json.integer(index) }
    json.endArray()
  }

  private func writePieces(_ text: String, spans: [EvidenceSpan], field: Evidence.Field, _ json: inout JSONWriter) {
    let inField = spans.indices.filter { spans[$0].field == field }
    let pieces = EvidenceHighlighter.segments(of: text, spans: inField.map { spans[$0].start..<spans[$0].end })
    json.beginArray()
    for piece in pieces {
      if piece.spans.isEmpty {
        json.string(piece.text)
      } else {
        json.beginArray()
        json.string(piece.text)
        for index in piece.spans { json.integer(inField[index]) }
        json.endArray()
      }
    }
    json.endArray()
  }
}

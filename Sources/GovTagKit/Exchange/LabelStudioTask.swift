/// One Label Studio task made from a record GovTag labelled: the record's texts as `data`, and
/// GovTag's labels, place and evidence spans as a prediction a reviewer accepts or corrects.
///
/// Span offsets are UTF-16 code units (JavaScript string indices, Label Studio's meaning of an
/// offset), converted from the code point offsets of GovTag's evidence. Only evidence that added
/// to a score becomes a span (counted hits, and quoted or background hits at half weight); hits
/// that did not count stay in GovTag's output and `govtag explain`.
package struct LabelStudioTask: Sendable {
  /// The record.
  package var record: LabelledRecord
  /// The lexicon version that labelled it (the record's `lexicon_version`), Label Studio's `model_version`.
  package var modelVersion: String?
  /// Whether the configuration has a province block (a gazetteer was found).
  package var offersProvince: Bool

  /// Creates a task.
  ///
  /// - Parameters:
  ///   - record: the labelled record.
  ///   - modelVersion: its `lexicon_version`, or `nil` when it has none.
  ///   - offersProvince: whether the configuration lists provinces.
  package init(record: LabelledRecord, modelVersion: String?, offersProvince: Bool = true) {
    self.record = record
    self.modelVersion = modelVersion
    self.offersProvince = offersProvince
  }

  /// The prediction's score: how sure GovTag is of all its decisions on the record together,
  /// the lowest of `p` for an assigned category and `1 - p` for one left out, over every
  /// confidence the record carries (rounded to 4 decimals); `nil` without confidences.
  ///
  /// Sorting tasks by it in Label Studio puts the records most likely to need a correction first.
  package var score: Double? {
    var lowest: Double?
    for (dimension, categories) in record.confidence {
      for (category, p) in categories {
        let assigned = record.labels?.contains(dimension, category) ?? false
        let sure = assigned ? p : 1 - p
        lowest = min(lowest ?? sure, sure)
      }
    }
    return lowest.map { ($0 * 10_000).rounded() / 10_000 }
  }

  /// The evidence spans that cannot be placed in their field (offsets past its end), which the
  /// task leaves out; an input GovTag wrote has none.
  package var misplacedSpans: [EvidenceSpan] {
    record.evidence.filter { span in
      let field = span.field == .title ? (record.title ?? "") : record.text
      return span.contribution > 0 && UTF16Offsets(field).utf16(span.end) == nil
    }
  }

  /// Writes the task as one JSON object (no line break).
  ///
  /// - Parameter json: the writer to append to.
  package func write(to json: inout JSONWriter) {
    json.beginObject()
    json.key("data")
    json.beginObject()
    json.field("id", string: record.id)
    json.field("title", string: record.title ?? "")
    json.field("text", string: record.text)
    json.endObject()
    json.key("predictions")
    json.beginArray()
    json.beginObject()
    if let modelVersion { json.field("model_version", string: modelVersion) }
    if let score { json.field("score", number: score) }
    json.key("result")
    json.beginArray()
    writeResults(to: &json)
    json.endArray()
    json.endObject()
    json.endArray()
    json.endObject()
  }

  private func writeResults(to json: inout JSONWriter) {
    let labels = record.labels
    for dimension in Taxonomy.standard.dimensions {
      guard let ids = labels?.categories[dimension.id], !ids.isEmpty else { continue }
      choices(dimension.id, ids, to: &json)
    }
    if offersProvince, let province = labels?.province { choices(LabelStudioConfig.province, [province], to: &json) }
    if let region = labels?.region { choices(LabelStudioConfig.region, [region.rawValue], to: &json) }
    let title = UTF16Offsets(record.title ?? "")
    let text = UTF16Offsets(record.text)
    let titleScalars = Array((record.title ?? "").unicodeScalars)
    let textScalars = Array(record.text.unicodeScalars)
    var number = 0
    for span in record.evidence where span.contribution > 0 {
      let isTitle = span.field == .title
      let offsets = isTitle ? title : text
      guard let start = offsets.utf16(span.start), let end = offsets.utf16(span.end) else { continue }
      let scalars = isTitle ? titleScalars : textScalars
      var covered = String.UnicodeScalarView()
      covered.append(contentsOf: scalars[span.start..<span.end])
      number += 1
      json.beginObject()
      json.field("id", string: "e\(number)")
      json.field("from_name", string: isTitle ? LabelStudioConfig.titleEvidence : LabelStudioConfig.textEvidence)
      json.field("to_name", string: isTitle ? "title" : "text")
      json.field("type", string: "labels")
      json.key("value")
      json.beginObject()
      json.field("start", integer: start)
      json.field("end", integer: end)
      json.field("text", string: String(covered))
      json.field("labels", strings: ["\(span.dimension).\(span.category)"])
      json.endObject()
      json.endObject()
    }
  }

  private func choices(_ name: String, _ values: [String], to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", string: name)
    json.field("from_name", string: name)
    json.field("to_name", string: "text")
    json.field("type", string: "choices")
    json.key("value")
    json.beginObject()
    json.field("choices", strings: values)
    json.endObject()
    json.endObject()
  }
}

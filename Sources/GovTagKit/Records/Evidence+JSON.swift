extension Evidence {
  /// Writes the hit as a JSON object, the shape of labelled records' `evidence` entries:
  /// `dimension`, `category` (unless the caller already names them), `term`, `field`, `start`,
  /// `end`, `match`, `context`, `weight`, `contribution`, `status`, `why`?, `lexicon`.
  func writeJSON(to json: inout JSONWriter, includeCategory: Bool = true) {
    json.beginObject()
    if includeCategory {
      json.key("dimension")
      json.string(dimension)
      json.key("category")
      json.string(category)
    }
    json.key("term")
    json.string(term)
    json.key("field")
    json.string(field.rawValue)
    json.key("start")
    json.integer(start)
    json.key("end")
    json.integer(end)
    json.key("match")
    json.string(match)
    json.key("context")
    json.string(context)
    json.key("weight")
    json.number(weight)
    json.key("contribution")
    json.number(contribution)
    json.key("status")
    json.string(status.code)
    if let explanation = status.explanation {
      json.key("why")
      json.string(explanation)
    }
    json.key("lexicon")
    json.string(sourceText.isEmpty ? source.description : sourceText)
    json.endObject()
  }
}

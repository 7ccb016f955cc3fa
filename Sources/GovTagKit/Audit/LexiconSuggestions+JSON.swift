extension LexiconSuggestions {
  /// The suggestions as one JSON object, for machines:
  ///
  ///     {"field", "lexicon_version", "inputs", "min_count", "records": {…counts…},
  ///      "categories": [{"dimension", "category", "name", "records_in", "records_out",
  ///         "candidates": [{"ngram", "z", "delta", "variance", "in", "out", "example"}]}]}
  ///
  /// - Returns: the JSON text followed by a newline.
  package func renderJSON() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("field", string: field)
    json.field("lexicon_version", string: lexiconVersion)
    json.field("inputs", strings: inputs)
    json.field("min_count", integer: minCount)
    json.key("records")
    summary.writeJSON(verb: "used", to: &json)
    json.key("categories")
    json.beginArray()
    for item in categories {
      json.beginObject()
      json.field("dimension", string: item.category.dimension)
      json.field("category", string: item.category.id)
      json.field("name", string: item.category.name)
      json.field("records_in", integer: item.recordsIn)
      json.field("records_out", integer: item.recordsOut)
      json.key("candidates")
      json.beginArray()
      for candidate in item.candidates {
        json.beginObject()
        json.field("ngram", string: candidate.ngram)
        json.field("z", number: candidate.statistic.z)
        json.field("delta", number: candidate.statistic.delta)
        json.field("variance", number: candidate.statistic.variance)
        json.field("in", integer: candidate.countIn)
        json.field("out", integer: candidate.countOut)
        json.field("example", string: candidate.example)
        json.endObject()
      }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.newline()
    return json.bytes
  }
}

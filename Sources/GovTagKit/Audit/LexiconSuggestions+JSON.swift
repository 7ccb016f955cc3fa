extension LexiconSuggestions {
  /// The suggestions as one JSON object, for machines:
  ///
  ///     {"field", "lexicon_version", "inputs", "min_count", "records": {…counts…},
  ///      "categories": [{"dimension", "category", "name", "records_in", "records_out",
  ///         "candidates": [{"ngram", "z", "delta", "variance", "in", "out", "example"}]}]}
  ///
  /// - Returns: the JSON text followed by a newline.
  public func renderJSON() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("field")
    json.string(field)
    json.key("lexicon_version")
    json.string(lexiconVersion)
    json.key("inputs")
    json.strings(inputs)
    json.key("min_count")
    json.integer(minCount)
    json.key("records")
    summary.writeJSON(verb: "used", to: &json)
    json.key("categories")
    json.beginArray()
    for item in categories {
      json.beginObject()
      json.key("dimension")
      json.string(item.category.dimension)
      json.key("category")
      json.string(item.category.id)
      json.key("name")
      json.string(item.category.name)
      json.key("records_in")
      json.integer(item.recordsIn)
      json.key("records_out")
      json.integer(item.recordsOut)
      json.key("candidates")
      json.beginArray()
      for candidate in item.candidates {
        json.beginObject()
        json.key("ngram")
        json.string(candidate.ngram)
        json.key("z")
        json.number(candidate.statistic.z)
        json.key("delta")
        json.number(candidate.statistic.delta)
        json.key("variance")
        json.number(candidate.statistic.variance)
        json.key("in")
        json.integer(candidate.countIn)
        json.key("out")
        json.integer(candidate.countOut)
        json.key("example")
        json.string(candidate.example)
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

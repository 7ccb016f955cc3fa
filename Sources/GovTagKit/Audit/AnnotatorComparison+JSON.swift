extension AnnotatorComparison {
  /// The comparison as one JSON object, for machines:
  ///
  ///     {"a", "b", "field", "lexicon_version",
  ///      "records": {"matched", "a": {…counts…}, "b": {…counts…}, "only_in_a": [ids], "only_in_b": [ids]},
  ///      "dimensions": [{"dimension", "records", "categories": [{"category", "a_yes", "b_yes", "both_yes",
  ///         "both_no", "observed_agreement", "kappa", "disagreements", "govtag_sides_with_a",
  ///         "govtag_sides_with_b"}], "pooled": {…same without category…}}],
  ///      "overall": {"decisions", "observed_agreement", "kappa", "disagreements",
  ///                  "govtag_sides_with_a", "govtag_sides_with_b"}}
  ///
  /// GovTag's sides are `null` for categories the lexicons do not define.
  ///
  /// - Returns: the JSON text followed by a newline.
  public func renderJSON() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("a")
    json.string(fileA)
    json.key("b")
    json.string(fileB)
    json.key("field")
    json.string(field)
    json.key("lexicon_version")
    json.string(lexiconVersion)
    json.key("records")
    json.beginObject()
    json.key("matched")
    json.integer(matched)
    json.key("a")
    summaryA.writeJSON(verb: "compared", to: &json)
    json.key("b")
    summaryB.writeJSON(verb: "compared", to: &json)
    json.key("only_in_a")
    json.strings(onlyInA.map(\.id))
    json.key("only_in_b")
    json.strings(onlyInB.map(\.id))
    json.endObject()
    json.key("dimensions")
    json.beginArray()
    for (d, result) in agreement.dimensions.enumerated() {
      json.beginObject()
      json.key("dimension")
      json.string(result.dimension.id)
      json.key("records")
      json.integer(result.records)
      json.key("categories")
      json.beginArray()
      for (c, item) in result.categories.enumerated() {
        json.beginObject()
        json.key("category")
        json.string(item.category.id)
        Self.write(item.table, sides: item.category.inLexicons ? sides[d][c] : nil, to: &json)
        json.endObject()
      }
      json.endArray()
      json.key("pooled")
      json.beginObject()
      Self.write(result.pooled, sides: sides(ofDimension: d), to: &json)
      json.endObject()
      json.endObject()
    }
    json.endArray()
    json.key("overall")
    json.beginObject()
    json.key("decisions")
    json.integer(pooled.total)
    Self.write(pooled, sides: overallSides, to: &json)
    json.endObject()
    json.endObject()
    json.newline()
    return json.bytes
  }

  static func write(_ table: AgreementTable, sides: Sides?, to json: inout JSONWriter) {
    json.key("a_yes")
    json.integer(table.referenceYes)
    json.key("b_yes")
    json.integer(table.predictedYes)
    json.key("both_yes")
    json.integer(table.bothYes)
    json.key("both_no")
    json.integer(table.bothNo)
    json.key("observed_agreement")
    json.optionalNumber(table.observedAgreement)
    json.key("kappa")
    json.optionalNumber(table.kappa)
    json.key("disagreements")
    json.integer(table.disagreements)
    json.key("govtag_sides_with_a")
    if let sides { json.integer(sides.withA) } else { json.null() }
    json.key("govtag_sides_with_b")
    if let sides { json.integer(sides.withB) } else { json.null() }
  }
}

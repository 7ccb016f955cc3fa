extension AnnotatorComparison {
  /// The comparison as one JSON object, for machines:
  ///
  ///     {"a", "b", "field", "lexicon_version",
  ///      "records": {"matched", "a": {…counts…}, "b": {…counts…}, "only_in_a": [ids], "only_in_b": [ids]},
  ///      "dimensions": [{"dimension", "records", "categories": [{"category", "a_yes", "b_yes", "both_yes",
  ///         "both_no", "observed_agreement", "kappa", "disagreements", "govtag_sides_with_a",
  ///         "govtag_sides_with_b"}], "pooled": {…same without category…}}],
  ///      "overall": {"decisions", "observed_agreement", "kappa", "disagreements",
  ///                  "govtag_sides_with_a", "govtag_sides_with_b"},
  ///      "disagreements": [{"id", "source_a", "source_b", "dimension", "category", "a", "b", "govtag"}],
  ///      "location": {"province_records", "province_differences", "region_records", "region_differences"},
  ///      "location_disagreements": [{"id", "source_a", "source_b", "province"?: {"a", "b", "govtag"},
  ///                                  "region"?: {"a", "b", "govtag"}}]}
  ///
  /// GovTag's sides are `null` for categories the lexicons do not define, and so is a
  /// disagreement's `govtag`. `disagreements` lists every (record, category) on which A and B
  /// differ, in A's order; `location_disagreements` every record whose province or region they
  /// give differently (each part only when it differs; a place not named is `null`).
  ///
  /// - Returns: the JSON text followed by a newline.
  package func renderJSON() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("a", string: fileA)
    json.field("b", string: fileB)
    json.field("field", string: field)
    json.field("lexicon_version", string: lexiconVersion)
    json.key("records")
    json.beginObject()
    json.field("matched", integer: matched)
    json.key("a")
    summaryA.writeJSON(verb: "compared", to: &json)
    json.key("b")
    summaryB.writeJSON(verb: "compared", to: &json)
    json.field("only_in_a", strings: onlyInA.map(\.id))
    json.field("only_in_b", strings: onlyInB.map(\.id))
    json.endObject()
    json.key("dimensions")
    json.beginArray()
    for (d, result) in agreement.dimensions.enumerated() {
      json.beginObject()
      json.field("dimension", string: result.dimension.id)
      json.field("records", integer: result.records)
      json.key("categories")
      json.beginArray()
      for (c, item) in result.categories.enumerated() {
        json.beginObject()
        json.field("category", string: item.category.id)
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
    json.field("decisions", integer: pooled.total)
    Self.write(pooled, sides: overallSides, to: &json)
    json.endObject()
    json.key("disagreements")
    json.beginArray()
    for item in disagreements {
      json.beginObject()
      json.field("id", string: item.id)
      json.field("source_a", string: item.locationA.description)
      json.field("source_b", string: item.locationB.description)
      json.field("dimension", string: item.dimension)
      json.field("category", string: item.category)
      json.field("a", bool: item.a)
      json.field("b", bool: !item.a)
      json.key("govtag")
      if let govtag = item.govtag { json.bool(govtag) } else { json.null() }
      json.endObject()
    }
    json.endArray()
    json.key("location")
    json.beginObject()
    json.field("province_records", integer: placeCounts.provinceRecords)
    json.field("province_differences", integer: placeCounts.provinceDifferences)
    json.field("region_records", integer: placeCounts.regionRecords)
    json.field("region_differences", integer: placeCounts.regionDifferences)
    json.endObject()
    json.key("location_disagreements")
    json.beginArray()
    for difference in placeDifferences {
      json.beginObject()
      json.field("id", string: difference.place.id)
      json.field("source_a", string: difference.place.location.description)
      json.field("source_b", string: difference.locationB.description)
      difference.place.writeJSONFields(
        keys: ("a", "b"), govtag: (difference.govtagProvince, difference.govtagRegion), to: &json)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.newline()
    return json.bytes
  }

  static func write(_ table: AgreementTable, sides: Sides?, to json: inout JSONWriter) {
    json.field("a_yes", integer: table.referenceYes)
    json.field("b_yes", integer: table.predictedYes)
    json.field("both_yes", integer: table.bothYes)
    json.field("both_no", integer: table.bothNo)
    json.field("observed_agreement", optionalNumber: table.observedAgreement)
    json.field("kappa", optionalNumber: table.kappa)
    json.field("disagreements", integer: table.disagreements)
    json.key("govtag_sides_with_a")
    if let sides { json.integer(sides.withA) } else { json.null() }
    json.key("govtag_sides_with_b")
    if let sides { json.integer(sides.withB) } else { json.null() }
  }
}

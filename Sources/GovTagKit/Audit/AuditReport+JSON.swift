extension AuditReport {
  /// The report as one JSON object, for machines:
  ///
  ///     {"summary": {"field", "lexicon_version", "inputs", "records": {…counts…},
  ///                  "dimensions": [{"dimension", "records", "categories": [{"category", "in_lexicons",
  ///                     "manual", "govtag", "both_yes", "both_no", "observed_agreement", "kappa",
  ///                     "precision", "recall", "f1"}], "macro": {…}, "pooled_kappa"}],
  ///                  "location": {…}},
  ///      "suspects": [{"rank", "id", "source", "dimension", "category", "manual", "predicted", "score",
  ///                    "threshold", "suspicion", "confidence"?, "p_wrong"? (calibrated lexicons), "govtag_reason"?, "evidence": [{"term", "field", "start", "end", "match",
  ///                    "context", "weight", "contribution", "status", "why"?, "lexicon"}]}],
  ///      "location_disagreements": [{"id", "source", "province"?: {"manual", "govtag"},
  ///                                  "region"?: {"manual", "govtag"}}],
  ///      "terms": [{"dimension", "category", "term", "lexicon", "records", "judged", "confirmed",
  ///                 "precision", "false_firings", "sole_evidence"}]?}
  ///
  /// Undefined figures (kappa of an empty table, precision of a term never judged) are `null`.
  /// `location_disagreements` lists the records whose manual province or region differs from
  /// GovTag's, in input order, with only the parts that differ; a place not named is `null`.
  ///
  /// - Parameter terms: whether to add the `terms` array.
  /// - Returns: the JSON text followed by a newline.
  package func renderJSON(terms includeTerms: Bool) -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("summary")
    writeSummary(to: &json)
    json.key("suspects")
    json.beginArray()
    for (index, suspect) in suspects.enumerated() {
      json.beginObject()
      json.field("rank", integer: index + 1)
      json.field("id", string: suspect.id)
      json.field("source", string: suspect.location.description)
      json.field("dimension", string: suspect.dimension)
      json.field("category", string: suspect.category)
      json.field("manual", bool: suspect.manual)
      json.field("predicted", bool: suspect.predicted)
      json.field("score", number: suspect.score)
      json.field("threshold", number: suspect.threshold)
      json.field("suspicion", number: suspect.suspicion)
      if let confidence = suspect.confidence { json.field("confidence", number: confidence) }
      if let probability = suspect.wrongProbability { json.field("p_wrong", number: probability) }
      if let reason = suspect.govtagReason { json.field("govtag_reason", string: reason) }
      json.key("evidence")
      json.beginArray()
      for hit in suspect.evidence { Self.write(hit, to: &json) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.key("location_disagreements")
    json.beginArray()
    for place in locationDisagreements {
      json.beginObject()
      json.field("id", string: place.id)
      json.field("source", string: place.location.description)
      place.writeJSONFields(keys: ("manual", "govtag"), to: &json)
      json.endObject()
    }
    json.endArray()
    if includeTerms {
      json.key("terms")
      json.beginArray()
      for entry in terms {
        json.beginObject()
        json.field("dimension", string: entry.dimension)
        json.field("category", string: entry.category)
        json.field("term", string: entry.term)
        json.field("lexicon", string: entry.source.description)
        json.field("records", integer: entry.records)
        json.field("judged", integer: entry.judged)
        json.field("confirmed", integer: entry.confirmed)
        json.field("precision", optionalNumber: entry.precision)
        json.field("false_firings", integer: entry.falseFirings)
        json.field("sole_evidence", integer: entry.soleEvidence)
        json.endObject()
      }
      json.endArray()
    }
    json.endObject()
    json.newline()
    return json.bytes
  }

  private func writeSummary(to json: inout JSONWriter) {
    json.beginObject()
    json.field("field", string: field)
    json.field("lexicon_version", string: lexiconVersion)
    json.field("inputs", strings: inputs)
    json.key("records")
    summary.writeJSON(verb: "audited", to: &json)
    json.key("dimensions")
    json.beginArray()
    for result in agreement.dimensions {
      json.beginObject()
      json.field("dimension", string: result.dimension.id)
      json.field("records", integer: result.records)
      json.key("categories")
      json.beginArray()
      for item in result.categories {
        let t = item.table
        json.beginObject()
        json.field("category", string: item.category.id)
        json.field("in_lexicons", bool: item.category.inLexicons)
        json.field("manual", integer: t.referenceYes)
        json.field("govtag", integer: t.predictedYes)
        json.field("both_yes", integer: t.bothYes)
        json.field("both_no", integer: t.bothNo)
        json.field("observed_agreement", optionalNumber: t.observedAgreement)
        json.field("kappa", optionalNumber: t.kappa)
        json.field("precision", number: t.precision)
        json.field("recall", number: t.recall)
        json.field("f1", number: t.f1)
        json.endObject()
      }
      json.endArray()
      json.key("macro")
      result.macro.writeJSON(kappa: true, to: &json)
      json.field("pooled_kappa", optionalNumber: result.pooled.kappa)
      json.endObject()
    }
    json.endArray()
    json.key("location")
    location.writeJSON(to: &json)
    json.endObject()
  }

  /// One hit as an object, as in labelled records' `evidence` (its category is named by the suspect).
  static func write(_ hit: Evidence, to json: inout JSONWriter) {
    hit.writeJSON(to: &json, includeCategory: false)
  }
}

extension AuditReport {
  /// The report as one JSON object, for machines:
  ///
  ///     {"summary": {"field", "lexicon_version", "inputs", "records": {…counts…},
  ///                  "dimensions": [{"dimension", "records", "categories": [{"category", "in_lexicons",
  ///                     "manual", "govtag", "both_yes", "both_no", "observed_agreement", "kappa",
  ///                     "precision", "recall", "f1"}], "macro": {…}, "pooled_kappa"}],
  ///                  "location": {…}},
  ///      "suspects": [{"rank", "id", "source", "dimension", "category", "manual", "predicted", "score",
  ///                    "threshold", "suspicion", "evidence": [{"term", "field", "start", "end", "match",
  ///                    "context", "weight", "contribution", "status", "why"?, "lexicon"}]}],
  ///      "terms": [{"dimension", "category", "term", "lexicon", "records", "judged", "confirmed",
  ///                 "precision", "false_firings", "sole_evidence"}]?}
  ///
  /// Undefined figures (kappa of an empty table, precision of a term never judged) are `null`.
  ///
  /// - Parameter terms: whether to add the `terms` array.
  /// - Returns: the JSON text followed by a newline.
  public func renderJSON(terms includeTerms: Bool) -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.key("summary")
    writeSummary(to: &json)
    json.key("suspects")
    json.beginArray()
    for (index, suspect) in suspects.enumerated() {
      json.beginObject()
      json.key("rank")
      json.integer(index + 1)
      json.key("id")
      json.string(suspect.id)
      json.key("source")
      json.string(suspect.location.description)
      json.key("dimension")
      json.string(suspect.dimension)
      json.key("category")
      json.string(suspect.category)
      json.key("manual")
      json.bool(suspect.manual)
      json.key("predicted")
      json.bool(suspect.predicted)
      json.key("score")
      json.number(suspect.score)
      json.key("threshold")
      json.number(suspect.threshold)
      json.key("suspicion")
      json.number(suspect.suspicion)
      json.key("evidence")
      json.beginArray()
      for hit in suspect.evidence { Self.write(hit, to: &json) }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    if includeTerms {
      json.key("terms")
      json.beginArray()
      for entry in terms {
        json.beginObject()
        json.key("dimension")
        json.string(entry.dimension)
        json.key("category")
        json.string(entry.category)
        json.key("term")
        json.string(entry.term)
        json.key("lexicon")
        json.string(entry.source.description)
        json.key("records")
        json.integer(entry.records)
        json.key("judged")
        json.integer(entry.judged)
        json.key("confirmed")
        json.integer(entry.confirmed)
        json.key("precision")
        json.optionalNumber(entry.precision)
        json.key("false_firings")
        json.integer(entry.falseFirings)
        json.key("sole_evidence")
        json.integer(entry.soleEvidence)
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
    json.key("field")
    json.string(field)
    json.key("lexicon_version")
    json.string(lexiconVersion)
    json.key("inputs")
    json.strings(inputs)
    json.key("records")
    summary.writeJSON(verb: "audited", to: &json)
    json.key("dimensions")
    json.beginArray()
    for result in agreement.dimensions {
      json.beginObject()
      json.key("dimension")
      json.string(result.dimension.id)
      json.key("records")
      json.integer(result.records)
      json.key("categories")
      json.beginArray()
      for item in result.categories {
        let t = item.table
        json.beginObject()
        json.key("category")
        json.string(item.category.id)
        json.key("in_lexicons")
        json.bool(item.category.inLexicons)
        json.key("manual")
        json.integer(t.referenceYes)
        json.key("govtag")
        json.integer(t.predictedYes)
        json.key("both_yes")
        json.integer(t.bothYes)
        json.key("both_no")
        json.integer(t.bothNo)
        json.key("observed_agreement")
        json.optionalNumber(t.observedAgreement)
        json.key("kappa")
        json.optionalNumber(t.kappa)
        json.key("precision")
        json.number(t.precision)
        json.key("recall")
        json.number(t.recall)
        json.key("f1")
        json.number(t.f1)
        json.endObject()
      }
      json.endArray()
      json.key("macro")
      result.macro.writeJSON(kappa: true, to: &json)
      json.key("pooled_kappa")
      json.optionalNumber(result.pooled.kappa)
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

extension Evaluation {
  /// The evaluation as one JSON object, for machines:
  ///
  ///     {"field", "lexicon_version", "inputs", "records": {…counts…},
  ///      "overall": FIGURES, "by": {"field", "groups": [{"value", …FIGURES…}]}?}
  ///
  /// where FIGURES is `{"records", "dimensions": [{"dimension", "records", "categories":
  /// [{"category", "in_lexicons", "gold", "predicted", "true_positives", "precision", "recall",
  /// "f1"}], "micro": {…}, "macro": {"categories", "precision", "recall", "f1"}}], "location":
  /// {"province", "region", "null_province"}, "capability_confusion": [{"gold", "predicted", "count"}]}`.
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
    json.key("records")
    summary.writeJSON(verb: "evaluated", to: &json)
    json.key("overall")
    json.beginObject()
    Self.write(overall, to: &json)
    json.endObject()
    if let groupField {
      json.key("by")
      json.beginObject()
      json.key("field")
      json.string(groupField)
      json.key("groups")
      json.beginArray()
      for group in groups {
        json.beginObject()
        json.key("value")
        json.string(group.value)
        Self.write(group.figures, to: &json)
        json.endObject()
      }
      json.endArray()
      json.endObject()
    }
    json.endObject()
    json.newline()
    return json.bytes
  }

  /// Writes the keys of one set of figures into the open object.
  static func write(_ figures: EvaluationFigures, to json: inout JSONWriter) {
    json.key("records")
    json.integer(figures.records)
    json.key("dimensions")
    json.beginArray()
    for result in figures.agreement.dimensions {
      json.beginObject()
      json.key("dimension")
      json.string(result.dimension.id)
      json.key("records")
      json.integer(result.records)
      json.key("categories")
      json.beginArray()
      for item in result.categories {
        json.beginObject()
        json.key("category")
        json.string(item.category.id)
        json.key("in_lexicons")
        json.bool(item.category.inLexicons)
        writeSupport(item.table, to: &json)
        json.endObject()
      }
      json.endArray()
      json.key("micro")
      json.beginObject()
      writeSupport(result.pooled, to: &json)
      json.endObject()
      json.key("macro")
      result.macro.writeJSON(kappa: false, to: &json)
      json.endObject()
    }
    json.endArray()
    json.key("location")
    figures.location.writeJSON(to: &json)
    json.key("capability_confusion")
    json.beginArray()
    for cell in figures.confusion.cells {
      json.beginObject()
      json.key("gold")
      json.string(cell.reference)
      json.key("predicted")
      if let predicted = cell.predicted { json.string(predicted) } else { json.null() }
      json.key("count")
      json.integer(cell.count)
      json.endObject()
    }
    json.endArray()
  }

  /// `"gold", "predicted", "true_positives", "precision", "recall", "f1"` into the open object.
  static func writeSupport(_ table: AgreementTable, to json: inout JSONWriter) {
    json.key("gold")
    json.integer(table.referenceYes)
    json.key("predicted")
    json.integer(table.predictedYes)
    json.key("true_positives")
    json.integer(table.bothYes)
    json.key("precision")
    json.number(table.precision)
    json.key("recall")
    json.number(table.recall)
    json.key("f1")
    json.number(table.f1)
  }
}

extension MacroAverage {
  /// Writes the average as an object: `{"categories", "precision", "recall", "f1", "kappa"?}`.
  func writeJSON(kappa includeKappa: Bool, to json: inout JSONWriter) {
    json.beginObject()
    json.key("categories")
    json.integer(categories)
    json.key("precision")
    json.number(precision)
    json.key("recall")
    json.number(recall)
    json.key("f1")
    json.number(f1)
    if includeKappa {
      json.key("kappa")
      json.optionalNumber(kappa)
    }
    json.endObject()
  }
}

extension LocationAgreement {
  /// Writes `{"province": {"records", "correct", "accuracy"}, "region": {…}, "null_province": {"records", "assigned"}}`.
  func writeJSON(to json: inout JSONWriter) {
    json.beginObject()
    json.key("province")
    json.beginObject()
    json.key("records")
    json.integer(provinceRecords)
    json.key("correct")
    json.integer(provinceCorrect)
    json.key("accuracy")
    json.optionalNumber(provinceAccuracy)
    json.endObject()
    json.key("region")
    json.beginObject()
    json.key("records")
    json.integer(regionRecords)
    json.key("correct")
    json.integer(regionCorrect)
    json.key("accuracy")
    json.optionalNumber(regionAccuracy)
    json.endObject()
    json.key("null_province")
    json.beginObject()
    json.key("records")
    json.integer(nullProvinceRecords)
    json.key("assigned")
    json.integer(nullProvinceAssigned)
    json.endObject()
    json.endObject()
  }
}

extension CorpusSummary {
  /// Writes `{"read", VERB, "failed", "without_reference", "blank_lines", "unreadable_inputs"}`.
  func writeJSON(verb: String, to json: inout JSONWriter) {
    json.beginObject()
    json.key("read")
    json.integer(recordsRead)
    json.key(verb)
    json.integer(compared)
    json.key("failed")
    json.integer(failed)
    json.key("without_reference")
    json.integer(withoutReference)
    json.key("blank_lines")
    json.integer(blankLines)
    json.key("unreadable_inputs")
    json.integer(inputErrors.count)
    json.endObject()
  }
}

extension JSONWriter {
  /// Writes a number, or `null` for `nil`.
  mutating func optionalNumber(_ value: Double?) {
    if let value { number(value) } else { null() }
  }
}

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
  package func renderJSON() -> [UInt8] {
    var json = JSONWriter()
    json.beginObject()
    json.field("field", string: field)
    json.field("lexicon_version", string: lexiconVersion)
    json.field("inputs", strings: inputs)
    json.key("records")
    summary.writeJSON(verb: "evaluated", to: &json)
    json.key("overall")
    json.beginObject()
    Self.write(overall, to: &json)
    json.endObject()
    if let groupField {
      json.key("by")
      json.beginObject()
      json.field("field", string: groupField)
      json.key("groups")
      json.beginArray()
      for group in groups {
        json.beginObject()
        json.field("value", string: group.value)
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
    json.field("records", integer: figures.records)
    json.key("dimensions")
    json.beginArray()
    for result in figures.agreement.dimensions {
      json.beginObject()
      json.field("dimension", string: result.dimension.id)
      json.field("records", integer: result.records)
      json.key("categories")
      json.beginArray()
      for item in result.categories {
        json.beginObject()
        json.field("category", string: item.category.id)
        json.field("in_lexicons", bool: item.category.inLexicons)
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
    if figures.hasCalibration { writeCalibration(figures, to: &json) }
    json.key("capability_confusion")
    json.beginArray()
    for cell in figures.confusion.cells {
      json.beginObject()
      json.field("gold", string: cell.reference)
      json.key("predicted")
      if let predicted = cell.predicted { json.string(predicted) } else { json.null() }
      json.field("count", integer: cell.count)
      json.endObject()
    }
    json.endArray()
  }

  /// `"calibration": [{"dimension", "predictions", "brier", "ece", "baseline_brier",
  /// "baseline_ece", "reliability": [{"lower", "upper", "count", "mean_confidence", "observed"}]}]`
  /// and `"review": {"records", "flagged", "flagged_share", "unflagged_accuracy",
  /// "flagged_accuracy", …counts}` into the open object.
  static func writeCalibration(_ figures: EvaluationFigures, to json: inout JSONWriter) {
    json.key("calibration")
    json.beginArray()
    for (dimension, tally) in figures.calibration where tally.count > 0 {
      json.beginObject()
      json.field("dimension", string: dimension)
      json.field("predictions", integer: tally.count)
      json.field("brier", optionalNumber: tally.brier.map(rounded))
      json.field("ece", optionalNumber: tally.expectedCalibrationError.map(rounded))
      json.field("baseline_brier", optionalNumber: tally.baselineBrier.map(rounded))
      json.field("baseline_ece", optionalNumber: tally.baselineExpectedCalibrationError.map(rounded))
      json.key("reliability")
      json.beginArray()
      for bin in tally.bins {
        json.beginObject()
        json.field("lower", number: bin.lower)
        json.field("upper", number: bin.upper)
        json.field("count", integer: bin.count)
        json.field("mean_confidence", optionalNumber: bin.meanProbability.map(rounded))
        json.field("observed", optionalNumber: bin.observedRate.map(rounded))
        json.endObject()
      }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    let review = figures.review
    json.key("review")
    json.beginObject()
    json.field("records", integer: review.records)
    json.field("flagged", integer: review.flagged)
    json.field("flagged_share", optionalNumber: review.flaggedShare.map(rounded))
    json.field("unflagged_with_gold_capability", integer: review.judgedUnflagged)
    json.field("unflagged_exact", integer: review.exactUnflagged)
    json.field("unflagged_accuracy", optionalNumber: review.unflaggedAccuracy.map(rounded))
    json.field("flagged_with_gold_capability", integer: review.judgedFlagged)
    json.field("flagged_exact", integer: review.exactFlagged)
    json.field("flagged_accuracy", optionalNumber: review.flaggedAccuracy.map(rounded))
    json.endObject()
  }

  /// Six decimals: figures that print the same on every machine.
  private static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

  /// `"gold", "predicted", "true_positives", "precision", "recall", "f1"` into the open object.
  static func writeSupport(_ table: AgreementTable, to json: inout JSONWriter) {
    json.field("gold", integer: table.referenceYes)
    json.field("predicted", integer: table.predictedYes)
    json.field("true_positives", integer: table.bothYes)
    json.field("precision", number: table.precision)
    json.field("recall", number: table.recall)
    json.field("f1", number: table.f1)
  }
}

extension MacroAverage {
  /// Writes the average as an object: `{"categories", "precision", "recall", "f1", "kappa"?}`.
  func writeJSON(kappa includeKappa: Bool, to json: inout JSONWriter) {
    json.beginObject()
    json.field("categories", integer: categories)
    json.field("precision", number: precision)
    json.field("recall", number: recall)
    json.field("f1", number: f1)
    if includeKappa {
      json.field("kappa", optionalNumber: kappa)
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
    json.field("records", integer: provinceRecords)
    json.field("correct", integer: provinceCorrect)
    json.field("accuracy", optionalNumber: provinceAccuracy)
    json.endObject()
    json.key("region")
    json.beginObject()
    json.field("records", integer: regionRecords)
    json.field("correct", integer: regionCorrect)
    json.field("accuracy", optionalNumber: regionAccuracy)
    json.endObject()
    json.key("null_province")
    json.beginObject()
    json.field("records", integer: nullProvinceRecords)
    json.field("assigned", integer: nullProvinceAssigned)
    json.endObject()
    json.endObject()
  }
}

extension ReadSummary {
  /// Writes `{"read", VERB, "failed", "without_reference", "duplicate_ids", "blank_lines", "unreadable_inputs"}`.
  func writeJSON(verb: String, to json: inout JSONWriter) {
    json.beginObject()
    json.field("read", integer: recordsRead)
    json.field(verb, integer: used)
    json.field("failed", integer: failed)
    json.field("without_reference", integer: withoutReference)
    json.field("duplicate_ids", integer: duplicateIDs)
    json.field("blank_lines", integer: blankLines)
    json.field("unreadable_inputs", integer: inputErrors.count)
    json.endObject()
  }
}

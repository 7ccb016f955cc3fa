extension Evaluation {
  /// The evaluation as aligned plain-text tables: per dimension the categories with their
  /// support and figures, then micro and macro averages, location accuracy and the capability
  /// confusion; with a grouping field, the same again for each group.
  ///
  /// - Returns: the report, ending with a newline.
  package func renderText() -> String {
    var lines: [String] = []
    let sources = inputs.joined(separator: ", ")
    lines.append(
      "govtag eval: \(NumberText.count(overall.records, "record")) from \(sources), gold labels in \"\(field)\", lexicons \(lexiconVersion)"
    )
    lines += Self.render(overall)
    for group in groups {
      lines.append("")
      lines.append("== \(groupField ?? "group") \(group.value): \(NumberText.count(group.figures.records, "record")) ==")
      lines += Self.render(group.figures)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The sections for one set of figures.
  static func render(_ figures: EvaluationFigures) -> [String] {
    var lines: [String] = []
    var missingFromLexicons = false
    for result in figures.agreement.dimensions {
      lines.append("")
      lines.append(
        "\(result.dimension.id) \(result.dimension.name) (\(NumberText.count(result.records, "record")) with gold labels)")
      var table = TextTable([
        ("category", .left), ("gold", .right), ("predicted", .right), ("tp", .right), ("precision", .right),
        ("recall", .right), ("f1", .right),
      ])
      for item in result.categories {
        let t = item.table
        let mark = item.category.inLexicons ? "" : " *"
        if !item.category.inLexicons { missingFromLexicons = true }
        table.add(
          [
            item.category.id + mark, String(t.referenceYes), String(t.predictedYes), String(t.bothYes),
          ] + TextTable.scores(t))
      }
      let micro = result.pooled
      table.add([
        "micro", String(micro.referenceYes), String(micro.predictedYes), String(micro.bothYes),
        NumberText.figure(micro.precision), NumberText.figure(micro.recall), NumberText.figure(micro.f1),
      ])
      let macro = result.macro
      table.add([
        "macro (\(macro.categories) of \(result.categories.count) categories)", "", "", "",
        NumberText.figure(macro.precision), NumberText.figure(macro.recall), NumberText.figure(macro.f1),
      ])
      lines += table.render()
    }
    if missingFromLexicons {
      lines.append("  * not defined in the lexicons: GovTag never assigns it")
    }
    let location = figures.location
    lines.append("")
    lines.append("location")
    lines.append(
      "  province accuracy  \(NumberText.figure(location.provinceAccuracy))  \(location.provinceCorrect) of \(NumberText.count(location.provinceRecords, "record")) with a gold province"
    )
    lines.append(
      "  region accuracy    \(NumberText.figure(location.regionAccuracy))  \(location.regionCorrect) of \(NumberText.count(location.regionRecords, "record")) with a gold region"
    )
    lines.append(
      "  gold province null: \(NumberText.count(location.nullProvinceRecords, "record")), GovTag gave a province to \(location.nullProvinceAssigned)"
    )
    if figures.hasCalibration { lines += renderCalibration(figures) }
    lines.append("")
    lines.append("capability confusion: gold categories GovTag missed, and what it assigned instead")
    let cells = figures.confusion.cells
    if cells.isEmpty {
      lines.append("  (no gold capability was missed)")
    } else {
      var table = TextTable([("gold", .left), ("assigned instead", .left), ("records", .right)])
      for cell in cells { table.add([cell.reference, cell.predicted ?? "(nothing else)", String(cell.count)]) }
      lines += table.render()
    }
    return lines
  }

  /// Brier score and expected calibration error per dimension against the uncalibrated
  /// baseline, the reliability table of each dimension, and what the review flags buy.
  static func renderCalibration(_ figures: EvaluationFigures) -> [String] {
    var lines = [
      "", "calibration: confidence against gold, every category of every record (baseline: score/threshold r read as r/(1+r))",
    ]
    var table = TextTable([
      ("dimension", .left), ("predictions", .right), ("brier", .right), ("baseline brier", .right), ("ece", .right),
      ("baseline ece", .right),
    ])
    for (dimension, tally) in figures.calibration where tally.count > 0 {
      table.add([
        dimension, String(tally.count), NumberText.figure(tally.brier), NumberText.figure(tally.baselineBrier),
        NumberText.figure(tally.expectedCalibrationError), NumberText.figure(tally.baselineExpectedCalibrationError),
      ])
    }
    lines += table.render()
    lines.append("")
    lines.append("reliability: per confidence bin, predictions, mean confidence and the share that applied")
    var reliability = TextTable(
      [("bin", .left)] + figures.calibration.filter { $0.figures.count > 0 }.map { ($0.dimension, TextTable.Alignment.right) })
    for bin in 0..<10 {
      var row = ["0.\(bin)–" + (bin == 9 ? "1.0" : "0.\(bin + 1)")]
      for (_, tally) in figures.calibration where tally.count > 0 {
        let cell = tally.bins[bin]
        row.append(
          cell.count == 0
            ? "—" : "\(cell.count): \(NumberText.figure(cell.meanProbability)) → \(NumberText.figure(cell.observedRate))")
      }
      reliability.add(row)
    }
    lines += reliability.render()
    let review = figures.review
    lines.append("")
    lines.append(
      "review: \(review.flagged) of \(NumberText.count(review.records, "record")) flagged (\(NumberText.figure(review.flaggedShare))); capability labels exactly right on \(NumberText.figure(review.unflaggedAccuracy)) of \(review.judgedUnflagged) unflagged and \(NumberText.figure(review.flaggedAccuracy)) of \(review.judgedFlagged) flagged records"
    )
    return lines
  }
}

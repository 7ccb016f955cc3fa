extension AnnotatorComparison {
  /// The comparison as plain text: per dimension a row per category (each annotator's count of
  /// yes, both yes, both no, observed agreement, kappa, disagreements and GovTag's side), the
  /// dimension pooled, then the overall pooled figures, the first `top` disagreements, and the
  /// province and region differences.
  ///
  /// - Parameters:
  ///   - top: how many disagreements and place differences to list; the JSON and CSV outputs
  ///     list them all.
  ///   - names: how the heading names the caller's setting for a comparison
  ///     (``SettingNames/Setting/compare``: `govtag audit --compare` on the command line), and
  ///     the notes under cut lists its `top`, `json` and `csv`; the default words them for a program.
  /// - Returns: the report, ending with a newline.
  package func renderText(top: Int = 20, names: SettingNames = SettingNames()) -> String {
    var lines: [String] = []
    let heading = names[.compare].map { "govtag audit \($0)" } ?? "govtag annotator comparison"
    lines.append(
      "\(heading): A = \(fileA), B = \(fileB), \(NumberText.count(matched, "record")) in both, labels in \"\(field)\", lexicons \(lexiconVersion)"
    )
    for (d, result) in agreement.dimensions.enumerated() where result.records > 0 {
      lines.append("")
      lines.append(
        "\(result.dimension.id) \(result.dimension.name) (\(NumberText.count(result.records, "record")) labelled by both)")
      var table = TextTable([
        ("category", .left), ("A yes", .right), ("B yes", .right), ("both yes", .right), ("both no", .right),
        ("agreement", .right), ("kappa", .right), ("disagree", .right), ("GovTag = A", .right), ("GovTag = B", .right),
      ])
      for (c, item) in result.categories.enumerated() {
        let t = item.table
        let side = sides[d][c]
        table.add([
          item.category.id, String(t.referenceYes), String(t.predictedYes), String(t.bothYes), String(t.bothNo),
          NumberText.figure(t.observedAgreement), NumberText.figure(t.kappa), String(t.disagreements),
          item.category.inLexicons ? String(side.withA) : "—", item.category.inLexicons ? String(side.withB) : "—",
        ])
      }
      let pooled = result.pooled
      let side = sides(ofDimension: d)
      table.add([
        "pooled", String(pooled.referenceYes), String(pooled.predictedYes), String(pooled.bothYes), String(pooled.bothNo),
        NumberText.figure(pooled.observedAgreement), NumberText.figure(pooled.kappa), String(pooled.disagreements),
        String(side.withA), String(side.withB),
      ])
      lines += table.render()
    }
    let pooled = self.pooled
    let side = overallSides
    lines.append("")
    lines.append(
      "overall, pooled over \(NumberText.count(pooled.total, "category decision")): agreement \(NumberText.figure(pooled.observedAgreement)), kappa \(NumberText.figure(pooled.kappa)); \(NumberText.count(pooled.disagreements, "disagreement")), GovTag sides with A in \(side.withA), with B in \(side.withB)"
    )
    let shown = disagreements.prefix(max(0, top))
    if !disagreements.isEmpty {
      lines.append("")
      lines.append("Disagreements: \(NumberText.count(disagreements.count, "category decision")), in A's order")
      for (index, item) in shown.enumerated() {
        let govtag = item.govtag.map { $0 ? "yes" : "no" } ?? "— (not in the lexicons)"
        lines.append(
          "\(AuditReport.rank(index))\(item.id) (A \(item.locationA), B \(item.locationB))  \(item.dimension).\(item.category): A \(item.a ? "yes" : "no"), B \(item.a ? "no" : "yes"), GovTag \(govtag)"
        )
      }
      if disagreements.count > shown.count { lines.append(AuditReport.more(disagreements.count - shown.count, names)) }
    }
    if placeCounts.provinceRecords + placeCounts.regionRecords > 0 {
      lines.append("")
      lines.append(
        "location: provinces differ in \(placeCounts.provinceDifferences) of \(NumberText.count(placeCounts.provinceRecords, "record")) with a province (or null) from both, regions in \(placeCounts.regionDifferences) of \(NumberText.count(placeCounts.regionRecords, "record")) with a region (or null) from both"
      )
      let places = placeDifferences.prefix(max(0, top))
      for (index, difference) in places.enumerated() {
        var govtag: [String] = []
        if difference.place.province != nil { govtag.append("province \(difference.govtagProvince ?? "none")") }
        if difference.place.region != nil { govtag.append("region \(difference.govtagRegion?.rawValue ?? "none")") }
        lines.append(
          "\(AuditReport.rank(index))\(difference.place.id) (A \(difference.place.location), B \(difference.locationB))  \(difference.place.describe(("A", "B"))); GovTag \(govtag.joined(separator: ", "))"
        )
      }
      if placeDifferences.count > places.count { lines.append(AuditReport.more(placeDifferences.count - places.count, names)) }
    }
    if !onlyInA.isEmpty || !onlyInB.isEmpty {
      lines.append(
        "not compared: \(onlyInA.count) only in A (\(onlyInA.map(\.id).joined(separator: ", "))), \(onlyInB.count) only in B (\(onlyInB.map(\.id).joined(separator: ", ")))"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

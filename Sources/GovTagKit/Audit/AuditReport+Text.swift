extension AuditReport {
  /// The report as plain text: the agreement table of every category, location agreement, then
  /// the `top` most suspicious disagreements with their evidence, and with `terms` the `top`
  /// terms to review.
  ///
  /// - Parameters:
  ///   - top: how many suspects (and terms) to show; the JSON and CSV outputs list them all.
  ///   - terms: whether to add the term accountability table.
  ///   - names: how the notes under cut lists name the caller's settings (``SettingNames/Setting/top``,
  ///     `json`, `csv`); the default words them for a program.
  /// - Returns: the report, ending with a newline.
  package func renderText(top: Int, terms showTerms: Bool, names: SettingNames = SettingNames()) -> String {
    var lines: [String] = []
    lines.append(
      "govtag audit: \(NumberText.count(records, "record")) from \(inputs.joined(separator: ", ")), manual labels in \"\(field)\", lexicons \(lexiconVersion)"
    )
    lines += renderAgreement()
    lines.append("")
    lines += renderSuspects(top: top, names: names)
    if location.provinceRecords + location.nullProvinceRecords + location.regionRecords > 0 {
      lines.append("")
      lines += renderLocationDisagreements(top: top, names: names)
    }
    if showTerms {
      lines.append("")
      lines += renderTerms(top: top, names: names)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Per dimension: a row per category and the macro averages.
  func renderAgreement() -> [String] {
    var lines: [String] = []
    var missingFromLexicons = false
    for result in agreement.dimensions where result.records > 0 {
      lines.append("")
      lines.append(
        "\(result.dimension.id) \(result.dimension.name) (\(NumberText.count(result.records, "record")) with manual labels)")
      var table = TextTable([
        ("category", .left), ("manual", .right), ("govtag", .right), ("both yes", .right), ("both no", .right),
        ("agreement", .right), ("kappa", .right), ("precision", .right), ("recall", .right),
      ])
      for item in result.categories {
        let t = item.table
        if !item.category.inLexicons { missingFromLexicons = true }
        table.add(
          [
            item.category.id + (item.category.inLexicons ? "" : " *"), String(t.referenceYes), String(t.predictedYes),
            String(t.bothYes), String(t.bothNo), NumberText.figure(t.observedAgreement), NumberText.figure(t.kappa),
          ] + TextTable.scores(t).prefix(2))
      }
      let macro = result.macro
      table.add([
        "macro (\(macro.categories) of \(result.categories.count) categories)", "", "", "", "", "",
        NumberText.figure(macro.kappa), NumberText.figure(macro.precision), NumberText.figure(macro.recall),
      ])
      lines += table.render()
    }
    if missingFromLexicons {
      lines.append("  * not defined in the lexicons: GovTag never assigns it, and its disagreements are not suspects")
    }
    if location.provinceRecords + location.nullProvinceRecords + location.regionRecords > 0 {
      lines.append("")
      lines.append("location")
      lines.append(
        "  province agreement  \(NumberText.figure(location.provinceAccuracy))  \(location.provinceCorrect) of \(NumberText.count(location.provinceRecords, "record")) with a manual province"
      )
      lines.append(
        "  region agreement    \(NumberText.figure(location.regionAccuracy))  \(location.regionCorrect) of \(NumberText.count(location.regionRecords, "record")) with a manual region"
      )
      lines.append(
        "  manual province null: \(NumberText.count(location.nullProvinceRecords, "record")), GovTag gave a province to \(location.nullProvinceAssigned)"
      )
    }
    return lines
  }

  /// The top suspects, each with its evidence.
  func renderSuspects(top: Int, names: SettingNames = SettingNames()) -> [String] {
    guard !suspects.isEmpty else {
      // No decision at all (every record's manual labels empty, `{}`) is no agreement.
      guard agreement.pooled.total > 0 else {
        return ["Suspects: none; no category was compared: no record's manual labels annotate a dimension"]
      }
      return ["Suspects: none; the manual labels and GovTag agree on every category"]
    }
    let shown = suspects.prefix(max(0, top))
    let calibrated = suspects.contains { $0.wrongProbability != nil }
    var lines = [
      calibrated
        ? "Suspects: \(NumberText.count(suspects.count, "disagreement")), likeliest wrong manual label first (P(wrong): how likely the manual label is wrong, from GovTag's confidence and the record's other manual labels)"
        : "Suspects: \(NumberText.count(suspects.count, "disagreement")), most suspicious first (suspicion 1 = no evidence behind a manual yes, 0 = borderline)"
    ]
    for (index, suspect) in shown.enumerated() {
      let manual = suspect.manual ? "yes" : "no"
      let govtag = suspect.predicted ? "yes" : "no"
      lines.append(
        "\(Self.rank(index))\(suspect.id) (\(suspect.location))  \(suspect.dimension).\(suspect.category): manual \(manual), GovTag \(govtag), score \(Tagger.format(suspect.score)) of \(Tagger.format(suspect.threshold)), suspicion \(NumberText.figure(suspect.suspicion))"
          + (suspect.wrongProbability.map { ", P(wrong) \(NumberText.figure($0))" } ?? "")
      )
      if let reason = suspect.govtagReason { lines.append("      " + reason) }
      if suspect.evidence.isEmpty {
        lines.append("      no evidence: no term of the category occurs in the record")
      }
      for hit in suspect.evidence {
        let effect =
          hit.status == .counted
          ? "+" + Tagger.format(hit.contribution) : "not counted: " + (hit.status.explanation ?? hit.status.code)
        lines.append("      \(hit.term)  \(effect)  \(hit.field.rawValue)  …\(hit.context)…  (\(hit.source))")
      }
    }
    if suspects.count > shown.count { lines.append(Self.more(suspects.count - shown.count, names)) }
    return lines
  }

  /// The records whose manual province or region differs from GovTag's, the first `top` of them.
  func renderLocationDisagreements(top: Int, names: SettingNames = SettingNames()) -> [String] {
    guard !locationDisagreements.isEmpty else {
      return ["Location disagreements: none; GovTag's province and region agree with every manual one"]
    }
    let count = locationDisagreements.count
    var lines = [
      "Location disagreements: \(NumberText.count(count, "record")) whose manual province or region differs from GovTag's"
    ]
    let shown = locationDisagreements.prefix(max(0, top))
    let judges = (reference: "manual", other: "GovTag")
    for (index, place) in shown.enumerated() {
      lines.append("\(Self.rank(index))\(place.id) (\(place.location))  \(place.describe(judges))")
    }
    if count > shown.count { lines.append(Self.more(count - shown.count, names)) }
    return lines
  }

  /// `  1. `: a list number right-aligned in three columns, for the audit's and the comparison's lists.
  static func rank(_ index: Int) -> String {
    "\(String(repeating: " ", count: max(0, 3 - String(index + 1).count)))\(index + 1). "
  }

  /// The note under a cut list of `count` more items: `  … and 4 more: --top N shows more, --json
  /// or --csv FILE lists them all` on the command line.
  static func more(_ count: Int, _ names: SettingNames) -> String {
    var listAll = "the JSON or CSV output lists them all"
    if let json = names[.json], let csv = names[.csv] { listAll = "\(json) or \(csv) FILE lists them all" }
    return "  … and \(count) more: \(showMore(names)), \(listAll)"
  }

  /// How the note under a cut list says to show more: `--top N shows more` on the command line.
  static func showMore(_ names: SettingNames) -> String {
    names[.top].map { "\($0) N shows more" } ?? "a larger top shows more"
  }

  /// The term accountability table.
  func renderTerms(top: Int, names: SettingNames = SettingNames()) -> [String] {
    guard !terms.isEmpty else { return ["Terms: no lexicon term fired in any record"] }
    var lines = [
      "Terms to review: \(NumberText.count(terms.count, "term")) fired; most false firings first, then lowest precision"
    ]
    var table = TextTable([
      ("term", .left), ("category", .left), ("fired", .right), ("judged", .right), ("confirmed", .right),
      ("precision", .right), ("false", .right), ("sole", .right), ("lexicon", .left),
    ])
    for entry in terms.prefix(max(0, top)) {
      table.add([
        entry.term, entry.dimension + "." + entry.category, String(entry.records), String(entry.judged),
        String(entry.confirmed), NumberText.figure(entry.precision), String(entry.falseFirings), String(entry.soleEvidence),
        entry.source.description,
      ])
    }
    lines += table.render()
    if terms.count > top {
      let listAll = names[.json].map { "\($0) lists them all" } ?? "the JSON output lists them all"
      lines.append("  … and \(terms.count - top) more: \(Self.showMore(names)), \(listAll)")
    }
    lines.append(
      "  fired: records with a counted hit; judged: of those, records whose manual labels cover the dimension; false: judged records without the category; sole: records where it alone carried an assigned label"
    )
    return lines
  }
}

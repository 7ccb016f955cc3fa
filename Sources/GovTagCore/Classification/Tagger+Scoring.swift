extension Tagger {
  /// Turns evidence into scores, labels and review flags.
  ///
  /// Hits count in document order, title first. The k-th counted hit of a term (k = 0, 1, …)
  /// contributes `weight × decay^k`, times the title boost in the title. `textLength` is the
  /// text's length in characters where it is below the short-text limit (it only decides that).
  func score(_ evidence: consuming [Evidence], textLength: Int) -> Classification {
    let configuration = model.configuration
    var evidence = evidence
    // Counted hits per term so far, in a per-tagger array (reset below), not a dictionary.
    if termRepeats.count < model.termCount {
      termRepeats = [Int32](repeating: 0, count: model.termCount)
      termDecayedWeight = [Double](repeating: 0, count: model.termCount)
    }
    defer { for hit in evidence { termRepeats[hit.termIndex] = 0 } }
    var totals = [Double](repeating: 0, count: model.categoryCount)
    if evidence.contains(where: { if case .background = $0.status { true } else { false } }) {
      Self.markBackgroundAlone(&evidence, categoryCount: model.categoryCount)
    }
    for index in evidence.indices where evidence[index].status.counts {
      let hit = evidence[index]
      // weight × decay^k, built one multiplication per hit from the term's previous hit (the
      // same left-to-right products as multiplying k times, so bit-identical): linear in the
      // repeats, where a loop per hit was quadratic.
      var contribution = hit.weight
      if termRepeats[hit.termIndex] != 0 { contribution = termDecayedWeight[hit.termIndex] * configuration.repeatDecay }
      termDecayedWeight[hit.termIndex] = contribution
      termRepeats[hit.termIndex] &+= 1
      if hit.field == .title { contribution *= configuration.titleBoost }
      if hit.status == .inQuotedTitle { contribution *= configuration.quotedTitleFactor }
      if case .background = hit.status { contribution *= configuration.backgroundFactor }
      contribution = Self.rounded(contribution)
      evidence[index].contribution = contribution
      totals[hit.categoryIndex] += contribution
    }
    var dimensions: [Classification.DimensionResult] = []
    var reasons: [Review.Reason] = []
    for (d, dimension) in model.lexicons.dimensions.enumerated() {
      var scores: [Classification.CategoryScore] = []
      let base = model.categoryBase[d]
      let top = dimension.categories.indices.map { totals[base + $0] }.max() ?? 0
      let floor = Self.rounded(top * dimension.relativeThreshold)
      for (c, category) in dimension.categories.enumerated() {
        let score = Self.rounded(totals[base + c])
        scores.append(
          Classification.CategoryScore(
            category: category.id, score: score, threshold: category.threshold,
            assigned: score >= category.threshold && score >= floor))
        let margin = category.threshold * configuration.reviewMargin
        if score > 0, abs(score - category.threshold) < margin || score == category.threshold {
          let side = score >= category.threshold ? "just reaches" : "falls just short of"
          reasons.append(
            Review.Reason(
              code: "near_threshold", category: "\(dimension.id).\(category.id)",
              message:
                "\(category.id) scores \(Self.format(score)), which \(side) its threshold \(Self.format(category.threshold))"))
        }
      }
      let labels = scores.filter(\.assigned).sorted { ($1.score, $0.category) < ($0.score, $1.category) }.map(\.category)
      dimensions.append(Classification.DimensionResult(dimension: dimension.id, labels: labels, scores: scores))
    }
    if model.hasImplications { Self.applyImplications(of: model.lexicons, to: &dimensions, reasons: &reasons) }
    if let capability = dimensions.first(where: { $0.dimension == "capability" }), capability.labels.isEmpty {
      reasons.insert(
        Review.Reason(code: "no_capability", category: nil, message: "no capability reaches its threshold"), at: 0)
    }
    if textLength < configuration.shortTextLimit {
      reasons.append(
        Review.Reason(
          code: "short_text", category: nil,
          message: "the text has \(textLength) characters, too few to judge reliably"))
    }
    return Classification(dimensions: dimensions, evidence: evidence, review: Review(reasons: reasons))
  }

  /// Marks the background hits of every category that has no other counting hit in the record
  /// (title or text): what only the scene names, the case does not do (docs/TAXONOMY.md: a label
  /// needs the case's own action). A background hit beside a hit of the case's own still counts
  /// half.
  static func markBackgroundAlone(_ evidence: inout [Evidence], categoryCount: Int) {
    var own = [Bool](repeating: false, count: categoryCount)
    for hit in evidence where hit.status.counts {
      if case .background = hit.status { continue }
      own[hit.categoryIndex] = true
    }
    for index in evidence.indices where !own[evidence[index].categoryIndex] {
      if case .background(let cue) = evidence[index].status { evidence[index].status = .backgroundAlone(cue: cue) }
    }
  }

  /// Assigns the categories whose lexicon says `implied_by: D` when dimension `D` assigned any
  /// label (any of those it lists, with `implied_by: {D: [...]}`; with `implied_when_alone: true`,
  /// only when no other category of the category's own dimension is assigned), after every
  /// dimension has been scored on its own terms. The loader guarantees that
  /// `D` is not implied itself, so one pass settles everything. A category assigned this way
  /// needs no near-threshold review of its own score: its score did not decide.
  ///
  /// Runs again after the confidence curves relabel (see Tagger+Confidence.swift): a category
  /// that only the implication assigned follows its source's final labels, and loses the label
  /// when the source has none left.
  static func applyImplications(
    of lexicons: LexiconSet, to dimensions: inout [Classification.DimensionResult], reasons: inout [Review.Reason]
  ) {
    for (d, dimension) in lexicons.dimensions.enumerated() {
      var changed = false
      for (c, category) in dimension.categories.enumerated() {
        guard let source = category.impliedBy, let sourceResult = dimensions.first(where: { $0.dimension == source })
        else { continue }
        // implied_when_alone: only when no other category of the dimension is assigned.
        let alone =
          !category.impliedWhenAlone || !dimensions[d].scores.indices.contains { $0 != c && dimensions[d].scores[$0].assigned }
        let implying =
          alone
          ? sourceResult.labels.filter { category.impliedByCategories?.contains($0) ?? true }.map { source + "." + $0 } : []
        let current = dimensions[d].scores[c]
        if !current.impliedBy.isEmpty {
          // Assigned by the implication alone before: follow the source.
          guard current.impliedBy != implying || current.assigned == implying.isEmpty else { continue }
          dimensions[d].scores[c].impliedBy = implying
          dimensions[d].scores[c].assigned = !implying.isEmpty
        } else {
          guard !current.assigned, !implying.isEmpty else { continue }
          dimensions[d].scores[c].assigned = true
          dimensions[d].scores[c].impliedBy = implying
          let qualified = dimension.id + "." + category.id
          reasons.removeAll { $0.code == "near_threshold" && $0.category == qualified }
        }
        changed = true
      }
      if changed {
        dimensions[d].labels = dimensions[d].scores.filter(\.assigned)
          .sorted { ($1.score, $0.category) < ($0.score, $1.category) }.map(\.category)
      }
    }
  }

  /// Rounds to three decimals, so scores print the same on every machine.
  package static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

  /// A score as people read it: `3`, `2.5`, `1.75`.
  package static func format(_ value: Double) -> String { ScoreFormat.text(value) }
}

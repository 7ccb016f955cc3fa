/// Runs `govtag audit`: labels every manually labelled record with GovTag and collects the
/// agreement figures, the suspects and the term accountability.
package struct Auditor: Sendable {
  /// The compiled lexicons.
  package var model: ClassifierModel
  /// The field holding the manual labels.
  package var field: ReferenceLabels.Field
  /// Worker threads.
  package var jobs: Int

  /// Creates an auditor.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons.
  ///   - field: the field holding the manual labels (by default `manual`, changed with `--field`).
  ///   - jobs: worker threads, at least 1.
  package init(model: ClassifierModel, field: ReferenceLabels.Field = .init(name: "manual"), jobs: Int) {
    self.model = model
    self.field = field
    self.jobs = max(1, jobs)
  }

  /// Audits the records of `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: JSON Lines paths; `-` is standard input.
  ///   - onProblem: called for every skipped record and unreadable input, in input order.
  /// - Returns: the report.
  /// - Throws: `GovTagError` when an input fails midway or ICU cannot start.
  package func audit(inputs: [String], onProblem: (CorpusProblem) -> Void = { _ in }) throws -> AuditReport {
    let space = LabelSpace(model: model)
    let relativeThresholds = Dictionary(
      model.lexicons.dimensions.map { ($0.id, $0.relativeThreshold) }, uniquingKeysWith: { first, _ in first })
    var agreement = AgreementTally(space: space)
    var location = LocationAgreement()
    var terms = TermAccountability()
    var suspects: [Suspect] = []
    var places: [LocationDisagreement] = []
    var records = 0
    let reader = AnnotatedCorpusReader(model: model, field: field, jobs: jobs)
    let summary = try reader.run(
      inputs: inputs,
      job: { tagger, record in try tagger.classify(title: record.document.title, text: record.document.text) },
      consume: { record, classification in
        records += 1
        agreement.add(reference: record.labels, classification: classification)
        location.add(reference: record.labels, predicted: classification.location)
        if let place = LocationDisagreement.between(
          reference: record.labels, predicted: classification.location, id: record.document.id, at: record.location)
        {
          places.append(place)
        }
        terms.add(reference: record.labels, classification: classification)
        suspects += Self.suspects(
          in: record, classification, space: space, labelContext: model.calibration?.labelContext,
          relativeThresholds: relativeThresholds)
      },
      onProblem: onProblem)
    suspects.sort(by: Suspect.ranksBefore)
    return AuditReport(
      field: field.name, lexiconVersion: model.rulesVersion, inputs: inputs, records: records, agreement: agreement,
      location: location, suspects: suspects, locationDisagreements: places, terms: terms.ranked, summary: summary)
  }

  /// The disagreements of one record, on the categories the lexicons define and the dimensions
  /// its manual labels cover.
  ///
  /// - Parameters:
  ///   - record: the record and its manual labels.
  ///   - classification: GovTag's labels and confidences for it.
  ///   - space: the dimensions and categories compared.
  ///   - labelContext: the calibration's label-context model: with it, the probability that a
  ///     manual label is wrong also reads the record's other manual labels; without it, the
  ///     confidence alone.
  ///   - relativeThresholds: each dimension's relative threshold (a share of its top score), to
  ///     say why GovTag said no to a category whose score reaches its threshold.
  /// - Returns: the suspects, in the taxonomy's order.
  static func suspects(
    in record: AnnotatedRecord, _ classification: Classification, space: LabelSpace, labelContext: LabelContextModel?,
    relativeThresholds: [String: Double] = [:]
  ) -> [Suspect] {
    var result: [Suspect] = []
    var order = 0
    for dimension in space.dimensions {
      let manual = record.labels.categories[dimension.id]
      let assigned = Set(classification.labels(dimension.id))
      let scores = classification.dimensions.first { $0.dimension == dimension.id }?.scores ?? []
      for category in dimension.categories {
        defer { order += 1 }
        guard let manual, let threshold = category.threshold else { continue }
        let isManual = manual.contains(category.id)
        let isPredicted = assigned.contains(category.id)
        guard isManual != isPredicted else { continue }
        let categoryScore = scores.first { $0.category == category.id }
        let score = categoryScore?.score ?? 0
        let confidence = categoryScore?.confidence
        let applies = confidence.map {
          labelContext?.probability(
            dimension: dimension.id, category: category.id, confidence: $0, labels: record.labels.categories) ?? $0
        }
        result.append(
          Suspect(
            id: record.document.id, location: record.location, dimension: dimension.id, category: category.id,
            manual: isManual, predicted: isPredicted, score: score, threshold: threshold,
            suspicion: Suspect.suspicion(manual: isManual, score: score, threshold: threshold),
            confidence: confidence,
            wrongProbability: applies.map { Suspect.wrongProbability(manual: isManual, confidence: $0) },
            govtagReason: categoryScore.flatMap {
              Self.reason(
                for: $0, top: scores.reduce(0) { max($0, $1.score) }, relativeThreshold: relativeThresholds[dimension.id] ?? 0)
            },
            evidence: classification.evidence.filter { $0.dimension == dimension.id && $0.category == category.id },
            order: order))
      }
    }
    return result
  }

  /// Why GovTag decided against its own score (a yes below the threshold, a no at or above it),
  /// in words for the suspect's line; `nil` when the score decided.
  ///
  /// - Parameters:
  ///   - score: GovTag's verdict on the category.
  ///   - top: the dimension's top score in the record.
  ///   - relativeThreshold: the dimension's relative threshold (0 when it has none).
  /// - Returns: `GovTag yes: implied by data_element.data_sharing (the lexicon's implied_by), not by its own score`,
  ///   `GovTag no at the threshold or above: kept out by the relative rule, below 18, 50% of the top
  ///   score 36`, or what the confidence decided.
  static func reason(for score: Classification.CategoryScore, top: Double, relativeThreshold: Double) -> String? {
    let reaches = score.score >= score.threshold
    guard score.assigned != reaches else { return nil }
    if score.assigned {
      if !score.impliedBy.isEmpty {
        return
          "GovTag yes: implied by \(score.impliedBy.joined(separator: ", ")) (the lexicon's implied_by), not by its own score"
      }
      return score.confidence.map { "GovTag yes below the threshold: its confidence \(NumberText.figure($0)) is ½ or more" }
    }
    let floor = Tagger.rounded(top * relativeThreshold)
    if score.score < floor {
      return
        "GovTag no at the threshold or above: kept out by the relative rule, below \(Tagger.format(floor)), \(Tagger.format(relativeThreshold * 100))% of the top score \(Tagger.format(top))"
    }
    return score.confidence.map { "GovTag no at the threshold or above: its confidence \(NumberText.figure($0)) is below ½" }
  }
}

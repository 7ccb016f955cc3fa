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
        suspects += Self.suspects(in: record, classification, space: space, labelContext: model.calibration?.labelContext)
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
  /// - Returns: the suspects, in the taxonomy's order.
  static func suspects(
    in record: AnnotatedRecord, _ classification: Classification, space: LabelSpace, labelContext: LabelContextModel?
  ) -> [Suspect] {
    var result: [Suspect] = []
    var order = 0
    for dimension in space.dimensions {
      let manual = record.labels.categories[dimension.id]
      let assigned = Set(classification.labels(dimension.id))
      for category in dimension.categories {
        defer { order += 1 }
        guard let manual, let threshold = category.threshold else { continue }
        let isManual = manual.contains(category.id)
        let isPredicted = assigned.contains(category.id)
        guard isManual != isPredicted else { continue }
        let categoryScore = classification.dimensions.first { $0.dimension == dimension.id }?.scores
          .first { $0.category == category.id }
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
            suspicion: Suspect.suspicion(score: score, threshold: threshold),
            confidence: confidence,
            wrongProbability: applies.map { Suspect.wrongProbability(manual: isManual, confidence: $0) },
            evidence: classification.evidence.filter { $0.dimension == dimension.id && $0.category == category.id },
            order: order))
      }
    }
    return result
  }
}

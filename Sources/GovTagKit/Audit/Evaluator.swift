/// Runs `govtag eval`: labels every gold record with GovTag and compares.
package struct Evaluator: Sendable {
  /// The compiled lexicons.
  package var model: ClassifierModel
  /// The field holding the gold labels.
  package var field: ReferenceLabels.Field
  /// A record field to group figures by (`year`), or `nil`.
  package var groupBy: String?
  /// Worker threads.
  package var jobs: Int

  /// Creates an evaluator.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons.
  ///   - field: the field holding the gold labels (by default `gold`, changed with `--field`).
  ///   - groupBy: a field to group figures by, or `nil`.
  ///   - jobs: worker threads, at least 1.
  package init(
    model: ClassifierModel, field: ReferenceLabels.Field = .init(name: "gold"),
    groupBy: String? = nil, jobs: Int
  ) {
    self.model = model
    self.field = field
    self.groupBy = groupBy
    self.jobs = max(1, jobs)
  }

  /// Evaluates the records of `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: JSON Lines paths; `-` is standard input.
  ///   - onProblem: called for every skipped record and unreadable input, in input order.
  /// - Returns: the figures.
  /// - Throws: `GovTagError` when an input fails midway or ICU cannot start.
  package func evaluate(inputs: [String], onProblem: (CorpusProblem) -> Void = { _ in }) throws -> Evaluation {
    let space = LabelSpace(model: model)
    var overall = EvaluationFigures(space: space)
    var groups: [String: EvaluationFigures] = [:]
    let reader = AnnotatedCorpusReader(model: model, field: field, jobs: jobs)
    let groupBy = self.groupBy
    let summary = try reader.run(
      inputs: inputs,
      job: { tagger, record in try tagger.classify(title: record.document.title, text: record.document.text) },
      consume: { record, classification in
        overall.add(reference: record.labels, classification: classification)
        if let groupBy {
          let value = Evaluation.groupValue(record.document.fields[groupBy])
          groups[value, default: EvaluationFigures(space: space)].add(reference: record.labels, classification: classification)
        }
      },
      onProblem: onProblem)
    return Evaluation(
      field: field.name, lexiconVersion: model.rulesVersion, inputs: inputs, overall: overall, groupField: groupBy,
      groups: groups.sorted { Evaluation.groupOrder($0.key, $1.key) }.map { Evaluation.Group(value: $0.key, figures: $0.value) },
      summary: summary)
  }
}

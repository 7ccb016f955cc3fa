/// Runs `govtag calibrate`: labels every gold record with GovTag, turns each (record, category)
/// of the dimensions its gold labels cover into a ``CalibrationFitter/Example``, and fits the
/// confidence curves.
///
/// Reading gold records is this layer's job; the fitting itself knows nothing of records.
package struct CalibrationRun: Sendable {
  /// The compiled lexicons, without calibration (the curves are fitted to them).
  package var model: ClassifierModel
  /// The field holding the gold labels.
  package var field: ReferenceLabels.Field
  /// Worker threads.
  package var jobs: Int
  /// The fitter's settings.
  package var fitter = CalibrationFitter()
  /// Whether the folds are the records' parts (``part(of:)``) instead of the fitter's random folds.
  package var foldsByPart = false

  /// Creates a run.
  package init(model: ClassifierModel, field: ReferenceLabels.Field = .init(name: "gold"), jobs: Int) {
    self.model = model
    self.field = field
    self.jobs = max(1, jobs)
  }

  /// What `govtag calibrate` reports besides the file.
  package struct Result: Sendable {
    /// The fitted curves.
    package var calibration: CalibrationModel
    /// Per dimension, held-out figures of the cross-validation.
    package var dimensions: [DimensionFigures]
    /// How many records were read, used and skipped.
    package var summary: ReadSummary
  }

  /// Held-out figures of one dimension.
  package struct DimensionFigures: Sendable {
    /// The dimension id.
    package var dimension: String
    /// Gold records that label it.
    package var records: Int
    /// Calibration of the held-out probabilities.
    package var heldOut: CalibrationFigures
  }

  /// Fits the curves on the gold records of `inputs`.
  ///
  /// - Parameters:
  ///   - inputs: JSON Lines paths; `-` is standard input.
  ///   - onProblem: called for every skipped record and unreadable input, in input order.
  /// - Returns: the model and its cross-validated figures.
  /// - Throws: `GovTagError` when an input fails midway or ICU cannot start.
  package func run(inputs: [String], onProblem: (CorpusProblem) -> Void = { _ in }) throws -> Result {
    let dimensions = model.lexicons.dimensions
    var examples = dimensions.map { dimension in
      CalibrationFitter.DimensionExamples(dimension: dimension.id, categories: dimension.categories.map(\.id), records: [])
    }
    var recordCount = 0
    var parts: [String: Int] = [:]
    var groups: [Int] = []
    let reader = AnnotatedCorpusReader(model: model, field: field, jobs: jobs)
    let summary = try reader.run(
      inputs: inputs,
      job: { tagger, record in
        try tagger.classify(title: record.document.title, text: record.document.text, nearMisses: false, features: true)
      },
      consume: { record, classification in
        for (d, result) in classification.dimensions.enumerated() {
          guard let gold = record.labels.categories[result.dimension] else { continue }
          let row = result.scores.map { score in
            CalibrationFitter.Example(features: score.features!, applies: gold.contains(score.category))
          }
          examples[d].records.append((recordCount, row))
        }
        let part = Self.part(of: record.document.id)
        groups.append(parts[part] ?? parts.count)
        if parts[part] == nil { parts[part] = parts.count }
        recordCount += 1
      },
      onProblem: onProblem)
    var fitter = self.fitter
    if foldsByPart { fitter.groups = groups }
    let (fitted, heldOut) = fitter.fit(
      examples, recordCount: recordCount, lexiconVersion: model.lexiconRulesVersion, inputs: inputs)
    var calibration = fitted
    calibration.field = field.name
    let figures = zip(examples, heldOut).map { data, held in
      var tally = CalibrationFigures()
      for (r, record) in data.records.enumerated() {
        for (c, example) in record.examples.enumerated() {
          tally.add(probability: held.probabilities[r][c], applies: example.applies, baseline: nil)
        }
      }
      return DimensionFigures(dimension: data.dimension, records: data.records.count, heldOut: tally)
    }
    return Result(calibration: calibration, dimensions: figures, summary: summary)
  }

  /// The part a record belongs to, from its id: the id without its trailing number and the
  /// separators before it (`dev-v017` → `dev-v`, `gt2-013` → `gt2`), so each writer or submission
  /// round of the corpus is one part; an id without a number is its own part.
  package static func part(of id: String) -> String {
    var end = id.endIndex
    while end > id.startIndex, id[id.index(before: end)].isASCII, id[id.index(before: end)].isNumber {
      end = id.index(before: end)
    }
    while end > id.startIndex, "-_.".contains(id[id.index(before: end)]) { end = id.index(before: end) }
    return end == id.startIndex ? id : String(id[..<end])
  }
}

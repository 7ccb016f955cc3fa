/// The figures of `govtag eval` over one set of records: per-category precision, recall and F1
/// with micro and macro averages, location accuracy, and the capability confusion.
package struct EvaluationFigures: Sendable {
  /// Records counted.
  package private(set) var records = 0
  /// Per-category tables (gold as reference, GovTag as second judge).
  package private(set) var agreement: AgreementTally
  /// Province and region accuracy.
  package private(set) var location = LocationAgreement()
  /// For each gold capability GovTag missed, what it assigned instead.
  package private(set) var confusion = MissConfusion(dimension: "capability")

  /// Per dimension of the lexicons, in their order: how well confidences match the gold labels
  /// (empty figures when the lexicons are not calibrated).
  package private(set) var calibration: [(dimension: String, figures: CalibrationFigures)] = []
  /// Flagged records and the capability accuracy of flagged and unflagged ones.
  package private(set) var review = ReviewTally()

  /// Whether any confidence was counted (the lexicons are calibrated).
  package var hasCalibration: Bool { calibration.contains { $0.figures.count > 0 } }

  /// Creates empty figures over `space`.
  package init(space: LabelSpace) {
    agreement = AgreementTally(space: space)
    calibration = space.dimensions.map { ($0.id, CalibrationFigures()) }
  }

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: its gold labels.
  ///   - classification: GovTag's labels.
  package mutating func add(reference: ReferenceLabels, classification: Classification) {
    records += 1
    agreement.add(reference: reference, classification: classification)
    location.add(reference: reference, predicted: classification.location)
    confusion.add(reference: reference, predicted: classification.labels(confusion.dimension))
    review.add(reference: reference, classification: classification)
    for index in calibration.indices {
      let id = calibration[index].dimension
      guard let gold = reference.categories[id], let result = classification.dimensions.first(where: { $0.dimension == id })
      else { continue }
      for score in result.scores {
        guard let confidence = score.confidence else { continue }
        calibration[index].figures.add(
          probability: confidence, applies: gold.contains(score.category),
          baseline: CalibrationFigures.baseline(score: score.score, threshold: score.threshold))
      }
    }
  }

  /// The macro average of dimension `id`, or `nil` when the lexicons do not define it.
  package func macro(_ id: String) -> MacroAverage? {
    agreement.dimensions.first { $0.dimension.id == id }?.macro
  }
}

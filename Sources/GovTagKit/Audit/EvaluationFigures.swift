/// The figures of `govtag eval` over one set of records: per-category precision, recall and F1
/// with micro and macro averages, location accuracy, and the capability confusion.
public struct EvaluationFigures: Sendable {
  /// Records counted.
  public private(set) var records = 0
  /// Per-category tables (gold as reference, GovTag as second judge).
  public private(set) var agreement: AgreementTally
  /// Province and region accuracy.
  public private(set) var location = LocationAgreement()
  /// For each gold capability GovTag missed, what it assigned instead.
  public private(set) var confusion = MissConfusion(dimension: "capability")

  /// Creates empty figures over `space`.
  public init(space: LabelSpace) { agreement = AgreementTally(space: space) }

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: its gold labels.
  ///   - classification: GovTag's labels.
  public mutating func add(reference: ReferenceLabels, classification: Classification) {
    records += 1
    agreement.add(reference: reference, classification: classification)
    location.add(reference: reference, predicted: classification.location)
    confusion.add(reference: reference, predicted: classification.labels(confusion.dimension))
  }

  /// The macro average of dimension `id`, or `nil` when the lexicons do not define it.
  public func macro(_ id: String) -> MacroAverage? {
    agreement.dimensions.first { $0.dimension.id == id }?.macro
  }
}

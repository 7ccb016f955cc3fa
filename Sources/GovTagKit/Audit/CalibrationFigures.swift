/// How well probabilities match outcomes: Brier score, expected calibration error over 10 equal
/// bins, and the reliability table behind it; optionally the same for a baseline's probabilities.
package struct CalibrationFigures: Sendable {
  /// One bin of the reliability table: probabilities in `[lower, upper)` (the last bin includes 1).
  package struct Bin: Sendable, Hashable {
    /// The bin's bounds.
    package var lower: Double
    /// See ``lower``.
    package var upper: Double
    /// Predictions in the bin.
    package var count = 0
    /// Their summed probability.
    package var probabilitySum = 0.0
    /// How many of them applied.
    package var positives = 0

    /// The mean probability, or `nil` when empty.
    package var meanProbability: Double? { count == 0 ? nil : probabilitySum / Double(count) }
    /// The share that applied, or `nil` when empty.
    package var observedRate: Double? { count == 0 ? nil : Double(positives) / Double(count) }
  }

  /// The bins, 0–0.1 to 0.9–1.
  package private(set) var bins: [Bin] = (0..<10).map { Bin(lower: Double($0) / 10, upper: Double($0 + 1) / 10) }
  /// Predictions counted.
  package private(set) var count = 0
  private var squaredError = 0.0
  private var baselineSquaredError = 0.0
  private var baselineCount = 0
  private var baselineBins: [Bin] = (0..<10).map { Bin(lower: Double($0) / 10, upper: Double($0 + 1) / 10) }

  /// Creates empty figures.
  package init() {}

  /// Counts one prediction.
  ///
  /// - Parameters:
  ///   - probability: the predicted probability that the category applies.
  ///   - applies: whether it does.
  ///   - baseline: the baseline's probability, if compared.
  package mutating func add(probability: Double, applies: Bool, baseline: Double?) {
    count += 1
    let y = applies ? 1.0 : 0.0
    squaredError += (probability - y) * (probability - y)
    Self.put(probability, applies, into: &bins)
    if let baseline {
      baselineCount += 1
      baselineSquaredError += (baseline - y) * (baseline - y)
      Self.put(baseline, applies, into: &baselineBins)
    }
  }

  private static func put(_ probability: Double, _ applies: Bool, into bins: inout [Bin]) {
    let index = min(9, max(0, Int(probability * 10)))
    bins[index].count += 1
    bins[index].probabilitySum += probability
    if applies { bins[index].positives += 1 }
  }

  /// The mean squared difference between probability and outcome, or `nil` without predictions.
  package var brier: Double? { count == 0 ? nil : squaredError / Double(count) }
  /// The share-weighted mean gap between mean probability and observed rate over the bins.
  package var expectedCalibrationError: Double? { Self.ece(bins, count) }
  /// The baseline's Brier score, when a baseline was given.
  package var baselineBrier: Double? { baselineCount == 0 ? nil : baselineSquaredError / Double(baselineCount) }
  /// The baseline's expected calibration error.
  package var baselineExpectedCalibrationError: Double? { Self.ece(baselineBins, baselineCount) }

  private static func ece(_ bins: [Bin], _ count: Int) -> Double? {
    guard count > 0 else { return nil }
    return bins.reduce(0) { total, bin in
      guard let mean = bin.meanProbability, let rate = bin.observedRate else { return total }
      return total + Double(bin.count) / Double(count) * abs(mean - rate)
    }
  }

  /// The uncalibrated baseline: a score's ratio to its threshold `r` read as `r / (1 + r)`, one
  /// half at the threshold, as the review margin and the old suspicion read scores.
  package static func baseline(score: Double, threshold: Double) -> Double {
    guard threshold > 0 else { return score > 0 ? 1 : 0 }
    let ratio = score / threshold
    return ratio / (1 + ratio)
  }
}

/// Fits ``CalibrationModel``: per category a logistic curve from ``ConfidenceFeatures`` to
/// whether gold labels have the category, L2-regularised toward the dimension's pooled curve with
/// the strength chosen by seeded k-fold cross-validation, and per dimension the label rule
/// (threshold or confidence ≥ 0.5) with the better cross-validated macro-F1.
///
/// It sees only features and yes/no answers: which records they come from is the caller's
/// business (`govtag calibrate` reads gold records).
package struct CalibrationFitter: Sendable {
  /// One category of one gold record.
  package struct Example: Sendable, Hashable {
    /// GovTag's features for the category.
    package var features: ConfidenceFeatures
    /// Whether the gold labels have the category.
    package var applies: Bool

    /// Creates an example.
    package init(features: ConfidenceFeatures, applies: Bool) {
      self.features = features
      self.applies = applies
    }
  }

  /// The examples of one dimension: for every gold record that labels the dimension, one
  /// example per category.
  package struct DimensionExamples: Sendable {
    /// The dimension id.
    package var dimension: String
    /// Its categories, in the lexicon's order.
    package var categories: [String]
    /// Per record: its index among all gold records (for the folds) and one example per category.
    package var records: [(record: Int, examples: [Example])]

    /// Creates the examples of a dimension.
    package init(dimension: String, categories: [String], records: [(record: Int, examples: [Example])]) {
      self.dimension = dimension
      self.categories = categories
      self.records = records
    }
  }

  /// Cross-validation folds.
  package var folds = 5
  /// When set, the folds are these groups, one number from 0 per record (`0..<recordCount`):
  /// each group is held out in turn (leave one group out), so a choice is judged on records of a
  /// writer it was not fitted on; ``folds`` and ``seed`` are then unused.
  package var groups: [Int]?
  /// The seed of the fold assignment.
  package var seed: UInt64 = 11
  /// The penalties tried per category; the one with the lowest held-out log-loss wins.
  package var penalties: [Double] = [0.1, 0.3, 1, 3, 10, 30, 100, 300]
  /// A category's labels follow confidence only when its cross-validated F1 beats the
  /// threshold's by at least this much: otherwise its threshold stays.
  package var minimumGain = 0.05
  /// The penalty of the pooled curve's slopes (toward 0).
  package var pooledPenalty = 1.0

  /// Creates a fitter with the default settings.
  package init() {}

  /// What cross-validation says about one dimension, besides the model.
  package struct HeldOut: Sendable {
    /// The dimension id.
    package var dimension: String
    /// Per record (in the order given) and category: the held-out probability at the chosen penalty.
    package var probabilities: [[Double]]
  }

  /// Fits every dimension.
  ///
  /// - Parameters:
  ///   - dimensions: the examples, in the lexicons' order.
  ///   - recordCount: how many gold records there are (the folds split `0..<recordCount`).
  ///   - lexiconVersion: the version of the lexicons the features came from.
  ///   - inputs: the gold files, for the file's header.
  /// - Returns: the model and the held-out probabilities.
  package func fit(
    _ dimensions: [DimensionExamples], recordCount: Int, lexiconVersion: String, inputs: [String]
  ) -> (model: CalibrationModel, heldOut: [HeldOut]) {
    if let groups {
      // Leave one group out: as many folds as groups, each record in its group's.
      var grouped = self
      grouped.groups = nil
      grouped.folds = (groups.max() ?? 0) + 1
      var result = grouped.fit(dimensions, fold: groups, lexiconVersion: lexiconVersion, inputs: inputs)
      result.model.foldsByPart = true
      return result
    }
    var generator = SeededGenerator(seed: seed)
    let order = generator.permutation(recordCount)
    var fold = [Int](repeating: 0, count: recordCount)
    for (position, record) in order.enumerated() { fold[record] = position % folds }
    return fit(dimensions, fold: fold, lexiconVersion: lexiconVersion, inputs: inputs)
  }

  /// Fits every dimension with the fold of each record given.
  private func fit(
    _ dimensions: [DimensionExamples], fold: [Int], lexiconVersion: String, inputs: [String]
  ) -> (model: CalibrationModel, heldOut: [HeldOut]) {
    let recordCount = fold.count
    var fitted: [CalibrationModel.Dimension] = []
    var heldOut: [HeldOut] = []
    for dimension in dimensions {
      let (result, probabilities) = fit(dimension, fold: fold)
      fitted.append(result)
      heldOut.append(HeldOut(dimension: dimension.dimension, probabilities: probabilities))
    }
    var model = CalibrationModel(
      lexiconVersion: lexiconVersion, inputs: inputs, records: recordCount, folds: folds, seed: seed, dimensions: fitted)
    model.labelContext = fitLabelContext(dimensions, heldOut: heldOut, recordCount: recordCount, fold: fold)
    return (model, heldOut)
  }

  private func fit(_ data: DimensionExamples, fold: [Int]) -> (CalibrationModel.Dimension, [[Double]]) {
    let p = ConfidenceFeatures.count + 1
    let regression = LogisticRegression(columns: p)
    let categoryCount = data.categories.count
    func row(_ example: Example) -> [Double] { [1] + (0..<ConfidenceFeatures.count).map { example.features.value($0) } }
    // Design rows per category, and the record's fold.
    let rows = (0..<categoryCount).map { c in data.records.flatMap { row($0.examples[c]) } }
    let labels = (0..<categoryCount).map { c in data.records.map { $0.examples[c].applies ? 1.0 : 0.0 } }
    let folds = data.records.map { fold[$0.record] }
    let pooledPenalty = [1e-4] + [Double](repeating: self.pooledPenalty, count: ConfidenceFeatures.count)
    let zero = [Double](repeating: 0, count: p)
    func pooled(_ include: (Int) -> Bool) -> [Double] {
      var x: [Double] = []
      var y: [Double] = []
      for c in 0..<categoryCount {
        for r in data.records.indices where include(r) {
          x += rows[c][(r * p)..<((r + 1) * p)]
          y.append(labels[c][r])
        }
      }
      return regression.fit(rows: x, labels: y, prior: zero, penalty: pooledPenalty)
    }
    func subset(_ c: Int, _ include: (Int) -> Bool) -> ([Double], [Double]) {
      var x: [Double] = []
      var y: [Double] = []
      for r in data.records.indices where include(r) {
        x += rows[c][(r * p)..<((r + 1) * p)]
        y.append(labels[c][r])
      }
      return (x, y)
    }
    let foldPriors = (0..<self.folds).map { k in pooled { folds[$0] != k } }
    let prior = pooled { _ in true }
    var curves: [CalibrationModel.Curve] = []
    var probabilities = [[Double]](repeating: [Double](repeating: 0, count: categoryCount), count: data.records.count)
    for c in 0..<categoryCount {
      var best: (penalty: Double, loss: Double, heldOut: [Double])?
      for penalty in penalties {
        var loss = 0.0
        var heldOut = [Double](repeating: 0, count: data.records.count)
        for k in 0..<self.folds {
          let (x, y) = subset(c) { folds[$0] != k }
          let beta = regression.fit(
            rows: x, labels: y, prior: foldPriors[k], penalty: [Double](repeating: penalty, count: p))
          for r in data.records.indices where folds[r] == k {
            var z = 0.0
            for j in 0..<p { z += rows[c][r * p + j] * beta[j] }
            heldOut[r] = LogisticRegression.sigmoid(z)
            loss += LogisticRegression.loss(heldOut[r], labels[c][r])
          }
        }
        loss /= Double(max(1, data.records.count))
        // Strictly lower only: on a tie the stronger penalty (listed later) does not replace a
        // weaker one, so the choice does not depend on rounding noise.
        if best == nil || loss < best!.loss - 1e-12 { best = (penalty, loss, heldOut) }
      }
      let chosen = best!
      let beta = regression.fit(
        rows: rows[c], labels: labels[c], prior: prior, penalty: [Double](repeating: chosen.penalty, count: p)
      ).map(CalibrationModel.stored)
      for r in data.records.indices { probabilities[r][c] = chosen.heldOut[r] }
      curves.append(
        CalibrationModel.Curve(
          category: data.categories[c], intercept: beta[0], coefficients: Array(beta.dropFirst()),
          examples: data.records.count, positives: Int(labels[c].reduce(0, +)), regularisation: chosen.penalty,
          crossValidatedLogLoss: CalibrationModel.stored(chosen.loss)))
    }
    // The label rule, per category: confidence ≥ 0.5 replaces the threshold only where its
    // held-out F1 is higher by at least `minimumGain`, so noise on a few records changes nothing.
    let gold = labels
    let byThreshold = (0..<categoryCount).map { c in data.records.map { $0.examples[c].features.assigned } }
    let byConfidence = (0..<categoryCount).map { c in data.records.indices.map { probabilities[$0][c] >= 0.5 } }
    var chosen = byThreshold
    for c in 0..<categoryCount {
      let thresholdF1 = Self.f1(gold: gold[c], predicted: byThreshold[c]) ?? 0
      let confidenceF1 = Self.f1(gold: gold[c], predicted: byConfidence[c]) ?? 0
      curves[c].thresholdF1 = CalibrationModel.stored(thresholdF1)
      curves[c].confidenceF1 = CalibrationModel.stored(confidenceF1)
      if confidenceF1 >= thresholdF1 + minimumGain {
        curves[c].labelRule = .confidence
        chosen[c] = byConfidence[c]
      }
    }
    let dimension = CalibrationModel.Dimension(
      id: data.dimension, thresholdMacroF1: CalibrationModel.stored(Self.macroF1(gold: gold, predicted: byThreshold)),
      chosenMacroF1: CalibrationModel.stored(Self.macroF1(gold: gold, predicted: chosen)), curves: curves)
    return (dimension, probabilities)
  }

  /// The F1 of one category, or `nil` when neither gold nor the prediction ever assigns it.
  static func f1(gold: [Double], predicted: [Bool]) -> Double? {
    var tp = 0.0
    var fp = 0.0
    var fn = 0.0
    for r in gold.indices {
      let g = gold[r] == 1
      if g && predicted[r] { tp += 1 } else if predicted[r] { fp += 1 } else if g { fn += 1 }
    }
    return tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : nil
  }

  /// The mean F1 over the categories that gold or the prediction assigns at least once (as `govtag eval` averages).
  static func macroF1(gold: [[Double]], predicted: [[Bool]]) -> Double {
    var total = 0.0
    var counted = 0
    for c in gold.indices {
      guard let f1 = f1(gold: gold[c], predicted: predicted[c]) else { continue }
      counted += 1
      total += f1
    }
    return counted == 0 ? 0 : total / Double(counted)
  }
}

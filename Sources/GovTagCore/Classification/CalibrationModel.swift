import Foundation

/// Per-category confidence curves: the probability that a category applies, from the features
/// GovTag computes while scoring (``ConfidenceFeatures``), by logistic regression fitted on
/// gold-labelled records (``CalibrationFitter``; `govtag calibrate`).
///
/// Stored in `Lexicons/calibration.yaml`; without that file GovTag gives no confidence and
/// labels, flags and ranks as before.
package struct CalibrationModel: Sendable, Hashable {
  /// How a category's labels are assigned once confidences exist.
  package enum LabelRule: String, Sendable, Hashable {
    /// At the category's threshold (and the dimension's relative threshold), as without calibration.
    case threshold
    /// At a confidence of 0.5 or more.
    case confidence
  }

  /// The curve of one category.
  package struct Curve: Sendable, Hashable {
    /// The category id.
    package var category: String
    /// The log-odds at all-zero features.
    package var intercept: Double
    /// One per feature, in the order of ``ConfidenceFeatures/names``.
    package var coefficients: [Double]
    /// Gold records it was fitted on.
    package var examples: Int
    /// Of those, records with the category.
    package var positives: Int
    /// The L2 penalty chosen by cross-validation (toward the dimension's pooled curve).
    package var regularisation: Double
    /// The mean log-loss of the held-out folds at that penalty.
    package var crossValidatedLogLoss: Double
    /// How the category is assigned.
    package var labelRule: LabelRule = .threshold
    /// Cross-validated F1 of each rule on the fitting records (`nil` when not measured).
    package var thresholdF1: Double?
    /// See ``thresholdF1``.
    package var confidenceF1: Double?

    /// Creates a curve.
    package init(
      category: String, intercept: Double, coefficients: [Double], examples: Int, positives: Int,
      regularisation: Double, crossValidatedLogLoss: Double
    ) {
      self.category = category
      self.intercept = intercept
      self.coefficients = coefficients
      self.examples = examples
      self.positives = positives
      self.regularisation = regularisation
      self.crossValidatedLogLoss = crossValidatedLogLoss
    }

    /// The probability that the category applies, given `features`.
    @inline(__always)
    package func probability(_ features: ConfidenceFeatures) -> Double {
      var z = intercept
      for index in 0..<min(coefficients.count, ConfidenceFeatures.count) {
        z += coefficients[index] * features.value(index)
      }
      return LogisticRegression.sigmoid(z)
    }
  }

  /// The curves of one dimension.
  package struct Dimension: Sendable, Hashable {
    /// The dimension id.
    package var id: String
    /// Cross-validated macro-F1 on the fitting records with thresholds only, and with the
    /// label rules chosen per category (`nil` when not measured).
    package var thresholdMacroF1: Double?
    /// See ``thresholdMacroF1``.
    package var chosenMacroF1: Double?
    /// One curve per category, in the lexicon's order.
    package var curves: [Curve]

    /// Creates a dimension.
    package init(id: String, thresholdMacroF1: Double? = nil, chosenMacroF1: Double? = nil, curves: [Curve]) {
      self.id = id
      self.thresholdMacroF1 = thresholdMacroF1
      self.chosenMacroF1 = chosenMacroF1
      self.curves = curves
    }
  }

  /// The rules version (``ClassifierModel/lexiconRulesVersion``) of the lexicons it was fitted
  /// against: when it differs from the lexicons', the curves are stale.
  package var lexiconVersion: String
  /// The gold files it was fitted on.
  package var inputs: [String]
  /// The record field that held the gold labels (``defaultField`` unless chosen otherwise).
  package var field = CalibrationModel.defaultField
  /// Gold records fitted on.
  package var records: Int
  /// Cross-validation folds.
  package var folds: Int
  /// The seed of the fold assignment.
  package var seed: UInt64
  /// Whether the folds were the records' parts (``CalibrationFitter/groups``: each writer or
  /// submission round held out in turn) rather than seeded random folds.
  package var foldsByPart = false
  /// The dimensions, in the lexicons' order.
  package var dimensions: [Dimension]
  /// Where it was read from (for messages), if from a file.
  package var file: String?
  /// What `govtag audit` adds to the confidences: the probability that a category applies given
  /// the record's other labels too (`nil` in files written before it existed; the audit then
  /// reads the confidence alone).
  package var labelContext: LabelContextModel?

  /// Creates a model.
  package init(
    lexiconVersion: String, inputs: [String], records: Int, folds: Int, seed: UInt64, dimensions: [Dimension],
    file: String? = nil
  ) {
    self.lexiconVersion = lexiconVersion
    self.inputs = inputs
    self.records = records
    self.folds = folds
    self.seed = seed
    self.dimensions = dimensions
    self.file = file
  }

  /// The curve of `category` in `dimension`, if fitted.
  package func curve(_ dimension: String, _ category: String) -> Curve? {
    dimensions.first { $0.id == dimension }?.curves.first { $0.category == category }
  }

  /// A canonical rendering of the content, for the rules version. The label context is left
  /// out: only `audit` reads it, and it changes no label, confidence or review flag.
  var fingerprint: String { renderYAML(comment: false, labelContext: false) }
}

import Foundation

/// Per-category confidence curves: the probability that a category applies, from the features
/// GovTag computes while scoring (``ConfidenceFeatures``), by logistic regression fitted on
/// gold-labelled records (``CalibrationFitter``; `govtag calibrate`).
///
/// Stored in `Lexicons/calibration.yaml`; without that file GovTag gives no confidence and
/// labels, flags and ranks as before.
public struct CalibrationModel: Sendable, Hashable {
  /// How a category's labels are assigned once confidences exist.
  public enum LabelRule: String, Sendable, Hashable {
    /// At the category's threshold (and the dimension's relative threshold), as without calibration.
    case threshold
    /// At a confidence of 0.5 or more.
    case confidence
  }

  /// The curve of one category.
  public struct Curve: Sendable, Hashable {
    /// The category id.
    public var category: String
    /// The log-odds at all-zero features.
    public var intercept: Double
    /// One per feature, in the order of ``ConfidenceFeatures/names``.
    public var coefficients: [Double]
    /// Gold records it was fitted on.
    public var examples: Int
    /// Of those, records with the category.
    public var positives: Int
    /// The L2 penalty chosen by cross-validation (toward the dimension's pooled curve).
    public var regularisation: Double
    /// The mean log-loss of the held-out folds at that penalty.
    public var crossValidatedLogLoss: Double
    /// How the category is assigned.
    public var labelRule: LabelRule = .threshold
    /// Cross-validated F1 of each rule on the fitting records (`nil` when not measured).
    public var thresholdF1: Double?
    /// See ``thresholdF1``.
    public var confidenceF1: Double?

    /// Creates a curve.
    public init(
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
    public func probability(_ features: ConfidenceFeatures) -> Double {
      var z = intercept
      for index in 0..<min(coefficients.count, ConfidenceFeatures.count) {
        z += coefficients[index] * features.value(index)
      }
      return LogisticRegression.sigmoid(z)
    }
  }

  /// The curves of one dimension.
  public struct Dimension: Sendable, Hashable {
    /// The dimension id.
    public var id: String
    /// Cross-validated macro-F1 on the fitting records with thresholds only, and with the
    /// label rules chosen per category (`nil` when not measured).
    public var thresholdMacroF1: Double?
    /// See ``thresholdMacroF1``.
    public var chosenMacroF1: Double?
    /// One curve per category, in the lexicon's order.
    public var curves: [Curve]

    /// Creates a dimension.
    public init(id: String, thresholdMacroF1: Double? = nil, chosenMacroF1: Double? = nil, curves: [Curve]) {
      self.id = id
      self.thresholdMacroF1 = thresholdMacroF1
      self.chosenMacroF1 = chosenMacroF1
      self.curves = curves
    }
  }

  /// The rules version (``ClassifierModel/lexiconRulesVersion``) of the lexicons it was fitted
  /// against: when it differs from the lexicons', the curves are stale.
  public var lexiconVersion: String
  /// The gold files it was fitted on.
  public var inputs: [String]
  /// Gold records fitted on.
  public var records: Int
  /// Cross-validation folds.
  public var folds: Int
  /// The seed of the fold assignment.
  public var seed: UInt64
  /// The dimensions, in the lexicons' order.
  public var dimensions: [Dimension]
  /// Where it was read from (for messages), if from a file.
  public var file: String?
  /// What `govtag audit` adds to the confidences: the probability that a category applies given
  /// the record's other labels too (`nil` in files written before it existed; the audit then
  /// reads the confidence alone).
  public var labelContext: LabelContextModel?

  /// Creates a model.
  public init(
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
  public func curve(_ dimension: String, _ category: String) -> Curve? {
    dimensions.first { $0.id == dimension }?.curves.first { $0.category == category }
  }

  /// A canonical rendering of the content, for the rules version. The label context is left
  /// out: only `audit` reads it, and it changes no label, confidence or review flag.
  var fingerprint: String { renderYAML(comment: false, labelContext: false) }
}

/// GovTag's verdict on one document: labels per dimension, the scores behind them, the
/// evidence for every score, and whether a person should look at it.
public struct Classification: Sendable {
  /// The score of one category.
  public struct CategoryScore: Sendable, Hashable {
    /// The category id.
    public var category: String
    /// The sum of its counted hits' contributions.
    public var score: Double
    /// The score at which the category is assigned.
    public var threshold: Double
    /// Whether the category is assigned: its score reaches its threshold and the dimension's
    /// relative threshold (a share of the dimension's top score), if the dimension has one.
    public var assigned: Bool
    /// The labels of another dimension that assigned this category through its lexicon's
    /// `implied_by:` (as `dimension.category`, e.g. `technology.ai`); empty when its own score
    /// decided.
    public var impliedBy: [String] = []
    /// What the confidence curve reads, when the lexicons are calibrated (or features were asked for).
    public var features: ConfidenceFeatures?
    /// The probability that the category applies, when the lexicons are calibrated
    /// (`calibration.yaml`) and the category has a curve.
    public var confidence: Double?

    /// Whether the record's `confidence` lists the category: it scored, or had a hit that did
    /// not count (a near miss), and has a confidence.
    public var reportsConfidence: Bool {
      confidence != nil && (score > 0 || (features?.nearMisses ?? 0) > 0)
    }

    /// Creates a score.
    public init(category: String, score: Double, threshold: Double, assigned: Bool? = nil) {
      self.category = category
      self.score = score
      self.threshold = threshold
      self.assigned = assigned ?? (score >= threshold)
    }
  }

  /// The result for one dimension.
  public struct DimensionResult: Sendable {
    /// The dimension id.
    public var dimension: String
    /// Assigned category ids, highest score first, ties by id.
    public var labels: [String]
    /// Every category of the dimension, in the taxonomy's order.
    public var scores: [CategoryScore]
  }

  /// Per dimension, in the taxonomy's order; every dimension of the lexicons is present.
  public var dimensions: [DimensionResult]
  /// Every hit, counted or not, in field order (title first) and then text order.
  public var evidence: [Evidence]
  /// Whether a person should review the labels, and why.
  public var review: Review
  /// Where the case comes from (``Location/unknown`` when no gazetteer is loaded or no place is named).
  public var location: Location = .unknown

  /// The labels of dimension `id` (empty if the dimension is unknown).
  public func labels(_ id: String) -> [String] { dimensions.first { $0.dimension == id }?.labels ?? [] }

  /// The score of category `category` in dimension `dimension`, or 0.
  public func score(_ dimension: String, _ category: String) -> Double {
    dimensions.first { $0.dimension == dimension }?.scores.first { $0.category == category }?.score ?? 0
  }
}

/// Whether a classification needs a person, and the reasons.
public struct Review: Sendable, Hashable {
  /// One reason to review.
  public struct Reason: Sendable, Hashable {
    /// A stable code: `no_capability`, `near_threshold` (uncalibrated lexicons),
    /// `uncertain_confidence` (calibrated lexicons), `short_text`.
    public var code: String
    /// The category concerned, if any, as `dimension.category`.
    public var category: String?
    /// A sentence for people.
    public var message: String
  }

  /// The reasons; empty when no review is needed.
  public var reasons: [Reason]
  /// Whether any reason applies.
  public var needsReview: Bool { !reasons.isEmpty }
}

/// GovTag's verdict on one document: labels per dimension, the scores behind them, the
/// evidence for every score, and whether a person should look at it.
package struct Classification: Sendable {
  /// The score of one category.
  package struct CategoryScore: Sendable, Hashable {
    /// The category id.
    package var category: String
    /// The sum of its counted hits' contributions.
    package var score: Double
    /// The score at which the category is assigned.
    package var threshold: Double
    /// Whether the category is assigned: its score reaches its threshold and the dimension's
    /// relative threshold (a share of the dimension's top score), if the dimension has one.
    package var assigned: Bool
    /// The labels of another dimension that assigned this category through its lexicon's
    /// `implied_by:` (as `dimension.category`, e.g. `technology.ai`); empty when its own score
    /// decided.
    package var impliedBy: [String] = []
    /// What the confidence curve reads, when the lexicons are calibrated (or features were asked for).
    package var features: ConfidenceFeatures?
    /// The probability that the category applies, when the lexicons are calibrated
    /// (`calibration.yaml`) and the category has a curve.
    package var confidence: Double?

    /// Whether the record's `confidence` lists the category: it scored, or had a hit that did
    /// not count (a near miss), and has a confidence.
    package var reportsConfidence: Bool {
      confidence != nil && (score > 0 || (features?.nearMisses ?? 0) > 0)
    }

    /// Creates a score.
    package init(category: String, score: Double, threshold: Double, assigned: Bool? = nil) {
      self.category = category
      self.score = score
      self.threshold = threshold
      self.assigned = assigned ?? (score >= threshold)
    }
  }

  /// The result for one dimension.
  package struct DimensionResult: Sendable {
    /// The dimension id.
    package var dimension: String
    /// Assigned category ids, highest score first, ties by id.
    package var labels: [String]
    /// Every category of the dimension, in the taxonomy's order.
    package var scores: [CategoryScore]
  }

  /// Per dimension, in the taxonomy's order; every dimension of the lexicons is present.
  package var dimensions: [DimensionResult]
  /// Every hit, counted or not, in field order (title first) and then text order.
  package var evidence: [Evidence]
  /// Whether a person should review the labels, and why.
  package var review: Review
  /// Where the case comes from (``Location/unknown`` when no gazetteer is loaded or no place is named).
  package var location: Location = .unknown

  /// The labels of dimension `id` (empty if the dimension is unknown).
  package func labels(_ id: String) -> [String] { dimensions.first { $0.dimension == id }?.labels ?? [] }

  /// The score of category `category` in dimension `dimension`, or 0.
  package func score(_ dimension: String, _ category: String) -> Double {
    dimensions.first { $0.dimension == dimension }?.scores.first { $0.category == category }?.score ?? 0
  }
}

/// Whether a classification needs a person, and the reasons.
package struct Review: Sendable, Hashable {
  /// One reason to review.
  package struct Reason: Sendable, Hashable {
    /// A stable code: `no_capability`, `near_threshold` (uncalibrated lexicons),
    /// `uncertain_confidence` (calibrated lexicons), `short_text`.
    package var code: String
    /// The category concerned, if any, as `dimension.category`.
    package var category: String?
    /// A sentence for people.
    package var message: String
  }

  /// The reasons; empty when no review is needed.
  package var reasons: [Reason]
  /// Whether any reason applies.
  package var needsReview: Bool { !reasons.isEmpty }
}

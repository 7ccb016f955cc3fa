/// One record written by `govtag tag`, read back for statistics and the review report.
///
/// Holds only what `govtag stats` and `govtag report` use: the id, the texts, the year, GovTag's
/// labels and location, the review flag, the evidence spans and, when the record has them,
/// reference labels (`manual` or `gold`) to set beside GovTag's.
package struct LabelledRecord: Sendable, Hashable {
  /// The record's id.
  package var id: String
  /// The title, if any.
  package var title: String?
  /// The narrative.
  package var text: String
  /// The `year` field as text (`2023`), or `nil` when the record has none.
  package var year: String?
  /// GovTag's labels (`labels` and `location`), or `nil` for a record that was never tagged.
  package var labels: CaseLabels?
  /// The reference labels (`manual`, `gold`) and the field they came from, if the record has any.
  package var reference: CaseLabels?
  /// The field `reference` was read from.
  package var referenceField: String?
  /// Whether GovTag asked for a review.
  package var needsReview: Bool
  /// GovTag's reasons to review, as sentences.
  package var reviewReasons: [String]
  /// The evidence, in the order GovTag wrote it.
  package var evidence: [EvidenceSpan]
  /// GovTag's confidences (calibrated lexicons), per dimension and category; empty without them.
  package var confidence: [String: [String: Double]] = [:]
  /// The `lexicon_version` that labelled the record, when it has one.
  package var lexiconVersion: String?
  /// Why the record's reference labels could not be used, when the reader kept it without them
  /// (``LabelledRecordReader/keepsRecordsWithUnusableReference``).
  package var referenceProblem: RecordError?

  /// Creates a record.
  package init(
    id: String, title: String? = nil, text: String, year: String? = nil, labels: CaseLabels? = nil,
    reference: CaseLabels? = nil, referenceField: String? = nil, needsReview: Bool = false,
    reviewReasons: [String] = [], evidence: [EvidenceSpan] = []
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.year = year
    self.labels = labels
    self.reference = reference
    self.referenceField = referenceField
    self.needsReview = needsReview
    self.reviewReasons = reviewReasons
    self.evidence = evidence
  }

  /// The labels a statistic counts for `source`, or `nil` when the record lacks them.
  ///
  /// - Parameter source: GovTag's labels or a reference field.
  /// - Returns: `labels` for ``LabelSource/govtag``; `reference` when it was read from the named field.
  package func labels(from source: LabelSource) -> CaseLabels? {
    switch source {
    case .govtag: labels
    case .field(let name): referenceField == name ? reference : nil
    }
  }
}

/// The labels of one case in one source: category ids per dimension, plus where the case is from.
package struct CaseLabels: Sendable, Hashable {
  /// Category ids per dimension id (`{"capability": ["public_service"]}`): GovTag's as written,
  /// people's in the taxonomy's order (read as `audit` reads them). A
  /// dimension people's labels leave out was not annotated and has no entry (GovTag's labels
  /// have one for every dimension); `[]` means "none of its categories".
  package var categories: [String: [String]]
  /// The province's short name (浙江), or `nil` when unknown.
  package var province: String?
  /// The region, or `nil` when unknown.
  package var region: Region?

  /// Creates labels.
  package init(categories: [String: [String]], province: String? = nil, region: Region? = nil) {
    self.categories = categories
    self.province = province
    self.region = region
  }

  /// Whether the case carries category `category` of dimension `dimension`.
  package func contains(_ dimension: String, _ category: String) -> Bool {
    categories[dimension]?.contains(category) ?? false
  }

  /// Whether the labels say anything about `dimension` (an empty list does; a missing one does not).
  package func annotates(_ dimension: String) -> Bool { categories[dimension] != nil }

  /// Whether the case carries any label of dimension `dimension`.
  package func hasAny(_ dimension: String) -> Bool { !(categories[dimension]?.isEmpty ?? true) }
}

/// One evidence hit as written by `govtag tag`: which category, which term, and where.
package struct EvidenceSpan: Sendable, Hashable {
  /// The dimension id.
  package var dimension: String
  /// The category id.
  package var category: String
  /// The lexicon term that fired.
  package var term: String
  /// The field the hit lies in.
  package var field: Evidence.Field
  /// Code point offset of the hit's start in the field.
  package var start: Int
  /// Code point offset just past its end.
  package var end: Int
  /// The term's weight; `nil` in the compact evidence layout, which leaves it to the lexicon.
  package var weight: Double?
  /// What the hit added to the score.
  package var contribution: Double
  /// `counted`, `excluded`, … as written.
  package var status: String

  /// Creates a span.
  package init(
    dimension: String, category: String, term: String, field: Evidence.Field, start: Int, end: Int,
    weight: Double?, contribution: Double, status: String = "counted"
  ) {
    self.dimension = dimension
    self.category = category
    self.term = term
    self.field = field
    self.start = start
    self.end = end
    self.weight = weight
    self.contribution = contribution
    self.status = status
  }

  /// Whether the hit counted toward its category's score.
  package var counted: Bool { status == "counted" }
}

/// One record as GovTag tagged it: the answer of ``GovTag/tag(title:text:id:)``.
///
/// The labels, scores, location, review flags and evidence that `govtag tag` computes for a
/// labelled record, in a shape for programs: typed ids, one value per hit. It is not the batch
/// format byte for byte (that has the provenance fields, the location chain and grouped evidence;
/// ``GovTag/lexiconVersion`` gives the version). Encode it with `JSONEncoder`: keys are camelCase
/// unless `keyEncodingStrategy` is `.convertToSnakeCase`, as `govtag serve` and `govtag explain
/// --format json` set it (add `.sortedKeys` for output that diffs cleanly).
public struct TaggedRecord: Sendable, Hashable, Encodable {
  /// One category's score in one dimension.
  public struct Score: Sendable, Hashable, Encodable {
    /// The dimension.
    public var dimension: DimensionID
    /// The category.
    public var category: CategoryID
    /// The category's score, rounded to three decimals.
    public var score: Double
    /// The score the category needs to be labelled (by the thresholds, before calibration).
    public var threshold: Double
    /// Whether the category is one of the record's labels.
    public var assigned: Bool
    /// The calibrated probability that the label is right (three decimals), when the lexicons
    /// are calibrated.
    public var confidence: Double?
    /// The labels that imply this one, when it was assigned by implication.
    public var impliedBy: [CategoryID]
  }

  /// Where the case took place, as far as its place names tell.
  public struct Place: Sendable, Hashable, Encodable {
    /// The province, when one could be chosen.
    public var province: String?
    /// The city.
    public var city: String?
    /// The district or county.
    public var district: String?
    /// The region of the province.
    public var region: Region?
    /// Why the location is what it is (or why there is none).
    public var reason: String?
  }

  /// Why a reviewer should look at the record.
  public struct ReviewReason: Sendable, Hashable, Encodable {
    /// A stable code: `near_threshold`, `no_label`...
    public var code: String
    /// The category it concerns, if one.
    public var category: CategoryID?
    /// What the reason means, in a sentence.
    public var message: String
  }

  /// One hit of a lexicon term.
  public struct Hit: Sendable, Hashable, Encodable {
    /// The dimension of the term's category.
    public var dimension: DimensionID
    /// The term's category.
    public var category: CategoryID
    /// The term as written in the lexicon.
    public var term: String
    /// The field the hit lies in.
    public var field: DocumentField
    /// Code point offset of the hit's start in the field.
    public var start: Int
    /// Code point offset just past the hit's end.
    public var end: Int
    /// The text of the field at `start..<end`.
    public var match: String
    /// The term's weight in the lexicon.
    public var weight: Double
    /// What the hit added to its category's score (0 when it did not count).
    public var contribution: Double
    /// `counted`, or why not: `crosses_word_boundary`, `negated`...
    public var status: String
    /// Why the hit did not count (or counted in part), in a sentence.
    public var why: String?
    /// Where the term is defined: `Lexicons/capability.yaml:12`.
    public var lexicon: String
  }

  /// The record's id, when the caller gave one.
  public var id: String?
  /// The labels of each dimension, best first; every dimension of the lexicons is present,
  /// with no label when none reached its threshold.
  public var labels: [DimensionID: [CategoryID]]
  /// The categories that scored (and, with calibrated lexicons, those that nearly did), in
  /// dimension order and then in the lexicon's order, as a labelled record lists them.
  public var scores: [Score]
  /// Where the case took place; `nil` when its place names tell nothing.
  public var location: Place?
  /// Why a reviewer should look at the record; empty when nothing calls for it.
  public var review: [ReviewReason]
  /// The hits: by default those a labelled record lists (all but near misses); in an
  /// ``Explanation``, every hit.
  public var evidence: [Hit]

  /// The labels of one dimension, best first.
  ///
  /// - Parameter dimension: the dimension.
  /// - Returns: its labels; empty when it has none or is not in the lexicons.
  public func labels(_ dimension: DimensionID) -> [CategoryID] { labels[dimension] ?? [] }

  /// Converts the engine's classification.
  init(id: String?, classification: Classification, allEvidence: Bool = false) {
    self.id = id
    var labels: [DimensionID: [CategoryID]] = [:]
    var scores: [Score] = []
    for result in classification.dimensions {
      let dimension = DimensionID(result.dimension)
      labels[dimension] = result.labels.map(CategoryID.init(rawValue:))
      for score in result.scores where score.score > 0 || score.reportsConfidence {
        scores.append(
          Score(
            dimension: dimension, category: CategoryID(score.category), score: score.score, threshold: score.threshold,
            assigned: score.assigned,
            confidence: score.reportsConfidence ? ((score.confidence ?? 0) * 1000).rounded() / 1000 : nil,
            impliedBy: score.impliedBy.map(CategoryID.init(rawValue:))))
      }
    }
    self.labels = labels
    self.scores = scores
    let place = classification.location
    if place.province == nil && place.city == nil && place.district == nil && place.region == nil && place.reason == nil {
      location = nil
    } else {
      location = Place(
        province: place.province, city: place.city, district: place.district, region: place.region, reason: place.reason)
    }
    review = classification.review.reasons.map {
      ReviewReason(code: $0.code, category: $0.category.map(CategoryID.init(rawValue:)), message: $0.message)
    }
    evidence = classification.evidence.filter { allEvidence || $0.status.isReportedByDefault }.map {
      Hit(
        dimension: DimensionID($0.dimension), category: CategoryID($0.category), term: $0.term, field: $0.field, start: $0.start,
        end: $0.end, match: $0.match, weight: $0.weight, contribution: $0.contribution, status: $0.status.code,
        why: $0.status.explanation, lexicon: $0.source.description)
    }
  }
}

/// How useful the review flags are: how many records are flagged, and how often the capability
/// labels of flagged and unflagged records are exactly the gold ones.
///
/// An office accepts unflagged records unread, so the accuracy of the unflagged ones is what
/// matters; the flagged share is the reading it costs.
package struct ReviewTally: Sendable, Hashable {
  /// Records counted.
  package private(set) var records = 0
  /// Of those, flagged for review.
  package private(set) var flagged = 0
  /// Records with gold capabilities, flagged and not.
  package private(set) var judgedFlagged = 0
  /// See ``judgedFlagged``.
  package private(set) var judgedUnflagged = 0
  /// Of those, records whose capability labels are exactly the gold ones.
  package private(set) var exactFlagged = 0
  /// See ``exactFlagged``.
  package private(set) var exactUnflagged = 0

  /// Creates an empty tally.
  package init() {}

  /// Counts one record.
  package mutating func add(reference: ReferenceLabels, classification: Classification) {
    records += 1
    let isFlagged = classification.review.needsReview
    if isFlagged { flagged += 1 }
    guard let gold = reference.categories["capability"] else { return }
    let exact = Set(classification.labels("capability")) == gold
    if isFlagged {
      judgedFlagged += 1
      if exact { exactFlagged += 1 }
    } else {
      judgedUnflagged += 1
      if exact { exactUnflagged += 1 }
    }
  }

  /// The flagged share, or `nil` without records.
  package var flaggedShare: Double? { records == 0 ? nil : Double(flagged) / Double(records) }
  /// Capability exactly right among unflagged records with gold capabilities.
  package var unflaggedAccuracy: Double? { judgedUnflagged == 0 ? nil : Double(exactUnflagged) / Double(judgedUnflagged) }
  /// Capability exactly right among flagged records with gold capabilities.
  package var flaggedAccuracy: Double? { judgedFlagged == 0 ? nil : Double(exactFlagged) / Double(judgedFlagged) }
}

/// For each reference category GovTag missed, what it assigned instead: the confusion of one
/// dimension (`capability` in `govtag eval`) as a sparse list of (reference, predicted, count).
///
/// When GovTag misses a reference category of a record, every category it assigned in that
/// record which the reference did not assign counts once against the missed one; if it assigned
/// no such category, the miss counts against `nil` ("nothing else"). A category GovTag assigned
/// that the reference also assigned is a correct label, not a substitute, and does not count.
package struct MissConfusion: Sendable, Hashable {
  /// One cell.
  package struct Cell: Sendable, Hashable {
    /// The reference category GovTag missed.
    package var reference: String
    /// A category GovTag assigned instead, or `nil` for none.
    package var predicted: String?
    /// How many records.
    package var count: Int

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - reference: the missed reference category.
    ///   - predicted: the category assigned instead, or `nil` for none.
    ///   - count: how many records.
    package init(reference: String, predicted: String?, count: Int) {
      self.reference = reference
      self.predicted = predicted
      self.count = count
    }
  }

  /// The dimension.
  package let dimension: String
  private var counts: [Key: Int] = [:]

  private struct Key: Hashable, Sendable {
    var reference: String
    var predicted: String?
  }

  /// Creates an empty confusion for `dimension`.
  package init(dimension: String) { self.dimension = dimension }

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: the reference labels; nothing is counted when they do not annotate the dimension.
  ///   - predicted: the categories GovTag assigned in the dimension.
  package mutating func add(reference: ReferenceLabels, predicted: [String]) {
    guard let gold = reference.categories[dimension] else { return }
    let instead = predicted.filter { !gold.contains($0) }
    for missed in gold where !predicted.contains(missed) {
      if instead.isEmpty {
        counts[Key(reference: missed, predicted: nil), default: 0] += 1
      } else {
        for category in instead { counts[Key(reference: missed, predicted: category), default: 0] += 1 }
      }
    }
  }

  /// Adds another confusion of the same dimension.
  package mutating func add(_ other: MissConfusion) {
    for (key, count) in other.counts { counts[key, default: 0] += count }
  }

  /// The cells, most frequent first, then by reference and predicted category (`nil` last).
  package var cells: [Cell] {
    counts.map { Cell(reference: $0.key.reference, predicted: $0.key.predicted, count: $0.value) }.sorted {
      if $0.count != $1.count { return $0.count > $1.count }
      if $0.reference != $1.reference { return $0.reference < $1.reference }
      return ($0.predicted ?? "\u{10FFFF}") < ($1.predicted ?? "\u{10FFFF}")
    }
  }
}

/// Term accountability: for every lexicon term that counted in some record, how often people
/// confirmed its category, and how much the labels lean on it.
///
/// Built from the same records as an audit. A term "fires" in a record when at least one of its
/// hits counted. Its empirical precision is the share of the records where it fired, among those
/// whose manual labels cover its dimension, that people labelled with its category. Terms to
/// review come first: the most false firings, then the lowest precision.
package struct TermAccountability: Sendable {
  /// The record of one term.
  package struct Entry: Sendable, Hashable {
    /// The dimension id.
    package var dimension: String
    /// The category id.
    package var category: String
    /// The term.
    package var term: String
    /// Where the term is defined (`Lexicons/capability.yaml:12:7`).
    package var source: SourceLocation
    /// Records in which the term fired (had a counted hit).
    package var records = 0
    /// Of those, records whose manual labels cover the term's dimension.
    package var judged = 0
    /// Of the judged records, those people labelled with the term's category.
    package var confirmed = 0
    /// Records in which the term was the only term with counted hits behind its category's
    /// assigned label: the label stands or falls with it.
    package var soleEvidence = 0

    /// Judged records in which people did not assign the category: the term fired wrongly.
    package var falseFirings: Int { judged - confirmed }
    /// `confirmed / judged`, or `nil` when no record was judged.
    package var precision: Double? { judged == 0 ? nil : Double(confirmed) / Double(judged) }
  }

  private var entries: [String: Entry] = [:]

  /// Creates an empty account.
  package init() {}

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: the manual labels.
  ///   - classification: GovTag's labels and evidence for the record.
  package mutating func add(reference: ReferenceLabels, classification: Classification) {
    var fired: [String: Evidence] = [:]
    var termsByCategory: [String: Set<String>] = [:]
    for hit in classification.evidence where hit.status == .counted {
      let category = hit.dimension + "\u{1F}" + hit.category
      let key = category + "\u{1F}" + hit.term
      if fired[key] == nil { fired[key] = hit }
      termsByCategory[category, default: []].insert(key)
    }
    for (key, hit) in fired {
      var entry = entries[key] ?? Entry(dimension: hit.dimension, category: hit.category, term: hit.term, source: hit.source)
      entry.records += 1
      if let assigned = reference.categories[hit.dimension] {
        entry.judged += 1
        if assigned.contains(hit.category) { entry.confirmed += 1 }
      }
      entries[key] = entry
    }
    for result in classification.dimensions {
      for category in result.labels {
        guard let keys = termsByCategory[result.dimension + "\u{1F}" + category], keys.count == 1, let key = keys.first
        else { continue }
        entries[key]?.soleEvidence += 1
      }
    }
  }

  /// The terms, ranked for review: most false firings first, then lowest precision (terms never
  /// judged last), then most records, then dimension, category and term.
  package var ranked: [Entry] {
    entries.values.sorted { a, b in
      if a.falseFirings != b.falseFirings { return a.falseFirings > b.falseFirings }
      switch (a.precision, b.precision) {
      case (let x?, let y?) where x != y: return x < y
      case (_?, nil): return true
      case (nil, _?): return false
      default: break
      }
      if a.records != b.records { return a.records > b.records }
      return (a.dimension, a.category, a.term) < (b.dimension, b.category, b.term)
    }
  }
}

/// How a term's hit must sit in the text's segmentation to count.
package enum MatchMode: String, Sendable, Codable, CaseIterable {
  /// The hit must start and end on ICU word boundaries (the default), so that 政务 does not fire
  /// inside 财政|务实.
  case word
  /// Any occurrence counts: for terms that ICU's dictionary splits wrongly at their edges.
  case substring
}

/// One term of a lexicon category.
package struct LexiconTerm: Sendable, Hashable {
  /// The term as written in the lexicon (simplified characters).
  package var text: String
  /// How strongly the term signals its category, in (0, 10].
  package var weight: Double
  /// How a hit must align with word boundaries.
  package var matchMode: MatchMode
  /// Where the term is defined, so evidence can point a curator at the line to edit.
  package var location: SourceLocation
  /// The name of a context of its dimension (``LexiconContext``) that must be present in the
  /// hit's sentence for the hit to count, or `nil` when the term counts anywhere.
  package var near: String?

  /// Creates a term.
  package init(text: String, weight: Double, matchMode: MatchMode = .word, location: SourceLocation, near: String? = nil) {
    self.text = text
    self.weight = weight
    self.matchMode = matchMode
    self.location = location
    self.near = near
  }
}

/// A named list of words that a term can require in its sentence (`near: NAME`): generic words
/// such as 管理办法 signal a data standard only in a sentence about data, and 整合 signals data
/// sharing only in a sentence that names several agencies.
///
/// A context is present in a sentence when the values of its distinct words found there (as
/// substrings, outside the hit itself) add up to at least ``atLeast``.
package struct LexiconContext: Sendable, Hashable {
  /// One word of a context and what it adds.
  package struct Word: Sendable, Hashable {
    /// The word (simplified characters).
    package var text: String
    /// What it adds toward ``LexiconContext/atLeast`` (1 unless given).
    package var value: Double
    /// Where the word is defined.
    package var location: SourceLocation

    /// Creates a word.
    package init(text: String, value: Double = 1, location: SourceLocation) {
      self.text = text
      self.value = value
      self.location = location
    }
  }

  /// The name terms refer to with `near:`.
  package var name: String
  /// The words, in file order.
  package var words: [Word]
  /// The total value of distinct words a sentence needs (1 unless given).
  package var atLeast: Double
  /// Where the context is defined.
  package var location: SourceLocation

  /// Creates a context.
  package init(name: String, words: [Word], atLeast: Double = 1, location: SourceLocation) {
    self.name = name
    self.words = words
    self.atLeast = atLeast
    self.location = location
  }
}

/// A phrase inside which a category's terms do not count.
package struct LexiconExclusion: Sendable, Hashable {
  /// The phrase.
  package var text: String
  /// Where the phrase is defined.
  package var location: SourceLocation

  /// Creates an exclusion.
  package init(text: String, location: SourceLocation) {
    self.text = text
    self.location = location
  }
}

/// One category of a dimension's lexicon: its terms, threshold and exclusions.
package struct LexiconCategory: Sendable, Hashable {
  /// The taxonomy id, e.g. `public_service`.
  package var id: String
  /// The Chinese name.
  package var name: String
  /// The score at which the category is assigned.
  package var threshold: Double
  /// The terms, in file order.
  package var terms: [LexiconTerm]
  /// Phrases that neutralise the category's terms.
  package var exclusions: [LexiconExclusion]
  /// Another dimension whose labels imply this category (`implied_by:`), or `nil`: innovation's
  /// `technology` is assigned whenever the case uses a technology for something the text
  /// describes, which is what the technology dimension assigns, whatever words name the novelty.
  package var impliedBy: String?
  /// The categories of ``impliedBy`` that imply this one (`implied_by: {technology: [ai, iot]}`),
  /// or `nil` when any of its labels does: hosting on a cloud or a map is not a technology doing
  /// the case's work, so innovation's `technology` leaves `cloud` and `gis` out.
  package var impliedByCategories: [String]?
  /// Where `implied_by:` is written, for messages about it.
  package var impliedByLocation: SourceLocation?
  /// Whether the implication applies only when no other category of this dimension is assigned
  /// (`implied_when_alone: true`): capability's `government_operations` is implied by data
  /// sharing, management or standards only in a case that names no service of its own (the
  /// taxonomy's convention for data governance of the administration itself).
  package var impliedWhenAlone = false
  /// Whether the category's hits count in a quoted document title and in what a document
  /// provides (`counts_in_rules: false` turns it off): a regulation on data sharing
  /// (《政务数据共享管理办法》; 《办法》明确，政务数据以共享为原则…) is a data standard, and the
  /// case shares nothing by issuing it (the taxonomy's convention).
  package var countsInRules = true

  /// Creates a category.
  package init(
    id: String, name: String, threshold: Double, terms: [LexiconTerm], exclusions: [LexiconExclusion] = [],
    impliedBy: String? = nil, impliedByCategories: [String]? = nil, impliedByLocation: SourceLocation? = nil
  ) {
    self.id = id
    self.name = name
    self.threshold = threshold
    self.terms = terms
    self.exclusions = exclusions
    self.impliedBy = impliedBy
    self.impliedByCategories = impliedByCategories
    self.impliedByLocation = impliedByLocation
  }
}

/// The lexicon of one dimension, as loaded from one file.
package struct DimensionLexicon: Sendable, Hashable {
  /// The taxonomy id, e.g. `capability`.
  package var id: String
  /// The Chinese name.
  package var name: String
  /// The file it was loaded from.
  package var file: String
  /// Its categories, in the taxonomy's order.
  package var categories: [LexiconCategory]
  /// A category is only assigned when its score is at least this share of the dimension's top
  /// score (0 = no such rule): a passing mention of a second topic in a long case does not make
  /// it a second label.
  package var relativeThreshold: Double
  /// The contexts its terms can require (`near:`), in file order.
  package var contexts: [LexiconContext]

  /// Creates a dimension lexicon.
  package init(
    id: String, name: String, file: String, categories: [LexiconCategory], relativeThreshold: Double = 0,
    contexts: [LexiconContext] = []
  ) {
    self.id = id
    self.name = name
    self.file = file
    self.categories = categories
    self.relativeThreshold = relativeThreshold
    self.contexts = contexts
  }
}

/// Every dimension's lexicon, with a version that identifies their content.
package struct LexiconSet: Sendable {
  /// The dimensions, in the taxonomy's order.
  package var dimensions: [DimensionLexicon]
  /// A hash of everything that affects labels (ids, terms, weights, modes, contexts, thresholds,
  /// exclusions), but not of comments or layout, so reformatting a file keeps the version.
  package var version: String

  /// Creates a set and computes its version.
  package init(dimensions: [DimensionLexicon]) {
    self.dimensions = dimensions
    var hash = StableHash()
    for dimension in dimensions {
      hash.combine("dimension")
      hash.combine(dimension.id)
      hash.combine(String(dimension.relativeThreshold))
      for context in dimension.contexts {
        hash.combine("context")
        hash.combine(context.name)
        hash.combine(String(context.atLeast))
        for word in context.words {
          hash.combine(word.text)
          hash.combine(String(word.value))
        }
      }
      for category in dimension.categories {
        hash.combine("category")
        hash.combine(category.id)
        hash.combine(String(category.threshold))
        // Only an implication adds to the hash, so lexicons without one keep their version.
        if let impliedBy = category.impliedBy { hash.combine("implied_by:" + impliedBy) }
        if let categories = category.impliedByCategories {
          hash.combine("implied_by_categories:" + categories.joined(separator: ","))
        }
        if category.impliedWhenAlone { hash.combine("implied_when_alone") }
        if !category.countsInRules { hash.combine("counts_in_rules:false") }
        for term in category.terms {
          hash.combine(term.text)
          hash.combine(String(term.weight))
          hash.combine(term.matchMode.rawValue)
          // Only terms with a context add to the hash, so older lexicons keep their version.
          if let near = term.near { hash.combine("near:" + near) }
        }
        for exclusion in category.exclusions {
          hash.combine("exclude")
          hash.combine(exclusion.text)
        }
      }
    }
    version = hash.hexDigest
  }

  /// The number of terms in all dimensions.
  package var termCount: Int { dimensions.reduce(0) { $0 + $1.categories.reduce(0) { $0 + $1.terms.count } } }
}

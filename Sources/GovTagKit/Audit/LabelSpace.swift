/// The categories that `govtag eval`, `audit` and `lexicon suggest` compare: every taxonomy
/// category of each dimension the lexicons define, in the taxonomy's order.
///
/// Categories come from the taxonomy rather than the lexicons, so that a category the lexicons
/// do not define yet still shows in an evaluation (GovTag never assigns it: recall 0) instead of
/// silently improving the averages. Dimensions without a lexicon file are left out: GovTag has no
/// opinion on them at all.
package struct LabelSpace: Sendable {
  /// One category of the space.
  package struct Category: Sendable, Hashable {
    /// The dimension id.
    package var dimension: String
    /// The category id.
    package var id: String
    /// The Chinese name.
    package var name: String
    /// The score at which GovTag assigns it, or `nil` when the lexicons do not define the category.
    package var threshold: Double?
    /// The category's lexicon terms (empty when the lexicons do not define it).
    package var terms: Set<String>

    /// Whether the lexicons define the category (GovTag can assign it).
    package var inLexicons: Bool { threshold != nil }
    /// `dimension.category`, as reports name it.
    package var qualifiedID: String { dimension + "." + id }
  }

  /// One dimension of the space.
  package struct Dimension: Sendable, Hashable {
    /// The dimension id.
    package var id: String
    /// The Chinese name.
    package var name: String
    /// Its categories, in the taxonomy's order.
    package var categories: [Category]
  }

  /// The dimensions, in the taxonomy's order.
  package let dimensions: [Dimension]

  /// The space of `model`'s lexicons.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons; their dimensions select the taxonomy's dimensions.
  ///   - taxonomy: the label set, by default version 1.
  package init(model: ClassifierModel, taxonomy: Taxonomy = .standard) {
    var dimensions: [Dimension] = []
    for dimension in taxonomy.dimensions {
      guard let lexicon = model.lexicons.dimensions.first(where: { $0.id == dimension.id }) else { continue }
      let categories = dimension.categories.map { category -> Category in
        let defined = lexicon.categories.first { $0.id == category.id }
        return Category(
          dimension: dimension.id, id: category.id, name: category.name, threshold: defined?.threshold,
          terms: Set(defined?.terms.map(\.text) ?? []))
      }
      dimensions.append(Dimension(id: dimension.id, name: dimension.name, categories: categories))
    }
    self.dimensions = dimensions
  }

  /// Every category of every dimension, in order.
  package var categories: [Category] { dimensions.flatMap(\.categories) }
}

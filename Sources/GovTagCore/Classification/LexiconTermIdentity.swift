/// One lexicon term as its hits report it: dimension, category, text, weight and where it is
/// defined.
///
/// Built once per term when the model is compiled and shared by every hit of the term, so that
/// a hit carries one reference instead of five strings. GovTagKit renders the JSON that only
/// depends on the term once per run, indexed by ``termIndex`` (`EvidenceJSONFragmentTable`).
package final class LexiconTermIdentity: Hashable, Sendable {
  /// The dimension id.
  package let dimension: String
  /// The category id.
  package let category: String
  /// The term as written in the lexicon.
  package let text: String
  /// Where the term is defined.
  package let source: SourceLocation
  /// The term's weight.
  package let weight: Double
  /// The category's index in ``ClassifierModel``'s flat category list.
  package let categoryIndex: Int
  /// The term's index in ``ClassifierModel``'s flat term list.
  package let termIndex: Int

  init(dimension: String, category: String, term: LexiconTerm, categoryIndex: Int, termIndex: Int) {
    self.dimension = dimension
    self.category = category
    self.text = term.text
    self.source = term.location
    self.weight = term.weight
    self.categoryIndex = categoryIndex
    self.termIndex = termIndex
  }

  package static func == (lhs: LexiconTermIdentity, rhs: LexiconTermIdentity) -> Bool {
    lhs.dimension == rhs.dimension && lhs.category == rhs.category && lhs.text == rhs.text
      && lhs.source == rhs.source && lhs.weight == rhs.weight
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(dimension)
    hasher.combine(category)
    hasher.combine(text)
  }
}

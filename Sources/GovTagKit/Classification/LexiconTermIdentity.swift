/// One lexicon term as its hits report it: dimension, category, text, weight and where it is
/// defined.
///
/// Built once per term when the model is compiled and shared by every hit of the term, so that
/// a hit carries one reference instead of five strings, and its JSON (which only depends on the
/// term) is rendered once per run rather than once per hit.
final class LexiconTermIdentity: Hashable, Sendable {
  /// The dimension id.
  let dimension: String
  /// The category id.
  let category: String
  /// The term as written in the lexicon.
  let text: String
  /// Where the term is defined.
  let source: SourceLocation
  /// The term's weight.
  let weight: Double
  /// The category's index in ``ClassifierModel``'s flat category list.
  let categoryIndex: Int
  /// The term's index in ``ClassifierModel``'s flat term list.
  let termIndex: Int
  /// The parts of an evidence object that only depend on the term, as JSON.
  let json: EvidenceJSONFragments

  init(dimension: String, category: String, term: LexiconTerm, categoryIndex: Int, termIndex: Int) {
    self.dimension = dimension
    self.category = category
    self.text = term.text
    self.source = term.location
    self.weight = term.weight
    self.categoryIndex = categoryIndex
    self.termIndex = termIndex
    self.json = EvidenceJSONFragments(
      dimension: dimension, category: category, term: term.text, weight: term.weight, source: term.location.description)
  }

  deinit { json.deallocate() }

  static func == (lhs: LexiconTermIdentity, rhs: LexiconTermIdentity) -> Bool {
    lhs.dimension == rhs.dimension && lhs.category == rhs.category && lhs.text == rhs.text
      && lhs.source == rhs.source && lhs.weight == rhs.weight
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(dimension)
    hasher.combine(category)
    hasher.combine(text)
  }
}

/// The result of `govtag lexicon suggest`: for each category, the n-grams of its records most
/// associated with it that its lexicon lacks.
package struct LexiconSuggestions: Sendable {
  /// One suggested term.
  package struct Candidate: Sendable, Hashable {
    /// The n-gram, tokens joined without separators.
    package var ngram: String
    /// The weighted log-odds statistic of the n-gram in the category's records against the others.
    package var statistic: WeightedLogOdds
    /// Records labelled with the category that contain the n-gram.
    package var countIn: Int
    /// Other records (annotated in the dimension, without the category) that contain it.
    package var countOut: Int
    /// The sentence of the first record labelled with the category where it occurs.
    package var example: String
  }

  /// The suggestions for one category.
  package struct Category: Sendable {
    /// The category.
    package var category: LabelSpace.Category
    /// Records labelled with it.
    package var recordsIn: Int
    /// Records annotated in its dimension without it.
    package var recordsOut: Int
    /// The candidates, best first.
    package var candidates: [Candidate]
  }

  /// The field that held the labels.
  package var field: String
  /// The rules version of the lexicons.
  package var lexiconVersion: String
  /// The inputs, as named.
  package var inputs: [String]
  /// Records used.
  package var records: Int
  /// The fewest category records an n-gram must occur in.
  package var minCount: Int
  /// Every category with at least one labelled record, in the taxonomy's order.
  package var categories: [Category]
  /// How many records were read, used and skipped.
  package var summary: ReadSummary
}

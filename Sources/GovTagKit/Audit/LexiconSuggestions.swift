/// The result of `govtag lexicon suggest`: for each category, the n-grams of its records most
/// associated with it that its lexicon lacks.
public struct LexiconSuggestions: Sendable {
  /// One suggested term.
  public struct Candidate: Sendable, Hashable {
    /// The n-gram, tokens joined without separators.
    public var ngram: String
    /// The weighted log-odds statistic of the n-gram in the category's records against the others.
    public var statistic: WeightedLogOdds
    /// Records labelled with the category that contain the n-gram.
    public var countIn: Int
    /// Other records (annotated in the dimension, without the category) that contain it.
    public var countOut: Int
    /// The sentence of the first record labelled with the category where it occurs.
    public var example: String
  }

  /// The suggestions for one category.
  public struct Category: Sendable {
    /// The category.
    public var category: LabelSpace.Category
    /// Records labelled with it.
    public var recordsIn: Int
    /// Records annotated in its dimension without it.
    public var recordsOut: Int
    /// The candidates, best first.
    public var candidates: [Candidate]
  }

  /// The field that held the labels.
  public var field: String
  /// The rules version of the lexicons.
  public var lexiconVersion: String
  /// The inputs, as named.
  public var inputs: [String]
  /// Records used.
  public var records: Int
  /// The fewest category records an n-gram must occur in.
  public var minCount: Int
  /// Every category with at least one labelled record, in the taxonomy's order.
  public var categories: [Category]
  /// How many records were read, used and skipped.
  public var summary: CorpusSummary
}

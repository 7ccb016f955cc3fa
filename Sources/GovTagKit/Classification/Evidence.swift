/// One hit of a lexicon term in a document: what fired, where, and whether it counted.
///
/// Offsets are Unicode code point offsets into the field as given in the input, so that
/// `Array(field.unicodeScalars)[start..<end]` is `match` in any language's string API that
/// counts code points (Python's `str`, for instance).
public struct Evidence: Sendable, Hashable {
  /// The input field a hit lies in.
  public enum Field: String, Sendable, Hashable, Codable {
    case title, text
  }

  /// Whether the hit counted toward its category's score, and if not, why.
  public enum Status: Sendable, Hashable {
    /// The hit counted.
    case counted
    /// The hit starts or ends inside an ICU word (政务 in 财政|务实): not counted.
    case crossesWordBoundary
    /// The hit lies inside an occurrence of one of its category's exclusion phrases.
    case excluded(phrase: String)
    /// The hit lies inside a longer hit of the same category (通办 inside 一网通办), which
    /// already counts for it.
    case insideLongerTerm(term: String)

    /// A short machine-readable name: `counted`, `crosses_word_boundary`, `excluded`.
    public var code: String {
      switch self {
      case .counted: "counted"
      case .crossesWordBoundary: "crosses_word_boundary"
      case .excluded: "excluded"
      case .insideLongerTerm: "inside_longer_term"
      }
    }

    /// A sentence for people, or `nil` for counted hits.
    public var explanation: String? {
      switch self {
      case .counted: nil
      case .crossesWordBoundary: "starts or ends inside a word of the segmentation"
      case .excluded(let phrase): "inside the excluded phrase \"\(phrase)\""
      case .insideLongerTerm(let term): "inside the longer term \"\(term)\" of the same category"
      }
    }
  }

  /// The dimension id.
  public var dimension: String
  /// The category id.
  public var category: String
  /// The lexicon term that fired.
  public var term: String
  /// Where the term is defined in the lexicons.
  public var source: SourceLocation
  /// The field the hit lies in.
  public var field: Field
  /// Code point offset of the hit's start in the field.
  public var start: Int
  /// Code point offset just past the hit's end in the field.
  public var end: Int
  /// The field's text at `start..<end`.
  public var match: String
  /// A few characters either side of the hit, for a reviewer.
  public var context: String
  /// The term's weight in the lexicon.
  public var weight: Double
  /// What the hit added to its category's score (0 when not counted; less than the weight for
  /// repeated hits; more for hits in the title).
  public var contribution: Double
  /// Whether it counted.
  public var status: Status
  /// The UTF-8 byte range of the hit in the field (internal: used for merging segments).
  var byteRange: Range<Int>
}

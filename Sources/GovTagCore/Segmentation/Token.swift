/// One segment of a text: a byte range into its UTF-8 encoding and what kind of segment it is.
public struct Token: Hashable, Sendable {
  /// What ICU's rule status says a segment is.
  public enum Kind: String, Sendable, Codable {
    /// Han characters (ICU's `UBRK_WORD_IDEO`).
    case ideographic
    /// Letters, e.g. Latin acronyms such as `AI` (`UBRK_WORD_LETTER`).
    case letters
    /// Numbers, e.g. `2023` or `12.6` (`UBRK_WORD_NUMBER`).
    case number
    /// Kana (`UBRK_WORD_KANA`).
    case kana
    /// Punctuation, spaces and symbols (`UBRK_WORD_NONE`).
    case other

    /// Maps an ICU rule status (`ubrk_getRuleStatus`) to a kind.
    public init(ruleStatus: Int32) {
      switch ruleStatus {
      case 100..<200: self = .number
      case 200..<300: self = .letters
      case 300..<400: self = .kana
      case 400..<500: self = .ideographic
      default: self = .other
      }
    }
  }

  /// The UTF-8 byte range of the token in its text.
  public var range: Range<Int>
  /// The token's kind.
  public var kind: Kind
  /// Whether the token is a lexicon term, possibly merged from several ICU segments (人工|智能 → 人工智能).
  public var isLexiconTerm: Bool

  /// Creates a token.
  public init(range: Range<Int>, kind: Kind, isLexiconTerm: Bool = false) {
    self.range = range
    self.kind = kind
    self.isLexiconTerm = isLexiconTerm
  }
}

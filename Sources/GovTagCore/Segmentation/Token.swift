/// One segment of a text: a byte range into its UTF-8 encoding and what kind of segment it is.
package struct Token: Hashable, Sendable {
  /// What ICU's rule status says a segment is.
  package enum Kind: String, Sendable, Codable {
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
    package init(ruleStatus: Int32) {
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
  package var range: Range<Int>
  /// The token's kind.
  package var kind: Kind
  /// Whether the token is a lexicon term, possibly merged from several ICU segments (人工|智能 → 人工智能).
  package var isLexiconTerm: Bool

  /// Creates a token.
  package init(range: Range<Int>, kind: Kind, isLexiconTerm: Bool = false) {
    self.range = range
    self.kind = kind
    self.isLexiconTerm = isLexiconTerm
  }
}

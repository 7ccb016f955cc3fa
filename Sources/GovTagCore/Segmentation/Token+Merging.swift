extension Token {
  /// Builds the tokens of a text from its ICU segments, with lexicon terms merged.
  ///
  /// Terms are chosen leftmost-longest without overlap. A chosen term's span becomes one token;
  /// ICU segments it cuts into (possible for `match: substring` terms: 深圳|市南|山区 with the
  /// term 南山区) are split at its edges, the pieces keeping their ICU kind.
  ///
  /// - Parameters:
  ///   - terms: byte ranges of term hits that do not cross a word boundary, sorted by start,
  ///     longest first.
  ///   - segmentEnds: the end offset of each ICU segment, in order (``WordBoundaries/segmentEnds``).
  ///   - segmentStatuses: each segment's ICU rule status.
  /// - Returns: tokens that cover the text without gaps or overlaps.
  static func merging(terms: [Range<Int>], segmentEnds: [Int], segmentStatuses: [Int32]) -> [Token] {
    var chosen: [Range<Int>] = []
    var reach = 0
    for term in terms where term.lowerBound >= reach {
      // The sort puts the longest term first among those with the same start.
      chosen.append(term)
      reach = term.upperBound
    }
    var tokens: [Token] = []
    tokens.reserveCapacity(segmentEnds.count)
    var segmentStart = 0
    var next = 0  // index into chosen
    for (index, end) in segmentEnds.enumerated() {
      let kind = Token.Kind(ruleStatus: segmentStatuses[index])
      var cursor = segmentStart
      while cursor < end {
        if next < chosen.count, chosen[next].lowerBound <= cursor {
          // Inside a chosen term: emit it once, when we reach its start.
          let term = chosen[next]
          if cursor == term.lowerBound || tokens.last?.range != term {
            tokens.append(Token(range: term, kind: kind, isLexiconTerm: true))
          }
          if term.upperBound <= end {
            cursor = term.upperBound
            next += 1
          } else {
            cursor = end
          }
        } else {
          let stop = next < chosen.count ? min(end, chosen[next].lowerBound) : end
          tokens.append(Token(range: cursor..<stop, kind: kind))
          cursor = stop
        }
      }
      segmentStart = end
    }
    return tokens
  }
}

/// Splits a text into pieces at the edges of evidence spans given in Unicode code point offsets,
/// so that each piece is either plain or covered by a known set of spans.
///
/// Evidence offsets count code points (Unicode scalars); JavaScript strings count UTF-16 units,
/// which differ after any astral-plane character (😀, 𠮷). Splitting here, on scalar offsets,
/// leaves the browser nothing to convert: it writes the pieces in order with `textContent`.
/// The work is on UTF-8 bytes, in one pass per text.
///
///     EvidenceHighlighter.segments(of: "😀推进一网通办", spans: [3..<7])
///     // ["😀推进", "一网通办" (span 0)]
public enum EvidenceHighlighter {
  /// A piece of text and the spans covering it (indices into the spans given).
  public struct Segment: Sendable, Hashable {
    /// The text of the piece.
    public var text: String
    /// The indices of the spans covering the whole piece, in the order given; empty for plain text.
    public var spans: [Int]

    /// Creates a segment.
    public init(_ text: String, spans: [Int] = []) {
      self.text = text
      self.spans = spans
    }
  }

  /// Splits `text` at every span edge.
  ///
  /// Overlapping spans are allowed: a piece lists every span that covers it. Empty spans, and
  /// spans that reach past the text's end (evidence that belongs to another version of the
  /// text), are left out.
  ///
  /// - Parameters:
  ///   - text: the field's text.
  ///   - spans: code point ranges into `text`.
  /// - Returns: the pieces, in order; their texts joined are `text`.
  /// - Complexity: O(n + k²) for n bytes and k spans.
  public static func segments(of text: String, spans: [Range<Int>]) -> [Segment] {
    let utf8 = Array(text.utf8)
    return utf8.withUnsafeBufferPointer { segments(of: $0, spans: spans) }
  }

  static func segments(of bytes: UnsafeBufferPointer<UInt8>, spans: [Range<Int>]) -> [Segment] {
    // Scalar offsets of the edges, ascending, then their byte offsets in one pass.
    var edges = Set<Int>([0])
    for span in spans where !span.isEmpty && span.lowerBound >= 0 {
      edges.insert(span.lowerBound)
      edges.insert(span.upperBound)
    }
    let sortedEdges = edges.sorted()
    var byteOffsets: [Int] = []
    byteOffsets.reserveCapacity(sortedEdges.count + 1)
    var byteIndex = 0
    var scalar = 0
    var scalarEdges: [Int] = []
    for edge in sortedEdges {
      while scalar < edge && byteIndex < bytes.count {
        byteIndex += 1
        while byteIndex < bytes.count && !UTF8Text.isScalarStart(bytes[byteIndex]) { byteIndex += 1 }
        scalar += 1
      }
      guard scalar == edge else { break }  // past the end of the text
      byteOffsets.append(byteIndex)
      scalarEdges.append(edge)
    }
    if byteOffsets.last != bytes.count {
      // Count the remaining scalars so the last piece's end is known.
      while byteIndex < bytes.count {
        byteIndex += 1
        while byteIndex < bytes.count && !UTF8Text.isScalarStart(bytes[byteIndex]) { byteIndex += 1 }
        scalar += 1
      }
      byteOffsets.append(bytes.count)
      scalarEdges.append(scalar)
    }

    let total = scalarEdges.last ?? 0
    let usable = spans.indices.filter { !spans[$0].isEmpty && spans[$0].lowerBound >= 0 && spans[$0].upperBound <= total }
    var result: [Segment] = []
    for index in 0..<(byteOffsets.count - 1) {
      let (from, to) = (scalarEdges[index], scalarEdges[index + 1])
      guard from < to else { continue }
      let covering = usable.filter { spans[$0].lowerBound <= from && spans[$0].upperBound >= to }
      let piece = UTF8Text.string(bytes, byteOffsets[index]..<byteOffsets[index + 1])
      if covering.isEmpty, let last = result.last, last.spans.isEmpty {
        result[result.count - 1].text += piece
      } else {
        result.append(Segment(piece, spans: covering))
      }
    }
    return result
  }
}

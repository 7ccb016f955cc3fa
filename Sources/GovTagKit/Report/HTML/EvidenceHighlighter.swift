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
package enum EvidenceHighlighter {
  /// A piece of text and the spans covering it (indices into the spans given).
  package struct Segment: Sendable, Hashable {
    /// The text of the piece.
    package var text: String
    /// The indices of the spans covering the whole piece, in the order given; empty for plain text.
    package var spans: [Int]

    /// Creates a segment.
    package init(_ text: String, spans: [Int] = []) {
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
  /// - Complexity: O(n + k log k + c) for n bytes, k spans and c piece–span pairs in the result
  ///   (c is about k when spans do not overlap).
  package static func segments(of text: String, spans: [Range<Int>]) -> [Segment] {
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
    // One sweep over the edges: spans open at their start and close at their end, and `active`
    // (kept sorted, so pieces list spans in the order given) holds those covering the piece.
    // Pieces lie between consecutive edges, so a span covers a piece exactly when it is open.
    let byStart = usable.sorted { (spans[$0].lowerBound, $0) < (spans[$1].lowerBound, $1) }
    let byEnd = usable.sorted { (spans[$0].upperBound, $0) < (spans[$1].upperBound, $1) }
    var nextStart = 0
    var nextEnd = 0
    var active: [Int] = []
    func position(of span: Int) -> Int {
      var (low, high) = (0, active.count)
      while low < high {
        let middle = (low + high) / 2
        if active[middle] < span { low = middle + 1 } else { high = middle }
      }
      return low
    }
    var result: [Segment] = []
    for index in 0..<(byteOffsets.count - 1) {
      let (from, to) = (scalarEdges[index], scalarEdges[index + 1])
      while nextEnd < byEnd.count && spans[byEnd[nextEnd]].upperBound <= from {
        let span = byEnd[nextEnd]
        let at = position(of: span)
        if at < active.count && active[at] == span { active.remove(at: at) }
        nextEnd += 1
      }
      while nextStart < byStart.count && spans[byStart[nextStart]].lowerBound <= from {
        let span = byStart[nextStart]
        if spans[span].upperBound > from { active.insert(span, at: position(of: span)) }
        nextStart += 1
      }
      guard from < to else { continue }
      let covering = active
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

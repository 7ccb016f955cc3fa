/// Renders tokens as `a|b|c` or as JSON.
package enum SegmentationRenderer {
  /// Tokens joined by `|`; spaces and line breaks are kept inside their tokens.
  package static func plain(_ text: String, _ tokens: [Token]) -> String {
    let bytes = Array(text.utf8)
    return tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }.joined(separator: "|")
  }

  /// A JSON array of `{"token", "start", "end", "kind", "lexicon_term"}`, with code point offsets.
  package static func json(_ text: String, _ tokens: [Token]) -> String {
    let bytes = Array(text.utf8)
    let offsets = bytes.withUnsafeBufferPointer { buffer in
      UTF8Text.scalarOffsets(ofSorted: tokens.map(\.range.lowerBound) + [bytes.count], in: buffer)
    }
    var json = JSONWriter()
    json.beginArray()
    for (index, token) in tokens.enumerated() {
      json.beginObject()
      json.field("token", string: String(decoding: bytes[token.range], as: UTF8.self))
      json.field("start", integer: offsets[index])
      json.field("end", integer: offsets[index + 1])
      json.field("kind", string: token.kind.rawValue)
      json.field("lexicon_term", bool: token.isLexiconTerm)
      json.endObject()
    }
    json.endArray()
    return String(decoding: json.bytes, as: UTF8.self)
  }
}

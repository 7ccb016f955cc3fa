import Foundation

/// The JSON of the front door's answers (``Explanation``, ``TaggedRecord``, ``LexiconSummary``)
/// as `govtag serve` and `govtag explain --format json` write them: snake_case keys, sorted,
/// slashes unescaped, one line and a line break. One encoder, so that the two never differ.
package enum AnswerJSON {
  /// Encodes an answer.
  ///
  /// - Parameter value: the answer.
  /// - Returns: its JSON, with a trailing line break.
  /// - Throws: `EncodingError` when a value cannot be encoded (a non-finite number).
  package static func encode(_ value: some Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
  }
}

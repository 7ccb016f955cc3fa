/// Why one input record could not be labelled, and where it is.
///
/// A record error never stops a run: the record is reported (on stderr, in `--errors`, and as an
/// error record where output lines must match input lines) and every other record is labelled.
package struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where the record is: the input's name and 1-based line.
  package var location: SourceLocation
  /// The record's id, when it could be read.
  package var id: String?
  /// What is wrong, in one line.
  package var reason: String
  /// What to do about it.
  package var hint: String?
  /// The raw line, for `--errors` (invalid UTF-8 replaced by U+FFFD).
  package var rawLine: String

  /// Creates an error.
  package init(location: SourceLocation, id: String? = nil, reason: String, hint: String? = nil, rawLine: String = "") {
    self.location = location
    self.id = id
    self.reason = reason
    self.hint = hint
    self.rawLine = rawLine
  }

  package var description: String {
    var text = "\(location): "
    if let id { text += "record \"\(id)\": " }
    text += reason
    if let hint { text += "; \(hint)" }
    return text
  }
}

import Foundation

/// Turns one line of JSON Lines input into a ``Document``, or a ``RecordError`` that says
/// exactly what is wrong with it.
package struct DocumentDecoder: Sendable {
  /// The field that holds the narrative.
  package var textField = "text"
  /// The field that holds the title.
  package var titleField = "title"
  /// The field that holds the id.
  package var idField = "id"

  /// Creates a decoder with the default field names.
  package init() {}

  /// Decodes one line (without its line break).
  ///
  /// - Parameters:
  ///   - line: the line's bytes; a trailing carriage return is ignored.
  ///   - location: the input's name and line number, for errors.
  /// - Returns: the document, or the reason it cannot be read.
  package func decode(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Result<Document, RecordError> {
    var line = line
    if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
    // The raw line is only kept for errors, so it becomes a String only on that path.
    func failure(_ reason: String, id: String? = nil, hint: String? = nil) -> Result<Document, RecordError> {
      .failure(
        RecordError(location: location, id: id, reason: reason, hint: hint, rawLine: String(decoding: line, as: UTF8.self)))
    }
    let value: JSONValue
    do {
      // A line that parses is valid UTF-8 (the parser checks each string), so the line is
      // checked as a whole only when it does not parse: bad UTF-8 anywhere in it is then the
      // first thing to report.
      value = try JSONValueParser.parse(line)
    } catch {
      if let bad = UTF8Text.firstInvalidOffset(in: line) {
        return failure(
          "invalid UTF-8 at byte \(bad + 1) of the line",
          hint: "convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)")
      }
      if let error = error as? JSONValueParser.SyntaxError, let reason = error.reason {
        return failure(reason, hint: error.hint)
      }
      return failure("not valid JSON: \(Self.syntaxProblem(in: line))", hint: "each line must hold one JSON object")
    }
    return decode(value, at: location).mapError { error in
      var error = error
      error.rawLine = String(decoding: line, as: UTF8.self)
      return error
    }
  }

  /// Decodes one parsed JSON value: an object with an id, a text and perhaps a title.
  ///
  /// - Parameters:
  ///   - value: the value.
  ///   - location: where it came from, for errors.
  /// - Returns: the document, or the reason it cannot be read (with no raw line).
  package func decode(_ value: JSONValue, at location: SourceLocation) -> Result<Document, RecordError> {
    func failure(_ reason: String, id: String? = nil, hint: String? = nil) -> Result<Document, RecordError> {
      .failure(RecordError(location: location, id: id, reason: reason, hint: hint))
    }
    guard case .object(let fields) = value else {
      // A whole JSON array on one line is most likely a JSON file read as JSON Lines.
      var array = ""
      if case .array = value { array = " (a file that is one JSON array is read as one when its name ends in .json)" }
      return failure(
        "a record must be a JSON object, found \(value.typeDescription)", hint: "each line must hold one JSON object" + array)
    }
    let id: String
    switch fields[idField] {
    case .string(let text)? where !text.isEmpty: id = text
    case .integer(let number)?: id = String(number)
    case .numberText(let digits)? where Self.isIntegerText(digits): id = digits
    case nil: return failure("the record has no \"\(idField)\" field", hint: "give every record a unique id")
    case let other?: return failure("\"\(idField)\" must be a non-empty string or an integer, found \(other.typeDescription)")
    }
    guard let textValue = fields[textField] else {
      return failure("the record has no \"\(textField)\" field", id: id, hint: "put the narrative in \"\(textField)\"")
    }
    guard case .string(let text) = textValue else {
      return failure("\"\(textField)\" must be a string, found \(textValue.typeDescription)", id: id)
    }
    var title: String?
    switch fields[titleField] {
    case nil, .null?: title = nil
    case .string(let value)?: title = value
    case let other?: return failure("\"\(titleField)\" must be a string, found \(other.typeDescription)", id: id)
    }
    return .success(Document(id: id, title: title, text: text, fields: fields))
  }

  /// Whether a number's text is an integer (an id beyond 64 bits is still an integer id).
  static func isIntegerText(_ text: String) -> Bool {
    !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
  }

  /// What is wrong with invalid JSON, with a column: `JSONDecoder` only says "not valid JSON",
  /// so on this (rare) path the line is parsed again by `JSONSerialization`, whose message says
  /// where ("Invalid value around character 8.", a 0-based offset).
  static func syntaxProblem(in line: UnsafeBufferPointer<UInt8>, offsetName: String = "column") -> String {
    do {
      _ = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
      return "the line does not parse"
    } catch {
      guard let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String else {
        return "the line does not parse"
      }
      var message = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
      if let range = message.range(of: "around character "), let offset = Int(message[range.upperBound...]) {
        message = message[..<range.lowerBound] + "at \(offsetName) \(offset + 1)"
      }
      return message.prefix(1).lowercased() + message.dropFirst()
    }
  }
}

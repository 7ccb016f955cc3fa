/// A JSON document of records, as a program sends it: one record (an object) or several (an
/// array of objects).
package struct RecordsDocument: Sendable {
  /// Whether the document was an array (its answer is an array too, even of one record).
  package var isArray: Bool
  /// Each record in order: the document, or why it cannot be labelled.
  package var records: [Result<Document, RecordError>]
}

/// Why a JSON document of records cannot be read at all.
package enum RecordsDocumentProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The bytes are not UTF-8; `offset` is the 0-based offset of the first bad byte.
  case invalidUTF8(offset: Int)
  /// The bytes are not one JSON value (or break a rule of GovTag's reader: repeated keys, lone
  /// surrogates, nesting beyond ``JSONValue/maximumDepth``).
  case invalidJSON(reason: String, hint: String)
  /// The value is neither an object nor an array (`found` names its type).
  case notRecords(found: String)
  /// The array holds more records than allowed (it is not read beyond the limit).
  case tooManyRecords(limit: Int)
  /// The document is empty.
  case empty

  /// What is wrong, in one line.
  package var reason: String {
    switch self {
    case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset + 1)"
    case .invalidJSON(let reason, _): reason
    case .notRecords(let found): "expected a record (a JSON object) or an array of records, found \(found)"
    case .tooManyRecords(let limit): "more than \(limit) records in one request; at most \(limit) are allowed"
    case .empty: "the body is empty"
    }
  }

  /// What to do about it.
  package var hint: String {
    switch self {
    case .invalidUTF8: "send UTF-8 (for GBK text: iconv -f GB18030 -t UTF-8)"
    case .invalidJSON(_, let hint): hint
    case .notRecords, .empty: "send {\"id\": …, \"title\": …, \"text\": …} or an array of such objects"
    case .tooManyRecords: "split the records into several requests"
    }
  }

  package var description: String { "\(reason); \(hint)" }
}

extension DocumentDecoder {
  /// Decodes a JSON document holding one record or an array of records.
  ///
  /// The document is parsed by the same reader as a line of `govtag tag`'s input, so a record
  /// sent here becomes the same ``Document`` (fields, numbers as written) and is labelled into
  /// the same bytes.
  ///
  /// - Parameters:
  ///   - bytes: the document's UTF-8 bytes (a leading byte-order mark is skipped).
  ///   - source: what to call the document in errors (`request`).
  ///   - maxRecords: the most records an array may hold.
  /// - Returns: the records, each decoded or refused with its reason (its location's line is
  ///   its 1-based position in the array); or why the document as a whole cannot be read.
  package func decodeRecords(
    inJSON bytes: UnsafeBufferPointer<UInt8>, source: String, maxRecords: Int
  ) -> Result<RecordsDocument, RecordsDocumentProblem> {
    var bytes = bytes
    if bytes.starts(with: UTF8Text.byteOrderMark) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
    if let bad = UTF8Text.firstInvalidOffset(in: bytes) { return .failure(.invalidUTF8(offset: bad)) }
    guard bytes.contains(where: { !JSONValueParser.isWhitespace($0) }) else { return .failure(.empty) }
    let value: JSONValue
    do {
      value = try JSONValueParser.parse(bytes, maxTopLevelElements: maxRecords)
    } catch let error as JSONValueParser.TooManyElements {
      return .failure(.tooManyRecords(limit: error.limit))
    } catch let error as JSONValueParser.SyntaxError {
      if let reason = error.reason { return .failure(.invalidJSON(reason: reason, hint: error.hint ?? "send one JSON value")) }
      return .failure(
        .invalidJSON(reason: "not valid JSON: \(Self.syntaxProblem(in: bytes, offsetName: "byte"))", hint: "send one JSON value"))
    } catch {
      return .failure(
        .invalidJSON(reason: "not valid JSON: \(Self.syntaxProblem(in: bytes, offsetName: "byte"))", hint: "send one JSON value"))
    }
    switch value {
    case .object:
      return .success(RecordsDocument(isArray: false, records: [decode(value, at: SourceLocation(file: source))]))
    case .array(let elements):
      let records = elements.enumerated().map { index, element in
        let location = SourceLocation(file: source, line: index + 1)
        guard case .object = element else {
          return Result<Document, RecordError>.failure(
            RecordError(
              location: location, reason: "a record must be a JSON object, found \(element.typeDescription)",
              hint: "send an array of objects"))
        }
        return decode(element, at: location)
      }
      return .success(RecordsDocument(isArray: true, records: records))
    default:
      return .failure(.notRecords(found: value.typeDescription))
    }
  }
}

/// Reads CSV with a header row (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes), one record per row, streaming.
///
/// Written by hand because the CSV packages available load the whole file into memory, which a
/// multi-gigabyte corpus cannot afford; the parser is a small state machine over bytes.
public final class CSVRecordReader: RecordReader {
  /// Which columns hold the id, text and title.
  public struct Columns: Sendable, Hashable {
    public var id = "id"
    public var text = "text"
    public var title = "title"
    /// Creates the default mapping (`id`, `text`, `title`).
    public init() {}
  }

  private let reader: ByteReader
  private let columns: Columns
  private var header: [String]?
  private var line = 1
  private var row = 0
  private var finished = false

  /// Opens `path` (`-` for standard input).
  ///
  /// - Throws: `GovTagError` when it cannot be opened.
  public init(path: String, columns: Columns = Columns()) throws {
    reader = try ByteReader(path: path)
    self.columns = columns
  }

  public var name: String { reader.name }

  public func next() throws -> RawRecord? {
    guard !finished else { return nil }
    if header == nil {
      guard let (fields, _, _) = try readRow() else {
        finished = true
        return nil
      }
      var names = fields
      if var first = names.first, first.hasPrefix("\u{FEFF}") {
        first.removeFirst()
        names[0] = first
      }
      header = names
      guard names.contains(columns.text) else {
        finished = true
        let reason = "the CSV header has no column \"\(columns.text)\" (it has \(names.joined(separator: ", ")))"
        return RawRecord(
          location: SourceLocation(file: name, line: 1),
          payload: .failure(
            RecordError(location: SourceLocation(file: name, line: 1), reason: reason, hint: "name the text column with --text-column")),
          byteCount: 0)
      }
    }
    guard let header, let (fields, startLine, bytes) = try readRow() else {
      finished = true
      return nil
    }
    let location = SourceLocation(file: name, line: startLine)
    if fields.count == 1 && fields[0].isEmpty { return RawRecord(location: location, payload: .blank, byteCount: bytes) }
    row += 1
    guard fields.count == header.count else {
      let error = RecordError(
        location: location, reason: "the row has \(fields.count) fields but the header has \(header.count)",
        hint: "quote fields that contain commas or line breaks", rawLine: fields.joined(separator: ","))
      return RawRecord(location: location, payload: .failure(error), byteCount: bytes)
    }
    var values: [String: JSONValue] = [:]
    for (key, value) in zip(header, fields) { values[key] = .string(value) }
    let id = values[columns.id]?.stringValue ?? String(row)
    if values[columns.id] == nil { values["id"] = .string(id) }
    let title = values[columns.title]?.stringValue
    let text = values[columns.text]?.stringValue ?? ""
    // Keep the standard names so the output reads like any other GovTag record.
    if columns.text != "text" { values["text"] = .string(text) }
    if columns.title != "title", let title { values["title"] = .string(title) }
    if columns.id != "id" { values["id"] = .string(id) }
    let document = Document(id: id, title: title, text: text, fields: values)
    return RawRecord(location: location, payload: .document(document), byteCount: bytes)
  }

  /// One row's fields, the line it starts on and its byte length; `nil` at the end.
  private func readRow() throws -> ([String], Int, Int)? {
    guard try reader.peek() != nil else { return nil }
    let startLine = line
    var fields: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var bytes = 0
    while let byte = try reader.next() {
      bytes += 1
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if try reader.peek() == UInt8(ascii: "\"") {
            _ = try reader.next()
            bytes += 1
            field.append(byte)
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\"") where field.isEmpty: quoted = true
      case UInt8(ascii: ","):
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
      case 0x0A:
        line += 1
        if field.last == 0x0D { field.removeLast() }
        fields.append(String(decoding: field, as: UTF8.self))
        return (fields, startLine, bytes)
      default: field.append(byte)
      }
    }
    if field.last == 0x0D { field.removeLast() }
    fields.append(String(decoding: field, as: UTF8.self))
    return (fields, startLine, bytes)
  }
}

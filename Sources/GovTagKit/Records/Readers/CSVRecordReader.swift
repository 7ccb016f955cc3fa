/// Reads CSV with a header row (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes), one record per row, streaming.
///
/// Written by hand because the CSV packages available load the whole file into memory, which a
/// multi-gigabyte corpus cannot afford; the parser is a small state machine over bytes.
///
/// Rows are checked as strictly as JSON Lines: invalid UTF-8 (a GBK file) and NUL bytes make the
/// row an error with its line, never mojibake. A quote that is never closed is reported at the
/// line where it opened, and the rows after that line are read again as if the quote had ended
/// with its line, so one stray quote does not swallow the rest of the file.
package final class CSVRecordReader: RecordReader {
  /// Which columns hold the id, text and title.
  package struct Columns: Sendable, Hashable {
    package var id = "id"
    package var text = "text"
    package var title = "title"
    /// Creates the default mapping (`id`, `text`, `title`).
    package init() {}
  }

  private let reader: ByteReader
  private let columns: Columns
  private let settingNames: SettingNames
  private var header: [String]?
  private var line = 1
  private var row = 0
  private var finished = false
  /// Bytes to read again before the file's (after an unclosed quote).
  private var replay: [UInt8] = []
  private var replayIndex = 0
  /// A quoted field longer than this that never closes is not read again: the rest of the file
  /// is reported as one error instead of held in memory.
  static let replayLimit = 64 << 20

  /// One row as read.
  private struct Row {
    var fields: [[UInt8]]
    var startLine: Int
    var byteCount: Int
    /// The line where a quote opened and never closed, if one did.
    var unclosedQuoteLine: Int?
  }

  /// Opens `path` (`-` for standard input).
  ///
  /// - Parameters:
  ///   - path: the CSV file.
  ///   - columns: which columns hold the id, text and title.
  ///   - names: how hints name the caller's settings for the columns (``SettingNames/Setting/textColumn``,
  ///     `idColumn`, `titleColumn`); the default words them for a program.
  ///   - hashingConsumedBytes: whether to hash the bytes read (``consumedBytesHash()``).
  /// - Throws: `GovTagError` when it cannot be opened.
  package init(
    path: String, columns: Columns = Columns(), names: SettingNames = SettingNames(), hashingConsumedBytes: Bool = false
  ) throws {
    reader = try ByteReader(path: path, hashingConsumedBytes: hashingConsumedBytes)
    self.columns = columns
    self.settingNames = names
  }

  package var name: String { reader.name }

  package func consumedBytesHash() -> StableHash? { reader.consumedBytesHash() }

  package func next() throws -> RawRecord? {
    guard !finished else { return nil }
    if header == nil {
      try skipByteOrderMark()
      guard let headerRow = try readRow() else {
        finished = true
        return nil
      }
      if let problem = Self.problem(in: headerRow) ?? headerProblem(headerRow) {
        finished = true
        return failure(problem.reason, hint: problem.hint, line: 1)
      }
      var names = headerRow.fields.map { String(decoding: $0, as: UTF8.self) }
      if var first = names.first, first.hasPrefix("\u{FEFF}") {
        first.removeFirst()
        names[0] = first
      }
      if let problem = columnProblem(names) {
        finished = true
        return failure(problem.reason, hint: problem.hint, line: 1)
      }
      header = names
    }
    guard let header, let read = try readRow() else {
      finished = true
      return nil
    }
    let location = SourceLocation(file: name, line: read.startLine)
    if read.fields.count == 1 && read.fields[0].isEmpty && read.unclosedQuoteLine == nil {
      return RawRecord(location: location, payload: .blank, byteCount: read.byteCount)
    }
    row += 1
    let rawLine = read.fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")
    func rowFailure(_ reason: String, hint: String?) -> RawRecord {
      let error = RecordError(location: location, reason: reason, hint: hint, rawLine: rawLine)
      return RawRecord(location: location, payload: .failure(error), byteCount: read.byteCount)
    }
    if let opened = read.unclosedQuoteLine {
      return rowFailure(
        "the quote opened at line \(opened) is never closed; the lines after it are read as rows again",
        hint: "close the quoted field, and double every quote inside it (\"\")")
    }
    if let problem = Self.problem(in: read) { return rowFailure(problem.reason, hint: problem.hint) }
    guard read.fields.count == header.count else {
      return rowFailure(
        "the row has \(read.fields.count) fields but the header has \(header.count)",
        hint: "quote fields that contain commas or line breaks")
    }
    var values: [String: JSONValue] = [:]
    for (key, value) in zip(header, read.fields) { values[key] = .string(String(decoding: value, as: UTF8.self)) }
    let id = values[columns.id]?.stringValue ?? String(row)
    if values[columns.id] == nil { values["id"] = .string(id) }
    let title = values[columns.title]?.stringValue
    let text = values[columns.text]?.stringValue ?? ""
    // Keep the standard names so the output reads like any other GovTag record.
    if columns.text != "text" { values["text"] = .string(text) }
    if columns.title != "title", let title { values["title"] = .string(title) }
    if columns.id != "id" { values["id"] = .string(id) }
    let document = Document(id: id, title: title, text: text, fields: values)
    return RawRecord(location: location, payload: .document(document), byteCount: read.byteCount)
  }

  // MARK: - Checks

  private struct Problem {
    var reason: String
    var hint: String?
  }

  /// Invalid UTF-8 or a NUL byte in a row, with the byte's position in the row.
  private static func problem(in row: Row) -> Problem? {
    var offset = 0
    for (index, field) in row.fields.enumerated() {
      if let bad = field.withUnsafeBufferPointer({ UTF8Text.firstInvalidOffset(in: $0) }) {
        return Problem(
          reason: "invalid UTF-8 at byte \(offset + bad + 1) of the row (field \(index + 1))",
          hint: "convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)")
      }
      if let nul = field.firstIndex(of: 0) {
        return Problem(
          reason: "a NUL byte at byte \(offset + nul + 1) of the row (field \(index + 1))",
          hint: "the file may be UTF-16 or binary: convert it to UTF-8 text (iconv -f UTF-16 -t UTF-8)")
      }
      offset += field.count + 1
    }
    return nil
  }

  /// A header that cannot name the columns: an unclosed quote or a repeated name.
  private func headerProblem(_ row: Row) -> Problem? {
    if row.unclosedQuoteLine != nil {
      return Problem(reason: "the header's quote is never closed", hint: "close the quoted column name")
    }
    return nil
  }

  /// Columns asked for that the header lacks, or a name the header repeats.
  private func columnProblem(_ names: [String]) -> Problem? {
    let listed = names.joined(separator: ", ")
    var seen: Set<String> = []
    for name in names where !seen.insert(name).inserted {
      return Problem(
        reason: "the CSV header names the column \"\(name)\" twice (it has \(listed))",
        hint: "rename one of them: each column becomes a field of the record")
    }
    // The id and title columns are optional only under their default names: a name that was
    // given and is not there is a typo, and silently numbering the rows would hide it.
    let asked: [(column: String, setting: SettingNames.Setting, holds: String, required: Bool)] = [
      (columns.text, .textColumn, "the text", true), (columns.id, .idColumn, "the id", columns.id != "id"),
      (columns.title, .titleColumn, "the title", columns.title != "title"),
    ]
    for item in asked where item.required && !seen.contains(item.column) {
      let hint: String
      if let option = settingNames[item.setting] {
        hint = item.setting == .textColumn ? "name the text column with \(option)" : "name the column with \(option)"
      } else {
        hint = "choose the column that holds \(item.holds)"
      }
      return Problem(reason: "the CSV header has no column \"\(item.column)\" (it has \(listed))", hint: hint)
    }
    return nil
  }

  /// Skips a UTF-8 byte order mark at the start (Excel writes one), so that a quoted first
  /// column name is still read as quoted.
  private func skipByteOrderMark() throws {
    var consumed: [UInt8] = []
    for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
      guard let byte = try reader.peek(), byte == expected else {
        replay = consumed
        return
      }
      consumed.append(byte)
      _ = try reader.next()
    }
  }

  private func failure(_ reason: String, hint: String?, line: Int) -> RawRecord {
    let location = SourceLocation(file: name, line: line)
    return RawRecord(
      location: location, payload: .failure(RecordError(location: location, reason: reason, hint: hint)), byteCount: 0)
  }

  // MARK: - Bytes

  @inline(__always)
  private func peek() throws -> UInt8? {
    if replayIndex < replay.count { return replay[replayIndex] }
    return try reader.peek()
  }

  @inline(__always)
  private func nextByte() throws -> UInt8? {
    if replayIndex < replay.count {
      replayIndex += 1
      return replay[replayIndex - 1]
    }
    return try reader.next()
  }

  /// One row's fields, the line it starts on and its byte length; `nil` at the end.
  private func readRow() throws -> Row? {
    if replayIndex == replay.count && !replay.isEmpty {
      replay = []
      replayIndex = 0
    }
    guard try peek() != nil else { return nil }
    let startLine = line
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    var quoted = false
    var bytes = 0
    // While a quote is open, the raw bytes from the end of its line, to read again if it never closes.
    var quoteLine = 0
    var afterQuoteLine: [UInt8]?
    var keeping = false
    while let byte = try nextByte() {
      bytes += 1
      if quoted {
        if keeping {
          afterQuoteLine?.append(byte)
          if (afterQuoteLine?.count ?? 0) > Self.replayLimit {
            afterQuoteLine = nil
            keeping = false
          }
        }
        if byte == UInt8(ascii: "\"") {
          if try peek() == UInt8(ascii: "\"") {
            _ = try nextByte()
            bytes += 1
            if keeping { afterQuoteLine?.append(byte) }
            field.append(byte)
          } else {
            quoted = false
            afterQuoteLine = nil
            keeping = false
          }
        } else {
          if byte == 0x0A {
            line += 1
            if afterQuoteLine == nil && line == quoteLine + 1 && !keeping {
              afterQuoteLine = []
              keeping = true
            }
          }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\"") where field.isEmpty:
        quoted = true
        quoteLine = line
      case UInt8(ascii: ","):
        fields.append(field)
        field.removeAll(keepingCapacity: true)
      case 0x0A:
        line += 1
        if field.last == 0x0D { field.removeLast() }
        fields.append(field)
        return Row(fields: fields, startLine: startLine, byteCount: bytes, unclosedQuoteLine: nil)
      default: field.append(byte)
      }
    }
    if quoted {
      // The quote ran to the end of the input: report the row, and read the lines after the
      // quote's own line again (when they were kept) as ordinary rows.
      if let again = afterQuoteLine {
        replay = again + replay[replayIndex...]  // (the input is consumed, so this is `again`)
        replayIndex = 0
        line = quoteLine + 1
      }
      fields.append(field)
      let counted = bytes - (afterQuoteLine?.count ?? 0)  // the rest is counted when read again
      return Row(fields: fields, startLine: startLine, byteCount: counted, unclosedQuoteLine: quoteLine)
    }
    if field.last == 0x0D { field.removeLast() }
    fields.append(field)
    return Row(fields: fields, startLine: startLine, byteCount: bytes, unclosedQuoteLine: nil)
  }
}

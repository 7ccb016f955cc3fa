/// Reads a JSON array of objects element by element, without parsing or holding the whole array.
///
/// Written by hand because Foundation's JSON APIs parse a document whole, which would put a
/// multi-gigabyte corpus in memory. It only finds where each top-level element starts and ends
/// (tracking strings, escapes and nesting); each element is then decoded like a JSON Lines line.
package final class JSONArrayRecordReader: RecordReader {
  private let reader: ByteReader
  private let settingNames: SettingNames
  private var line = 1
  private var started = false
  private var finished = false
  /// Whether an element was read, so that a comma must come next.
  private var afterElement = false

  /// Opens `path` (`-` for standard input).
  ///
  /// - Parameters:
  ///   - path: the JSON file.
  ///   - names: how hints name the caller's settings (``SettingNames/Setting/inputFormat``); the
  ///     default words them for a program.
  ///   - hashingConsumedBytes: whether to hash the bytes read (``consumedBytesHash()``).
  /// - Throws: `GovTagError` when it cannot be opened.
  package init(path: String, names: SettingNames = SettingNames(), hashingConsumedBytes: Bool = false) throws {
    reader = try ByteReader(path: path, hashingConsumedBytes: hashingConsumedBytes)
    self.settingNames = names
  }

  /// Reads an input already opened by ``InputSniffer``.
  init(_ input: InputSniffer.Opened, names: SettingNames = SettingNames()) {
    reader = ByteReader(input)
    self.settingNames = names
  }

  /// The input offset of the first byte of the element ``next()`` returned last.
  private(set) var elementOffset = 0

  package var name: String { reader.name }

  package func consumedBytesHash() -> StableHash? { reader.consumedBytesHash() }

  package func next() throws -> RawRecord? {
    guard !finished else { return nil }
    if !started {
      started = true
      try skipByteOrderMark()
      try skipWhitespace()
      guard let first = try reader.peek() else {
        finished = true
        return nil  // an empty file: the runner reports it as holding no records
      }
      guard first == UInt8(ascii: "[") else {
        finished = true
        let jsonl = settingNames[.inputFormat].map { "use \($0) jsonl" } ?? "choose the jsonl input format"
        return failure("a JSON array input must start with [", hint: "\(jsonl) for one object per line")
      }
      _ = try reader.next()
    }
    try skipWhitespace()
    guard var byte = try reader.peek() else {
      finished = true
      return failure("the JSON array is not closed with ]", hint: "the file may be truncated")
    }
    if byte == UInt8(ascii: "]") {
      _ = try reader.next()
      return try end()
    }
    if afterElement {
      guard byte == UInt8(ascii: ",") else {
        finished = true
        return failure("expected , or ] after the element before line \(line)", hint: "separate the objects with commas")
      }
      _ = try reader.next()
      try skipWhitespace()
      guard let after = try reader.peek() else {
        finished = true
        return failure("the JSON array is not closed with ]", hint: "the file may be truncated")
      }
      byte = after
      if byte == UInt8(ascii: "]") {
        // Strict like every other reader of JSON: report the comma, then end the array as written.
        let comma = failure("a comma before the closing ] of the JSON array", hint: "remove the comma after the last element")
        _ = try reader.next()
        if let trailing = try end() { return trailing }
        return comma
      }
    } else if byte == UInt8(ascii: ",") {
      finished = true
      return failure("a comma before the first element of the JSON array", hint: "remove the comma after [")
    }
    afterElement = true
    // One element: up to the comma or bracket that closes it at depth 0.
    let startLine = line
    elementOffset = reader.offset
    var element: [UInt8] = []
    var depth = 0
    var inString = false
    var escaped = false
    while let next = try reader.peek() {
      if !inString && depth == 0 && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]")) { break }
      _ = try reader.next()
      if next == 0x0A { line += 1 }
      element.append(next)
      if inString {
        if escaped {
          escaped = false
        } else if next == UInt8(ascii: "\\") {
          escaped = true
        } else if next == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch next {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
      if depth < 0 { break }
    }
    if inString || depth != 0 {
      finished = true
      return failure("the JSON array is malformed or truncated in the element starting at line \(startLine)", line: startLine)
    }
    while let last = element.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { element.removeLast() }
    return RawRecord(location: SourceLocation(file: name, line: startLine), payload: .json(element), byteCount: element.count + 1)
  }

  /// After the closing `]`: nothing but white space may follow, or records would be lost
  /// unseen (a second array appended to the file, say).
  private func end() throws -> RawRecord? {
    finished = true
    try skipWhitespace()
    guard try reader.peek() != nil else { return nil }
    return failure(
      "content after the closing ] of the JSON array, at line \(line)",
      hint: "a .json input holds one array: put each array in its own file, or use JSON Lines (one record per line)")
  }

  /// Skips a UTF-8 byte order mark at the start (Windows tools write one).
  private func skipByteOrderMark() throws {
    guard try reader.peek() == 0xEF else { return }
    for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
      guard try reader.peek() == expected else { return }  // not a BOM: the parser reports the byte
      _ = try reader.next()
    }
  }

  private func skipWhitespace() throws {
    while let byte = try reader.peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      if byte == 0x0A { line += 1 }
      _ = try reader.next()
    }
  }

  private func failure(_ reason: String, hint: String? = nil, line: Int? = nil) -> RawRecord {
    RawRecord(
      location: SourceLocation(file: name, line: line ?? self.line),
      payload: .failure(RecordError(location: SourceLocation(file: name, line: line ?? self.line), reason: reason, hint: hint)),
      byteCount: 0)
  }
}

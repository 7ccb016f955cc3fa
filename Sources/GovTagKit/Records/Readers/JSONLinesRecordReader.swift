/// Reads JSON Lines: every line is a record (blank lines are reported as blank); a UTF-8 byte
/// order mark at the start of the file is skipped.
package final class JSONLinesRecordReader: RecordReader {
  private let lines: LineReader

  /// Opens `path` (`-` for standard input).
  ///
  /// - Parameters:
  ///   - path: the file.
  ///   - hashingConsumedBytes: whether to hash the bytes read (``consumedBytesHash()``).
  /// - Throws: `GovTagError` when it cannot be opened.
  package init(path: String, hashingConsumedBytes: Bool = false) throws {
    lines = try LineReader(path: path, hashingConsumedBytes: hashingConsumedBytes)
  }

  package var name: String { lines.name }

  package func consumedBytesHash() -> StableHash? { lines.consumedBytesHash() }

  package func next() throws -> RawRecord? {
    guard var bytes = try lines.nextLine() else { return nil }
    UTF8Text.removeByteOrderMark(from: &bytes, atLine: lines.lineNumber)
    let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    return RawRecord(
      location: SourceLocation(file: lines.name, line: lines.lineNumber), payload: blank ? .blank : .json(bytes),
      byteCount: bytes.count + 1)
  }
}

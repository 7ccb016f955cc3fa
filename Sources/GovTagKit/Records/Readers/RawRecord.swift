/// One input record as read, before it is decoded and labelled.
///
/// Readers only split the input into records; decoding JSON happens on the worker threads, so
/// the reading thread stays cheap.
package struct RawRecord: Sendable {
  /// What the reader found.
  package enum Payload: Sendable {
    /// A JSON object's bytes (a JSON Lines line, or an element of a JSON array).
    case json([UInt8])
    /// A record already split into fields (CSV rows, text files).
    case document(Document)
    /// Something that is not a record, with the reason.
    case failure(RecordError)
    /// A blank line: no record.
    case blank
  }

  /// Where the record is.
  package var location: SourceLocation
  /// What was read.
  package var payload: Payload
  /// Input bytes this record covers, for progress and throughput.
  package var byteCount: Int

  /// Creates a raw record.
  package init(location: SourceLocation, payload: Payload, byteCount: Int) {
    self.location = location
    self.payload = payload
    self.byteCount = byteCount
  }
}

/// Reads the records of one input, one at a time, without holding the input in memory.
package protocol RecordReader: AnyObject {
  /// The input's name as messages show it.
  var name: String { get }
  /// The next record, or `nil` at the end of the input.
  ///
  /// - Throws: `GovTagError` when the input cannot be read any further.
  func next() throws -> RawRecord?
  /// The ``StableHash`` of the input bytes consumed so far (for a folder, of each file's path
  /// and content), or `nil` when the reader was not opened hashing them.
  ///
  /// After the same records were read from the same bytes, the hash is the same: a resumed run
  /// compares it with the one the interrupted run saved to know that the records it skips are
  /// the ones already written.
  func consumedBytesHash() -> StableHash?
}

/// The input formats `govtag tag` reads.
package enum InputFormat: String, Sendable, CaseIterable {
  /// JSON Lines: one JSON object per line (`.jsonl`, `.ndjson`; also standard input).
  case jsonl
  /// A JSON array of objects (`.json`).
  case json
  /// CSV with a header row (`.csv`).
  case csv
  /// A directory of `.txt` files: id = relative path, text = content.
  case txt

  /// The format of `path` judged by its extension, or a directory's: `nil` when unknown.
  package static func detect(_ path: String, isDirectory: Bool) -> InputFormat? {
    if path == "-" { return .jsonl }
    if isDirectory { return .txt }
    let lower = path.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonl }
    if lower.hasSuffix(".json") { return .json }
    if lower.hasSuffix(".csv") { return .csv }
    return nil
  }
}

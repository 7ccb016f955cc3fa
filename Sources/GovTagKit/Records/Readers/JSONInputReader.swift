/// Splits one input of JSON records into records, whichever of GovTag's two JSON forms it
/// holds: JSON Lines, or one JSON array (what `govtag tag --format json` writes). The one place
/// where every command that reads labelled or annotated records (stats, report, export, diff,
/// eval, audit, calibrate, lexicon suggest, `tag --previous`) turns an input into records.
///
/// The form is told by content, whatever the file's name: an input whose first byte after a
/// byte order mark and white space is `[` is a JSON array (a JSON Lines record is an object), so
/// `.json`, `.jsonl` and standard input all read either form. An array is split by `govtag
/// tag`'s own reader (``JSONArrayRecordReader``): element by element, never held whole, each
/// reported at the line where it starts, with tag's messages for a truncated array, a missing
/// comma or anything after the closing `]`. JSON Lines are split by ``LineReader`` as before.
package final class JSONInputReader {
  /// The two forms.
  package enum Form: Sendable {
    /// One JSON object per line.
    case lines
    /// One JSON array of objects.
    case array
  }

  /// What the caller reads the input as, for the hint of an input that holds no JSON records.
  package enum Contents: Sendable {
    /// Labelled or annotated records: GovTag's output, or records with people's labels.
    case records
    /// The output of an earlier `govtag tag` run, to reuse its records.
    case previousOutput
  }

  /// One thing found in the input.
  package enum Item: Sendable {
    /// A record's JSON bytes (a line, or an array element) and where it starts.
    case record([UInt8], SourceLocation)
    /// A blank line of JSON Lines.
    case blank(SourceLocation)
    /// Something that is not a record (a broken array), with its place and reason.
    case failure(RecordError)
  }

  /// The input's form.
  package let form: Form
  /// The name used in messages: the path, or `<stdin>`.
  package let name: String
  private let lines: LineReader?
  private let array: JSONArrayRecordReader?
  /// The input offset of the first byte of the record ``next()`` returned last.
  package private(set) var recordOffset = 0

  /// Opens `path` (`-` for standard input) and tells its form.
  ///
  /// - Parameters:
  ///   - path: the input.
  ///   - names: how hints name the caller's settings; the default words them for a program.
  ///   - contents: what the input is read as, for the hint when it holds no JSON records.
  /// - Throws: `GovTagError` with code `.io` when it is a directory or cannot be opened or read;
  ///   with code `.input` when its first bytes show it holds no JSON records (UTF-16 text, or a
  ///   first line that starts with neither `{` nor `[` and looks like CSV: a comma or tab in it,
  ///   or a `.csv` or `.tsv` name). Any other bad first line is a ``Item/record(_:_:)`` whose
  ///   decoding fails, and the lines after it are read.
  package init(path: String, names: SettingNames = SettingNames(), contents: Contents = .records) throws {
    let opened = try InputSniffer.open(path)
    try opened.refuseNonJSON(contents: contents)
    name = opened.name
    if opened.startsArray {
      form = .array
      array = JSONArrayRecordReader(opened, names: names)
      lines = nil
    } else {
      form = .lines
      lines = LineReader(opened)
      array = nil
    }
  }

  /// The next record, blank line or failure; `nil` at the end of the input.
  ///
  /// - Throws: `GovTagError` with code `.io` when reading fails.
  package func next() throws -> Item? {
    if let lines {
      let start = lines.bytesRead
      guard var bytes = try lines.nextLine() else { return nil }
      let mark = UTF8Text.removeByteOrderMark(from: &bytes, atLine: lines.lineNumber)
      recordOffset = start + mark
      let location = SourceLocation(file: name, line: lines.lineNumber)
      return bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } ? .blank(location) : .record(bytes, location)
    }
    guard let array, let raw = try array.next() else { return nil }
    recordOffset = array.elementOffset
    switch raw.payload {
    case .json(let bytes): return .record(bytes, raw.location)
    case .failure(let error): return .failure(error)
    case .blank: return .blank(raw.location)
    case .document(let document):  // the array reader makes none
      return .failure(RecordError(location: raw.location, id: document.id, reason: "not a JSON record"))
    }
  }

  /// Why an input that held no record is an error: `the input is empty: no records`, `the input
  /// holds only blank lines: no records`, or `the JSON array is empty: no records`.
  package var noRecordsReason: String {
    switch form {
    case .array: "the JSON array is empty: no records"
    case .lines: (lines?.lineNumber ?? 0) == 0 ? "the input is empty: no records" : "the input holds only blank lines: no records"
    }
  }
}

/// Reads GovTag's output for `govtag export`: each record through ``LabelledRecordReader`` (the
/// decoder of `stats`, `report` and `diff`), with the `lexicon_version` that labelled it.
///
/// A bad line never stops the read: it is reported through the callback, with its file and line.
public struct LabelledExportReader: Sendable {
  /// Something met while reading.
  public enum Event: Sendable {
    /// A record and its `lexicon_version` (`nil` when the record has none).
    case record(LabelledRecord, lexiconVersion: String?)
    /// A line that could not be used; it is skipped.
    case recordFailed(RecordError)
    /// An input that could not be read at all.
    case inputFailed(GovTagError)
  }

  /// Creates a reader.
  public init() {}

  /// Reads every input in turn.
  ///
  /// - Parameters:
  ///   - paths: JSON Lines files written by `govtag tag`; `-` is standard input.
  ///   - onEvent: called for every record, in input order, and for every problem.
  /// - Returns: the counts.
  /// - Throws: `GovTagError` with code `.io` when reading an opened input fails.
  @discardableResult
  public func read(paths: [String], onEvent: (Event) -> Void) throws -> LabelledReadSummary {
    var summary = LabelledReadSummary()
    let records = LabelledRecordReader()
    let documents = DocumentDecoder()
    for path in paths {
      let reader: LineReader
      do {
        reader = try LineReader(path: path)
      } catch let error as GovTagError {
        summary.inputErrors.append(error)
        onEvent(.inputFailed(error))
        continue
      }
      var count = 0
      while var line = try reader.nextLine() {
        UTF8Text.removeByteOrderMark(from: &line, atLine: reader.lineNumber)
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
          summary.blankLines += 1
          continue
        }
        count += 1
        summary.recordsRead += 1
        let location = SourceLocation(file: reader.name, line: reader.lineNumber)
        let result = line.withUnsafeBufferPointer { bytes in
          records.decode(bytes, at: location).map { record in
            (record, try? documents.decode(bytes, at: location).get().fields["lexicon_version"]?.stringValue)
          }
        }
        switch result {
        case .success(let (record, version)):
          summary.accepted += 1
          onEvent(.record(record, lexiconVersion: version))
        case .failure(let error):
          summary.failed += 1
          onEvent(.recordFailed(error))
        }
      }
      summary.inputsRead += 1
      if count == 0 {
        let error = GovTagError(
          .input, "the input holds no records", at: SourceLocation(file: reader.name), hint: "give the JSON Lines that govtag tag wrote")
        summary.inputErrors.append(error)
        onEvent(.inputFailed(error))
      }
    }
    return summary
  }
}

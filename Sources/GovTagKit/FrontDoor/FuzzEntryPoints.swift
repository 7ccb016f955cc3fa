/// The readers and decoders the fuzz targets of `Fuzz/` drive, one entry point per input kind.
///
/// Not API: `@_spi(Fuzzing)`, for the fuzz package beside this one, which depends on GovTag by
/// path, where `package` does not reach (CONTRIBUTING.md). The readers, `DocumentDecoder`,
/// `LabelledRecordReader` and `LexiconLoader` stay `package`: an SPI declaration is hidden from
/// every file that does not `@_spi` import it, in this package too, and they are used all over
/// it. Each entry point runs the same code `govtag` runs; a fuzz target only feeds it input.
@_spi(Fuzzing) public enum FuzzEntryPoints {
  /// Decodes one JSON Lines line as an input record (`DocumentDecoder`).
  ///
  /// - Parameters:
  ///   - line: the line's bytes, without the line break.
  ///   - location: where the line is, for error messages.
  /// - Returns: the record, or `nil` when the decoder rejected the line.
  public static func decodeRecord(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Document? {
    try? DocumentDecoder().decode(line, at: location).get()
  }

  /// Decodes one JSON Lines line as a labelled record (`LabelledRecordReader`), with GovTag's
  /// labels or with the reference labels of a field.
  ///
  /// - Parameters:
  ///   - line: the line's bytes, without the line break.
  ///   - location: where the line is, for error messages.
  ///   - labelField: the field whose labels to read (`manual`, `gold`...), or `nil` for GovTag's.
  /// - Returns: whether the line decoded.
  public static func decodeLabelledRecord(
    _ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation, labelField: String? = nil
  ) -> Bool {
    let reader = labelField.map { LabelledRecordReader(source: .field($0)) } ?? LabelledRecordReader()
    if case .success = reader.decode(line, at: location) { return true }
    return false
  }

  /// Reads a whole file with the CSV reader, every row to the end.
  ///
  /// - Parameters:
  ///   - path: the file.
  ///   - idColumn: the header of the id column.
  ///   - titleColumn: the header of the title column.
  /// - Returns: the number of rows read (records and errors).
  /// - Throws: `GovTagError` when the file cannot be read.
  public static func readCSV(path: String, idColumn: String = "id", titleColumn: String = "title") throws -> Int {
    var columns = CSVRecordReader.Columns()
    columns.id = idColumn
    columns.title = titleColumn
    return try drain(CSVRecordReader(path: path, columns: columns))
  }

  /// Reads a whole file with the JSON array reader, and decodes every element it returns as an
  /// input record.
  ///
  /// - Parameter path: the file.
  /// - Returns: the number of elements read (records and errors).
  /// - Throws: `GovTagError` when the file cannot be read.
  public static func readJSONArray(path: String) throws -> Int {
    let reader = try JSONArrayRecordReader(path: path)
    var count = 0
    while let record = try reader.next() {
      count += 1
      if case .json(let bytes) = record.payload {
        _ = bytes.withUnsafeBufferPointer { DocumentDecoder().decode($0, at: record.location) }
      }
    }
    return count
  }

  /// Reads a whole file with the JSON Lines reader.
  ///
  /// - Parameter path: the file.
  /// - Returns: the number of lines read (records, blank lines and errors).
  /// - Throws: `GovTagError` when the file cannot be read.
  public static func readJSONLines(path: String) throws -> Int {
    try drain(JSONLinesRecordReader(path: path))
  }

  /// Parses a lexicon file (`LexiconLoader.parse`).
  ///
  /// - Parameters:
  ///   - text: the YAML text.
  ///   - file: the file name it is checked as (its dimension comes from it: `capability.yaml`).
  /// - Returns: the number of categories the lexicon defines.
  /// - Throws: `GovTagErrors` or `GovTagError` naming each problem.
  public static func parseLexicon(_ text: String, file: String) throws -> Int {
    try LexiconLoader().parse(text, file: file).categories.count
  }

  private static func drain(_ reader: some RecordReader) throws -> Int {
    var count = 0
    while try reader.next() != nil { count += 1 }
    return count
  }
}

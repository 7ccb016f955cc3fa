#if canImport(Glibc)
  import Glibc
#endif

extension InputSniffer.Opened {
  /// Throws when the input's first bytes show it holds no JSON records: UTF-16 text, or a first
  /// line that starts with neither `{` (JSON Lines) nor `[` (a JSON array) and looks like CSV (a
  /// comma or tab in it, or a `.csv` or `.tsv` name): a CSV file, perhaps saved by Excel. One
  /// error for the input instead of one "not valid JSON" per line, whose counts of records and
  /// blank lines would mean nothing (a CSV cell can span lines). Any other first line (a stray
  /// note, a broken record) is left to its own error, and the records after it are read.
  ///
  /// Decided on the bytes already read, so it costs nothing per record. Closes the input when it throws.
  ///
  /// - Parameter contents: what the input is read as, for the hint.
  /// - Throws: `GovTagError` with code `.input` naming the input and line, what it seems to hold,
  ///   and how to bring it in.
  func refuseNonJSON(contents: JSONInputReader.Contents = .records) throws {
    guard let error = nonJSONError(contents: contents) else { return }
    if ownsDescriptor { close(descriptor) }
    throw error
  }

  /// The error for an input that holds no JSON records, or `nil`.
  ///
  /// - Parameter contents: what the input is read as, for the hint.
  func nonJSONError(contents: JSONInputReader.Contents = .records) -> GovTagError? {
    let start = prefix.prefix(512)
    if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) || start.contains(0) {
      let why =
        start.contains(0) && !(start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]))
        ? "it has NUL bytes" : "it starts with a UTF-16 byte order mark"
      return GovTagError(
        .input, "the input is UTF-16 text (\(why)); GovTag reads UTF-8", at: SourceLocation(file: name, line: 1),
        hint: "convert it to UTF-8: iconv -f UTF-16 -t UTF-8 \(name == "<stdin>" ? "FILE" : name) > records.jsonl")
    }
    var index = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while index < prefix.count, [0x20, 0x0A, 0x0D, 0x09].contains(prefix[index]) { index += 1 }
    guard index < prefix.count, prefix[index] != UInt8(ascii: "{"), prefix[index] != UInt8(ascii: "[") else { return nil }
    // A byte order mark after white space: the line's own error says where it is.
    if prefix[index...].starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
    var line = prefix[index...].prefix { $0 != 0x0A && $0 != 0x0D }
    var shown = String(decoding: line.prefix(40), as: UTF8.self)
    if line.count > 40 { shown += "…" }
    line = line.prefix(4096)
    let csv =
      name.lowercased().hasSuffix(".csv") || name.lowercased().hasSuffix(".tsv") || line.contains(UInt8(ascii: ","))
      || line.contains(0x09)
    guard csv else { return nil }
    let hint =
      switch contents {
      case .records:
        "labelled records are read as JSON Lines (one JSON object per line, as govtag tag writes them) or one JSON array; "
          + "govtag tag reads CSV: label the file with it, or write each row as a JSON object with its labels in a field such as \"manual\""
      case .previousOutput:
        "give the previous run's output, as govtag tag wrote it (JSON Lines or one JSON array)"
      }
    return GovTagError(
      .input,
      "the input is not JSON Lines or a JSON array (it looks like CSV): its first line starts with \"\(shown)\", not with { or [",
      at: SourceLocation(file: name, line: 1 + prefix[..<index].count { $0 == 0x0A }), hint: hint)
  }
}

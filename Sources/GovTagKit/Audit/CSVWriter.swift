/// Writes comma-separated values as RFC 4180 describes them, for spreadsheets.
///
/// Records end with CRLF; a field is enclosed in double quotes when it holds a comma, a double
/// quote, a carriage return or a line feed, and its double quotes are doubled. The output starts
/// with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page and shows
/// Chinese as mojibake.
public struct CSVWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Creates a writer; the byte order mark is already in ``bytes``.
  public init() {}

  /// Appends one record.
  ///
  /// - Parameter fields: the record's fields, in column order.
  public mutating func writeRow(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let utf8 = field.utf8
      let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
      guard needsQuotes else {
        bytes.append(contentsOf: utf8)
        continue
      }
      bytes.append(UInt8(ascii: "\""))
      for byte in utf8 {
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        bytes.append(byte)
      }
      bytes.append(UInt8(ascii: "\""))
    }
    bytes.append(contentsOf: [0x0D, 0x0A])
  }
}

/// Writes comma-separated values as RFC 4180 describes them, for spreadsheets: the one CSV
/// writer of `govtag audit --csv` and `govtag stats --csv`.
///
/// Records end with CRLF; a field is enclosed in double quotes when it holds a comma, a double
/// quote, a carriage return or a line feed, and its double quotes are doubled. The output starts
/// with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local code page and shows
/// Chinese as mojibake.
///
/// # Formula injection
///
/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some also one that
/// starts with a tab or a carriage return) as a formula, so a record id or a context such as
/// `=cmd|' /C calc'!A0` would execute on the reviewer's machine. As OWASP recommends, a
/// ``Field/text(_:)`` cell starting with one of these characters is written with a single quote
/// before it (`'=cmd|…`), which the spreadsheet shows as text. Only text is neutralised: a
/// ``Field/number(_:)`` cell that is a plain decimal number (`-16.67`, `3`) stays a number,
/// since a spreadsheet reads it as one and it cannot run anything; a "number" of any other shape
/// is treated as text.
package struct CSVWriter: Sendable {
  /// One cell of a row.
  package enum Field: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Text from anywhere (ids, terms, contexts, names): neutralised when it could start a formula.
    case text(String)
    /// A figure GovTag computed, written as a plain decimal (`-0.5`, `12`, `33.33`).
    case number(String)

    package init(stringLiteral value: String) { self = .text(value) }
  }

  /// The bytes written so far.
  package private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Creates a writer; the byte order mark is already in ``bytes``.
  package init() {}

  /// Appends one record of text cells.
  ///
  /// - Parameter fields: the record's fields, in column order, each a ``Field/text(_:)``.
  package mutating func writeRow(_ fields: [String]) {
    writeRow(fields.map { Field.text($0) })
  }

  /// Appends one record.
  ///
  /// - Parameter fields: the record's fields, in column order.
  package mutating func writeRow(_ fields: [Field]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let text: String
      var neutralise = false
      switch field {
      case .number(let value):
        text = value
        neutralise = !Self.isPlainNumber(value) && Self.couldStartFormula(value)
      case .text(let value):
        text = value
        neutralise = Self.couldStartFormula(value)
      }
      let utf8 = text.utf8
      let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
      if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
      if neutralise { bytes.append(UInt8(ascii: "'")) }
      for byte in utf8 {
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        bytes.append(byte)
      }
      if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    }
    bytes.append(contentsOf: [0x0D, 0x0A])
  }

  /// Whether a spreadsheet could read a cell starting like `text` as a formula: it starts with
  /// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection").
  static func couldStartFormula(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
  }

  /// Whether `text` is an optional minus, digits, and optionally a point and more digits.
  static func isPlainNumber(_ text: String) -> Bool {
    var utf8 = Substring(text).utf8[...]
    if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let integer = utf8.prefix(while: isDigit)
    guard !integer.isEmpty else { return false }
    let rest = utf8.dropFirst(integer.count)
    if rest.isEmpty { return true }
    guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
    return rest.dropFirst().allSatisfy(isDigit)
  }
}

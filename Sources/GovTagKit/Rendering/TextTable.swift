/// A plain-text table with aligned columns: the one table writer of the human-readable reports
/// (eval, audit, agreement, suggest, explain).
///
/// Widths are display columns: Han characters, kana and full-width forms take two columns in a
/// terminal, so Chinese text lines up with Latin text.
struct TextTable {
  /// How a column's cells sit in it.
  enum Alignment {
    case left, right
  }

  /// The headings and alignments.
  var columns: [(title: String, alignment: Alignment)]
  /// The rows; a row shorter than the columns leaves the rest empty.
  var rows: [[String]] = []

  init(_ columns: [(String, Alignment)]) { self.columns = columns.map { (title: $0.0, alignment: $0.1) } }

  /// Adds a row.
  mutating func add(_ cells: [String]) { rows.append(cells) }

  /// The lines of the table, headings first, each prefixed with `indent` and without trailing spaces.
  func render(indent: String = "  ") -> [String] {
    var widths = columns.map { Self.width($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], Self.width(cell)) }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, column) in columns.enumerated() {
        let cell = index < cells.count ? cells[index] : ""
        let padding = String(repeating: " ", count: widths[index] - Self.width(cell))
        parts.append(column.alignment == .left ? cell + padding : padding + cell)
      }
      var text = indent + parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text
    }
    return [line(columns.map(\.title))] + rows.map(line)
  }

  /// The display width of `text`: two columns for East Asian wide and full-width characters.
  static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) }
  }

  /// Whether a scalar is East Asian Wide or Fullwidth (the ranges that matter for Chinese text).
  static func isWide(_ value: UInt32) -> Bool {
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      true
    default: false
    }
  }
}

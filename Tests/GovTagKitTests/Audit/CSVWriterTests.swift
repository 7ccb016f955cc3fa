import GovTagKit
import Testing

@Suite("CSV writer: RFC 4180 for spreadsheets, formula injection neutralised")
struct CSVWriterTests {
  @Test("a byte order mark first, CRLF line ends, quotes only where needed and doubled inside")
  func quoting() {
    var csv = CSVWriter()
    csv.writeRow(["id", "text"])
    csv.writeRow(["r1", "推进一网通办"])
    csv.writeRow(["r,2", "他说\"好\"\n第二行"])
    csv.writeRow(["", "a\rb"])
    #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
    #expect(text == "id,text\r\nr1,推进一网通办\r\n\"r,2\",\"他说\"\"好\"\"\n第二行\"\r\n,\"a\rb\"\r\n")
  }

  /// A cell and how it is written.
  struct Cell: Sendable, CustomTestStringConvertible {
    var field: CSVWriter.Field
    var written: String
    var testDescription: String { "\(field) → \(written)" }
  }

  static let cells: [Cell] = [
    Cell(field: .text("=cmd|' /C calc'!A0"), written: "'=cmd|' /C calc'!A0"),
    Cell(field: .text("+1+1"), written: "'+1+1"),
    Cell(field: .text("-2+3"), written: "'-2+3"),
    Cell(field: .text("@SUM(A1)"), written: "'@SUM(A1)"),
    Cell(field: .text("\t=1"), written: "'\t=1"),
    Cell(field: .text("\r=1"), written: "\"'\r=1\""),
    Cell(field: .text("=HYPERLINK(\"http://x\",\"y\")"), written: "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
    Cell(field: .text("-0.5"), written: "'-0.5"),  // text from a record stays text
    Cell(field: .text("a=1"), written: "a=1"),
    Cell(field: .text("＝1"), written: "＝1"),
    Cell(field: .text(""), written: ""),
    Cell(field: .number("-0.5"), written: "-0.5"),
    Cell(field: .number("-16.67"), written: "-16.67"),
    Cell(field: .number("12"), written: "12"),
    Cell(field: .number(""), written: ""),
    Cell(field: .number("-1+1"), written: "'-1+1"),  // not a plain number: treated as text
    Cell(field: .number("-.5"), written: "'-.5"),
  ]

  @Test("text cells starting with = + - @ tab or CR get a leading quote; plain numbers stay numbers", arguments: cells)
  func neutralised(_ cell: Cell) {
    var csv = CSVWriter()
    csv.writeRow([cell.field, "x"])
    #expect(String(decoding: csv.bytes.dropFirst(3), as: UTF8.self) == cell.written + ",x\r\n")
  }
}

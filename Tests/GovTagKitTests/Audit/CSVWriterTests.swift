import GovTagKit
import Testing

@Suite("CSV writer: RFC 4180 for spreadsheets")
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
}

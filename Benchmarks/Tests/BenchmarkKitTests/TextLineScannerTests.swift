import BenchmarkKit
import GovTagKit
import Testing

@Suite("TextLineScanner")
struct TextLineScannerTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var contents: String
    var lines: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(id: "lines ending in a line break", contents: "a\nbb\nccc\n", lines: ["a", "bb", "ccc"]),
    Case(id: "a last line without a line break", contents: "a\nbb", lines: ["a", "bb"]),
    Case(id: "an empty file", contents: "", lines: []),
    Case(id: "empty lines", contents: "\n\nx\n", lines: ["", "", "x"]),
    Case(id: "multi-byte text", contents: "坚持财政务实管理\n推进人工智能\n", lines: ["坚持财政务实管理", "推进人工智能"]),
    Case(
      id: "a line longer than the block", contents: String(repeating: "政务服务", count: 40) + "\nend",
      lines: [String(repeating: "政务服务", count: 40), "end"]),
  ]

  @Test("splits lines across every block size", arguments: cases, [1, 2, 5, 4096])
  func splitsLines(_ example: Case, blockSize: Int) throws {
    var lines: [String] = []
    let bytes = try TestFiles.withFile(example.contents) { path in
      try TextLineScanner(path: path, blockSize: blockSize).forEachLine { line in
        lines.append(String(decoding: line, as: UTF8.self))
      }
    }
    #expect(lines == example.lines)
    #expect(bytes == example.contents.utf8.count)
  }

  @Test("names the missing file and what to do")
  func missingFile() {
    #expect {
      _ = try TextLineScanner(path: "/nonexistent/texts.txt")
    } throws: { error in
      (error as? GovTagError)?.description
        == "/nonexistent/texts.txt: cannot open the texts file: No such file or directory; make the corpus first (Benchmarks/run.sh does) or check the path"
    }
  }
}

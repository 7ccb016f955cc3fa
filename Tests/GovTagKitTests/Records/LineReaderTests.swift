import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagKit

#if canImport(Glibc)
  import Glibc
#endif

@Suite("LineReader")
struct LineReaderTests {
  @Test("a long line from a pipe, arriving 64 KB at a time, is searched for its line break once")
  func longLineFromPipe() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    defer { close(readEnd) }
    let length = 8 << 20
    let writer = Thread {
      var block = [UInt8](repeating: 0x61, count: 64 << 10)
      var left = length
      while left > 0 {
        let count = min(left, block.count)
        _ = block.withUnsafeMutableBytes { write(writeEnd, $0.baseAddress, count) }
        left -= count
      }
      block = Array("\nshort\n".utf8)
      _ = block.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
      close(writeEnd)
    }
    writer.start()
    let reader = try LineReader(path: "/dev/fd/\(readEnd)")
    let first = try #require(try reader.nextLine())
    #expect(first.count == length)
    #expect(first.allSatisfy { $0 == 0x61 })
    #expect(try reader.nextLine() == Array("short".utf8))
    #expect(try reader.nextLine() == nil)
    #expect(reader.lineNumber == 2)
    #expect(reader.bytesRead == length + 7)
    // Rescanning from the line's start after every read would search about 500 MB here.
    #expect(reader.bytesSearched == length + 7)
  }

  @Test("lines split across reads, blank lines and a last line without a line break")
  func lineShapes() throws {
    let directory = Fixtures.temporaryDirectory()
    let text = "a\n\nbc\r\n" + String(repeating: "x", count: LineReader.blockSize + 5) + "\nlast"
    let path = Fixtures.write(text, to: "lines.txt", in: directory)
    let reader = try LineReader(path: path)
    var lines: [String] = []
    while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
    #expect(lines == ["a", "", "bc\r", String(repeating: "x", count: LineReader.blockSize + 5), "last"])
    #expect(reader.bytesRead == text.utf8.count)
  }
}

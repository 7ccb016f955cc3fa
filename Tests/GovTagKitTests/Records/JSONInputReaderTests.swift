import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagKit

/// The one splitter of inputs of labelled and annotated records: JSON Lines or a JSON array,
/// told by content, with `govtag tag`'s line numbers and messages for arrays.
@Suite("JSONInputReader")
struct JSONInputReaderTests {
  /// Every item of `text` read as the file `name`: `line: bytes`, `blank line`, `failure line: reason`.
  func items(_ text: [UInt8], name: String = "in.json") throws -> (form: JSONInputReader.Form, items: [String], offsets: [Int]) {
    let directory = Fixtures.temporaryDirectory()
    let path = directory.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(text))
    let reader = try JSONInputReader(path: path)
    var items: [String] = []
    var offsets: [Int] = []
    while let item = try reader.next() {
      switch item {
      case .record(let bytes, let location):
        items.append("\(location.line ?? 0): \(String(decoding: bytes, as: UTF8.self))")
        offsets.append(reader.recordOffset)
      case .blank(let location): items.append("\(location.line ?? 0): blank")
      case .failure(let error): items.append("failure \(error.location.line ?? 0): \(error.reason)")
      }
    }
    return (reader.form, items, offsets)
  }

  @Test("a JSON array as govtag tag --format json writes it: one record per element, at the line where it starts")
  func tagOutput() throws {
    let text = Array("[\n{\"id\":\"a\"},\n{\"id\":\"b\"},\n{\"id\":\"c\"}\n]\n".utf8)
    let read = try items(text)
    #expect(read.form == .array)
    #expect(read.items == [#"2: {"id":"a"}"#, #"3: {"id":"b"}"#, #"4: {"id":"c"}"#])
    // The offsets point at each element's first byte, for --previous to read it back.
    #expect(read.offsets == [2, 14, 26])
    for (offset, id) in zip(read.offsets, ["a", "b", "c"]) {
      #expect(Array(text[offset..<offset + 10]) == Array("{\"id\":\"\(id)\"}".utf8))
    }
  }

  @Test(
    "told by content, not by name: a BOM and white space before [ make an array, anything else JSON Lines",
    arguments: [
      ("in.jsonl", [0xEF, 0xBB, 0xBF] + Array(" \r\n\t[{\"id\":\"a\"}]".utf8), JSONInputReader.Form.array, [#"2: {"id":"a"}"#]),
      ("in.json", Array("{\"id\":\"a\"}\n\n{\"id\":\"b\"}".utf8), .lines, [#"1: {"id":"a"}"#, "2: blank", #"3: {"id":"b"}"#]),
      ("in.txt", [0xEF, 0xBB, 0xBF] + Array("{\"id\":\"a\"}\n".utf8), .lines, [#"1: {"id":"a"}"#]),
      ("in.json", [0xEF, 0xBB, 0xBF], .lines, ["1: blank"]),
      ("in.json", [], .lines, []),
    ] as [(String, [UInt8], JSONInputReader.Form, [String])])
  func form(name: String, text: [UInt8], form: JSONInputReader.Form, expected: [String]) throws {
    let read = try items(text, name: name)
    #expect(read.form == form)
    #expect(read.items == expected)
  }

  @Test("a broken array fails with govtag tag's own messages and lines")
  func brokenArrays() throws {
    // A missing comma between objects: one element, which then fails to decode, as in tag.
    #expect(
      try items(Array("[\n{\"id\":\"a\"}\n{\"id\":\"b\"}\n]".utf8)).items == ["2: {\"id\":\"a\"}\n{\"id\":\"b\"}"])
    #expect(
      try items(Array("[\n{\"id\":\"a\"},\n{\"id\":".utf8)).items == [
        #"2: {"id":"a"}"#, "failure 3: the JSON array is malformed or truncated in the element starting at line 3",
      ])
    #expect(
      try items(Array("[{\"id\":\"a\"}]\n{\"id\":\"b\"}\n".utf8)).items == [
        #"1: {"id":"a"}"#, "failure 2: content after the closing ] of the JSON array, at line 2",
      ])
  }

  @Test("an input without records says which kind of empty it is")
  func empty() throws {
    let directory = Fixtures.temporaryDirectory()
    for (text, reason) in [
      ("", "the input is empty: no records"), ("\n \n", "the input holds only blank lines: no records"),
      (" [ ] ", "the JSON array is empty: no records"),
    ] {
      let path = Fixtures.write(text, to: "e.json", in: directory)
      let reader = try JSONInputReader(path: path)
      while try reader.next() != nil {}
      #expect(reader.noRecordsReason == reason)
    }
  }

  @Test("more than a mebibyte of white space before anything else is read as lines, not held whole")
  func longWhiteSpace() throws {
    let text = [UInt8](repeating: 0x0A, count: (1 << 20) + 10) + Array(#"{"id":"a"}"#.utf8)
    let result = try items(text, name: "blank.jsonl")
    #expect(result.form == .lines)
    #expect(result.items.count == (1 << 20) + 11)
    #expect(result.items.last == "\((1 << 20) + 11): {\"id\":\"a\"}")
  }

  /// The message of the error opening `bytes` as the file `name`, or `nil` when it opens.
  func openingError(_ bytes: [UInt8], name: String) -> String? {
    let directory = Fixtures.temporaryDirectory()
    let path = directory.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    do {
      _ = try JSONInputReader(path: path)
      return nil
    } catch let error as GovTagError {
      return error.message
    } catch {
      return "\(error)"
    }
  }

  @Test("an input that holds no JSON records is refused on its first bytes: UTF-16, a CSV with a Chinese header")
  func notJSON() {
    let utf16 = Array(#"{"id":"a"}"#.data(using: .utf16LittleEndian) ?? Data())
    #expect(openingError(utf16, name: "a.jsonl") == "the input is UTF-16 text (it has NUL bytes); GovTag reads UTF-8")
    #expect(
      openingError(Array("标题,正文\n一,二\n".utf8), name: "a.txt")
        == "the input is not JSON Lines or a JSON array (it looks like CSV): its first line starts with \"标题,正文\", not with { or ["
    )
    #expect(
      openingError(Array("hello\n".utf8), name: "a.csv")
        == "the input is not JSON Lines or a JSON array (it looks like CSV): its first line starts with \"hello\", not with { or ["
    )
    // A stray first line that does not look like CSV, or a broken first record, is the line's
    // own error, and the rest is read.
    #expect(openingError(Array("hello\n".utf8), name: "a.jsonl") == nil)
    #expect(openingError(Array("{oops\n{\"id\":\"b\"}\n".utf8), name: "a.jsonl") == nil)
    #expect(openingError(Array("\n  [\n]".utf8), name: "a.json") == nil)
    #expect(openingError([], name: "empty.jsonl") == nil)
  }

  @Test("a stray first line (a note, a title) is a record of its own, and the records after it are read")
  func strayFirstLine() throws {
    let read = try items(Array("garbage line\n{\"id\":\"a\"}\n{\"id\":\"b\"}\n".utf8), name: "prev.jsonl")
    #expect(read.form == .lines)
    #expect(read.items == ["1: garbage line", #"2: {"id":"a"}"#, #"3: {"id":"b"}"#])
  }

  @Test("the refusal names the first line that is not blank, with a hint for what the input is read as")
  func notJSONPlace() throws {
    let directory = Fixtures.temporaryDirectory()
    let path = Fixtures.write("\n\n标题,正文\n", to: "a.txt", in: directory)
    let hints: [(JSONInputReader.Contents, String)] = [
      (
        .records,
        "labelled records are read as JSON Lines (one JSON object per line, as govtag tag writes them) or one JSON array; "
          + "govtag tag reads CSV: label the file with it, or write each row as a JSON object with its labels in a field such as \"manual\""
      ),
      (.previousOutput, "give the previous run's output, as govtag tag wrote it (JSON Lines or one JSON array)"),
    ]
    for (contents, hint) in hints {
      let error = try #require(throws: GovTagError.self) { try JSONInputReader(path: path, contents: contents) }
      #expect(error.location?.description == path + ":3")
      #expect(error.hint == hint)
    }
    let utf16 = Fixtures.write("\u{FEFF}{}", to: "b.jsonl", in: directory)
    try Data([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]).write(to: URL(fileURLWithPath: utf16))
    let error = try #require(throws: GovTagError.self) { try JSONInputReader(path: utf16) }
    #expect(error.location?.description == utf16 + ":1")
  }
}

import GovTagKit
import Testing

@Suite("Decoding input records")
struct DocumentDecoderTests {
  func decode(_ line: String) -> Result<Document, RecordError> {
    Array(line.utf8).withUnsafeBufferPointer {
      DocumentDecoder().decode($0, at: SourceLocation(file: "in.jsonl", line: 7))
    }
  }

  func message(_ line: String) -> String? {
    if case .failure(let error) = decode(line) { return error.description }
    return nil
  }

  @Test("a good record keeps every field")
  func goodRecord() throws {
    let document = try decode(#"{"id": 12, "title": "标题", "text": "正文", "year": 2023, "gold": {"capability": []}}"#).get()
    #expect(document.id == "12")
    #expect(document.title == "标题")
    #expect(document.text == "正文")
    #expect(document.fields["year"] == .integer(2023))
    #expect(document.fields["gold"] == .object(["capability": .array([])]))
  }

  @Test("bad records are explained with file and line")
  func badRecords() {
    #expect(message("not json") == "in.jsonl:7: not valid JSON: invalid value at column 2; each line must hold one JSON object")
    #expect(
      message(#"{"id": "a", "text": "x""#)
        == "in.jsonl:7: not valid JSON: unexpected end of file during JSON parse; each line must hold one JSON object")
    #expect(
      message("[1, 2]")
        == "in.jsonl:7: a record must be a JSON object, found an array; each line must hold one JSON object "
        + "(a file that is one JSON array is read as one when its name ends in .json)")
    #expect(message(#"{"text": "x"}"#) == #"in.jsonl:7: the record has no "id" field; give every record a unique id"#)
    #expect(message(#"{"id": "a"}"#) == #"in.jsonl:7: record "a": the record has no "text" field; put the narrative in "text""#)
    #expect(message(#"{"id": "a", "text": null}"#) == #"in.jsonl:7: record "a": "text" must be a string, found null"#)
    #expect(
      message(#"{"id": "a", "text": "x", "title": 3}"#) == #"in.jsonl:7: record "a": "title" must be a string, found a number"#)
    #expect(
      message(#"{"id": true, "text": "x"}"#) == #"in.jsonl:7: "id" must be a non-empty string or an integer, found a boolean"#)
  }

  /// A truncated character inside a string (at byte 19) and a stray byte outside one, before a
  /// syntax error (at byte 11).
  static let insideString: [UInt8] = Array(#"{"id":"a","text":""#.utf8) + [0xE6, 0x95] + Array(#""}"#.utf8)
  static let outsideString: [UInt8] = Array(#"{"id":"a","#.utf8) + [0xE6] + Array(#" "text":"x""#.utf8)

  @Test(
    "invalid UTF-8 is located to the byte, inside a string or outside one (before a syntax error)",
    arguments: [(insideString, 19), (outsideString, 11)])
  func invalidUTF8(_ bytes: [UInt8], _ byte: Int) {
    let result = bytes.withUnsafeBufferPointer { DocumentDecoder().decode($0, at: SourceLocation(file: "in.jsonl", line: 2)) }
    guard case .failure(let error) = result else {
      Issue.record("invalid UTF-8 must fail")
      return
    }
    #expect(
      error.description
        == "in.jsonl:2: invalid UTF-8 at byte \(byte) of the line; convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)"
    )
  }

  @Test("a trailing carriage return is ignored")
  func carriageReturn() throws {
    #expect(try decode("{\"id\":\"a\",\"text\":\"x\"}\r").get().text == "x")
  }
}

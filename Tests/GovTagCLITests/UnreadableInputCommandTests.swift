import Foundation
import GovTagTestSupport
import Testing

/// A command whose every input fails prints no report and writes no file: an audit of no records
/// used to say that people and GovTag "agree on every category".
@Suite("Commands whose inputs all fail report nothing")
struct UnreadableInputCommandTests {
  static let lexicons = ["--lexicons", Fixtures.lexiconDirectory]
  static let missing = "govtag: error: nope.jsonl: cannot open the input: No such file or directory; check the path\n"

  @Test(
    "eval, audit, lexicon suggest and stats print the summary and why no report follows; exit status 1",
    arguments: [
      (["eval", "nope.jsonl"] + Self.lexicons, "evaluated"), (["audit", "nope.jsonl"] + Self.lexicons, "audited"),
      (["lexicon", "suggest", "nope.jsonl"] + Self.lexicons, "used"), (["stats", "nope.jsonl"], "counted"),
    ])
  func noReport(arguments: [String], verb: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CommandRunner.run(arguments, in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == Self.missing + "govtag: read 0 records from 1 input: 0 \(verb), 0 failed; 1 input could not be read\n"
        + "govtag: no input could be read, so no report was printed\n")
  }

  @Test(
    "export and audit --csv write no file",
    arguments: [
      (["export", "label-studio", "nope.jsonl", "-o", "out.json"], "exported"),
      (["export", "doccano", "nope.jsonl", "-o", "out.json"], "exported"),
      (["audit", "nope.jsonl", "--csv", "out.json"] + Self.lexicons, "audited"),
    ])
  func noFile(arguments: [String], verb: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CommandRunner.run(arguments, in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasSuffix("govtag: no input could be read, so out.json was not written\n"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.json").path))
  }

  static let notJSON =
    #"govtag: error: excel.csv:1: the input is not JSON Lines or a JSON array (it looks like CSV): its first line starts with "id,title,text,manual_capability", not with { or [; labelled records are read as JSON Lines (one JSON object per line, as govtag tag writes them) or one JSON array; govtag tag reads CSV: label the file with it, or write each row as a JSON object with its labels in a field such as "manual""#
  static let utf16 =
    "govtag: error: utf16.jsonl:1: the input is UTF-16 text (it starts with a UTF-16 byte order mark); GovTag reads UTF-8; convert it to UTF-8: iconv -f UTF-16 -t UTF-8 utf16.jsonl > records.jsonl"

  @Test(
    "a CSV file (BOM, CRLF, a cell over two lines) or a UTF-16 file is one error for the file, not one per line",
    arguments: [
      (["eval", "--field", "manual"] + Self.lexicons, "evaluated"), (["audit"] + Self.lexicons, "audited"),
      (["stats", "--field", "manual"], "counted"), (["report", "-o", "r.html"], "in the report"),
    ])
  func notJSONLines(arguments: [String], verb: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write(
      "\u{FEFF}id,title,text,manual_capability\r\na1,标题,\"第一行\r\n\r\n第二行\",public_service\r\na2,标题,正文,\r\n", to: "excel.csv",
      in: directory)
    var utf16 = Data([0xFF, 0xFE])
    utf16.append(#"{"id":"a","text":"推进一网通办","manual":{"capability":[]}}"#.data(using: .utf16LittleEndian)!)
    _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("utf16.jsonl").path, contents: utf16)
    let result = try CommandRunner.run(
      Array(arguments.prefix(1)) + ["excel.csv", "utf16.jsonl"] + arguments.dropFirst(), in: directory)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    let output = arguments.contains("r.html") ? "r.html was not written" : "no report was printed"
    #expect(
      result.stderr
        == Self.notJSON + "\n" + Self.utf16 + "\n"
        + "govtag: read 0 records from 2 inputs: 0 \(verb), 0 failed; 2 inputs could not be read\n"
        + "govtag: no input could be read, so \(output)\n")
  }
}

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
}

import Foundation
import GovTagTestSupport
import Testing

@Suite("--format is spelled the same in every reporting command; --json and --csv still work")
struct FormatOptionCommandTests {
  static let gold = Fixtures.repository.appendingPathComponent("Corpus/test.jsonl").path

  @Test(
    "--format json prints what --json prints",
    arguments: [
      ["eval", gold], ["audit", gold, "--field", "gold"], ["lexicon", "suggest", gold, "--field", "gold"], ["segment", "推进人工智能"],
    ])
  func formatJSONEqualsFlag(_ command: [String]) throws {
    let flag = try CommandRunner.run(command + ["--json"])
    let option = try CommandRunner.run(command + ["--format", "json"])
    #expect(flag.status == option.status)
    #expect(!option.stdout.isEmpty)
    #expect(option.stdout == flag.stdout)
    #expect(option.stdout.hasPrefix("{") || option.stdout.hasPrefix("["))
  }

  @Test("stats --format csv prints what --csv prints; markdown is the default")
  func statsFormats() throws {
    let directory = Fixtures.temporaryDirectory()
    let labelled = directory.appendingPathComponent("labelled.jsonl").path
    #expect(try CommandRunner.run(["tag", Self.gold, "-q", "-o", labelled]).status == 0)
    let flag = try CommandRunner.run(["stats", labelled, "--csv"])
    let option = try CommandRunner.run(["stats", labelled, "--format", "csv"])
    #expect(option.status == 0)
    #expect(option.stdout == flag.stdout)
    #expect(
      try CommandRunner.run(["stats", labelled]).stdout == CommandRunner.run(["stats", labelled, "--format", "markdown"]).stdout)
  }

  @Test(
    "a format a command does not offer, or two that disagree, is a usage error naming what it offers",
    arguments: [
      (["eval", gold, "--format", "csv"], "Error: --format csv is not offered here; choose text, json"),
      (["diff", gold, gold, "--format", "text"], "Error: --format text is not offered here; choose markdown, json"),
      (["stats", gold, "--json", "--csv"], "Error: choose one of --json and --csv (or --format)"),
      (["stats", gold, "--json", "--format", "csv"], "Error: --json and --format csv disagree; give --format alone"),
    ])
  func refused(_ arguments: [String], _ message: String) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
  }
}

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
    defer { try? FileManager.default.removeItem(at: directory) }
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
      (["diff", gold, gold, "--format", "csv"], "Error: --format csv is not offered here; choose markdown, json"),
      (["explain", "推进人工智能", "--format", "csv"], "Error: --format csv is not offered here; choose text, json"),
      (["stats", gold, "--json", "--csv"], "Error: choose one of --json and --csv (or --format)"),
      (["stats", gold, "--json", "--format", "csv"], "Error: --json and --format csv disagree; give --format alone"),
    ])
  func refused(_ arguments: [String], _ message: String) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
  }

  @Test("text and markdown are one choice: each command takes both names for its human-readable output")
  func textIsMarkdown() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let labelled = directory.appendingPathComponent("labelled.jsonl").path
    #expect(try CommandRunner.run(["tag", Self.gold, "-q", "-o", labelled]).status == 0)
    for command in [["stats", labelled], ["diff", labelled, labelled], ["eval", Self.gold], ["explain", "推进人工智能"]] {
      let text = try CommandRunner.run(command + ["--format", "text"])
      let markdown = try CommandRunner.run(command + ["--format", "markdown"])
      #expect(text.status == 0 && markdown.status == 0, "\(command): \(text.stderr) \(markdown.stderr)")
      #expect(text.stdout == markdown.stdout && !text.stdout.isEmpty, "\(command)")
    }
  }

  @Test("each command's help lists only the formats it offers")
  func helpListsOffered() throws {
    let stats = try CommandRunner.run(["stats", "--help"])
    #expect(stats.stdout.contains("Output format: markdown (default), json, or csv"))
    #expect(!stats.stdout.contains("values: text"))
    let explain = try CommandRunner.run(["explain", "--help"])
    #expect(explain.stdout.contains("Output format: text (the report, the default) or json"))
  }
}

import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag diff, end to end")
struct DiffCommandTests {
  static let corpus = """
    {"id":"r1","title":"一网通办","text":"推进一网通办改革"}
    {"id":"r2","text":"提升政务服务效能"}
    {"id":"r3","text":"优化营商环境"}
    {"id":"r4","text":"建设政务服务中心，方便群众办事"}
    {"id":"r5","text":"应用人工智能和物联网"}
    {"id":"r6","text":"深圳市南山区推进数字化"}
    {"id":"r7","text":"坚持财政务实管理"}

    """

  /// Tags the corpus with the fixture lexicons and with a copy in which 政务服务 weighs 4, not 2.
  func twoRuns() throws -> URL {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.corpus, to: "cases.jsonl", in: directory)
    let copy = directory.appendingPathComponent("lexicons-new")
    try FileManager.default.copyItem(atPath: Fixtures.lexiconDirectory, toPath: copy.path)
    let file = copy.appendingPathComponent("capability.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8)
    try yaml.replacingOccurrences(of: "政务服务: 2", with: "政务服务: 4").write(to: file, atomically: true, encoding: .utf8)
    for (output, lexicons) in [("old.jsonl", Fixtures.lexiconDirectory), ("new.jsonl", copy.path)] {
      let run = try CommandRunner.run(["tag", "cases.jsonl", "-o", output, "--quiet", "--lexicons", lexicons], in: directory)
      #expect(run.status == 0)
      #expect(run.stderr == "")
    }
    return directory
  }

  @Test("two runs with a changed weight: the table names exactly the two records that gained the category")
  func lexiconChange() throws {
    let directory = try twoRuns()
    let result = try CommandRunner.run(["diff", "old.jsonl", "new.jsonl"], in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "# Label diff: old.jsonl → new.jsonl")
    #expect(lines.contains("| in both files, compared | 7 |"))
    #expect(lines.contains("| changed | 2 |"))
    #expect(lines.contains("| unchanged | 5 |"))
    let rows = lines.filter { $0.hasPrefix("| ") && ($0.contains(" capability.") || $0.contains(" technology.")) }
    #expect(rows == ["| 公共服务 capability.public_service | 2 | 0 | r2, r4 |  |"])
    #expect(!result.stdout.contains("## Location"))
    #expect(!result.stdout.contains("## Only in"))

    let limited = try CommandRunner.run(["diff", "new.jsonl", "old.jsonl", "--ids", "1"], in: directory)
    #expect(limited.status == 0)
    #expect(limited.stdout.contains("| 公共服务 capability.public_service | 0 | 2 |  | r2 … and 1 more |\n"))
  }

  @Test("--json lists the changed records per category")
  func json() throws {
    let directory = try twoRuns()
    let result = try CommandRunner.run(["diff", "old.jsonl", "new.jsonl", "--json", "--ids", "1"], in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let categories = try #require(object["categories"] as? [[String: Any]])
    #expect(categories.count == 1)
    #expect(categories.first?["dimension"] as? String == "capability")
    #expect(categories.first?["category"] as? String == "public_service")
    #expect(categories.first?["added"] as? [String] == ["r2", "r4"])
    #expect(categories.first?["removed"] as? [String] == [])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["changed"] == 2)
    #expect(summary["unchanged"] == 5)
    #expect(summary["input_changed"] == 0)
    let versions = try #require((object["old"] as? [String: Any])?["lexicon_versions"] as? [[String: Any]])
    #expect(versions.count == 1)
    #expect(versions.first?["records"] as? Int == 7)
  }

  @Test("bad lines and duplicate ids are reported with file and line; the report is still written, exit 1")
  func badLines() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      """
      {"id":"a","text":"","labels":{"capability":["public_service"]},"text_hash":"h"}
      not json
      {"id":"b","text":"x"}
      {"id":"a","text":"","labels":{}}

      """, to: "old.jsonl", in: directory)
    Fixtures.write(#"{"id":"a","text":"","labels":{"capability":[]},"text_hash":"h"}"# + "\n", to: "new.jsonl", in: directory)
    let result = try CommandRunner.run(["diff", "old.jsonl", "new.jsonl"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        govtag: error: old.jsonl:2: not valid JSON: invalid value at column 2; each line must hold one JSON object
        govtag: error: old.jsonl:3: record "b": the record has no "labels" field; compare files that govtag tag wrote
        govtag: warning: old.jsonl:4: duplicate id "a" (first at line 1); only the first record with this id is compared
        govtag: compared 1 record: 1 changed, 0 unchanged; old.jsonl: 1 used, 2 skipped; new.jsonl: 1 used, 0 skipped

        """)
    #expect(result.stdout.contains("| 公共服务 capability.public_service | 0 | 1 |  | a |\n"))
  }

  @Test("duplicate ids alone are warnings: the comparison ran, exit 0")
  func duplicatesOnly() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      #"{"id":"a","text":"","labels":{}}"# + "\n" + #"{"id":"a","text":"","labels":{}}"# + "\n", to: "old.jsonl", in: directory)
    let result = try CommandRunner.run(
      ["diff", "old.jsonl", "-", "--json"], in: directory, stdin: #"{"id":"a","text":"","labels":{}}"# + "\n")
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "govtag: warning: old.jsonl:2: duplicate id \"a\" (first at line 1); only the first record with this id is compared\n")
    #expect(result.stdout.contains(#""new":{"path":"<stdin>","records":1,"#))
  }

  @Test("an unreadable input: reported, nothing printed, exit 1")
  func missingInput() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(#"{"id":"a","text":"","labels":{}}"# + "\n", to: "new.jsonl", in: directory)
    let result = try CommandRunner.run(["diff", "missing.jsonl", "new.jsonl"], in: directory)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    #expect(
      result.stderr == """
        govtag: error: missing.jsonl: cannot open the input: No such file or directory; check the path
        govtag: compared 0 records: 0 changed, 0 unchanged; missing.jsonl: could not be read; new.jsonl: 1 used, 0 skipped

        """)
  }

  struct UsageCase: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var message: String
    var testDescription: String { id }
  }

  @Test(
    "usage errors exit 64",
    arguments: [
      UsageCase(
        id: "both standard input", arguments: ["-", "-"], message: "Error: only one of the two files can be standard input"),
      UsageCase(id: "negative --ids", arguments: ["a", "b", "--ids=-1"], message: "Error: --ids must be 0 or more"),
    ])
  func usage(_ usage: UsageCase) throws {
    let result = try CommandRunner.run(["diff"] + usage.arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(usage.message + "\n"))
  }
}

import Foundation
import GovTagTestSupport
import Testing

/// What every command that reads labelled or annotated records does with GovTag's own output in
/// either format, with reference provinces and with repeated ids.
@Suite("Reading labelled records, end to end")
struct LabelledInputCommandTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  /// A folder with `gold.jsonl` (the six gold records of the eval fixture) tagged into
  /// `out.jsonl` and, with `--format json`, `out.json`.
  func taggedBothWays() throws -> URL {
    let directory = Fixtures.temporaryDirectory()
    try FileManager.default.copyItem(
      atPath: Fixtures.path("audit/eval-gold.jsonl"), toPath: directory.appendingPathComponent("gold.jsonl").path)
    for (format, output) in [("jsonl", "out.jsonl"), ("json", "out.json")] {
      let run = try CommandRunner.run(["tag", "gold.jsonl", "--format", format, "-o", output, "-q"] + lexicons, in: directory)
      #expect(run.status == 0)
      #expect(run.stderr == "")
    }
    return directory
  }

  @Test("tag --format json output is read whole by stats, report, export, diff, eval, audit and tag --previous")
  func jsonArrayOutput() throws {
    let directory = try taggedBothWays()
    let array = try String(contentsOf: directory.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(array.hasPrefix("[\n{\"id\":\"e1\","))

    let stats = try CommandRunner.run(["stats", "out.json"], in: directory)
    #expect(stats.status == 0)
    #expect(stats.stderr == "")  // stats speaks only when something could not be used
    #expect(stats.stdout == (try CommandRunner.run(["stats", "out.jsonl"], in: directory)).stdout)

    let report = try CommandRunner.run(["report", "out.json", "-o", "report.html"], in: directory)
    #expect(report.status == 0)
    #expect(report.stderr == "govtag: read 6 records from 1 input: 6 in the report, 0 failed → report.html\n")

    let export = try CommandRunner.run(["export", "label-studio", "out.json", "-o", "tasks.json"] + lexicons, in: directory)
    #expect(export.status == 0)
    #expect(export.stderr.hasPrefix("govtag: read 6 records from 1 input: 6 exported, 0 failed → tasks.json"))

    let diff = try CommandRunner.run(["diff", "out.jsonl", "out.json"], in: directory)
    #expect(diff.status == 0)
    #expect(diff.stderr == "")
    #expect(diff.stdout.contains("| in both files, compared | 6 |\n"))
    #expect(diff.stdout.contains("| unchanged | 6 |\n"))

    let eval = try CommandRunner.run(["eval", "out.json"] + lexicons, in: directory)
    #expect(eval.status == 0)
    #expect(eval.stderr == "govtag: read 6 records from 1 input: 6 evaluated, 0 failed\n")
    #expect(eval.stdout.contains("  province accuracy  0.750  3 of 4 records with a gold province\n"))

    let audit = try CommandRunner.run(["audit", "out.json", "--field", "gold"] + lexicons, in: directory)
    #expect(audit.status == 0)
    #expect(audit.stderr == "govtag: read 6 records from 1 input: 6 audited, 0 failed\n")

    // Every record of the array is reused, and the output is what labelling gave.
    let again = try CommandRunner.run(
      ["tag", "gold.jsonl", "--previous", "out.json", "-o", "again.jsonl"] + lexicons, in: directory)
    #expect(again.status == 0)
    let lines = again.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "govtag: 6 records of out.json can be reused if unchanged")
    #expect(lines.last?.hasPrefix("govtag: read 6 records from 1 input: 6 labelled (6 reused from --previous), 0 failed") == true)
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("again.jsonl"))
        == Data(contentsOf: directory.appendingPathComponent("out.jsonl")))
  }

  @Test("a bad element of an array is reported at the line where it starts, as govtag tag reports it; standard input too")
  func arrayLines() throws {
    let directory = try taggedBothWays()
    // The second element loses its labels; a truncated fourth element ends the array.
    var array = try String(contentsOf: directory.appendingPathComponent("out.json"), encoding: .utf8)
    let second = try #require(array.range(of: "{\"id\":\"e2\","))
    let labels = try #require(array.range(of: "\"labels\":", range: second.upperBound..<array.endIndex))
    array.replaceSubrange(labels, with: "\"labelz\":")
    array = String(array[..<(try #require(array.range(of: "{\"id\":\"e4\",")).upperBound)])
    Fixtures.write(array, to: "bad.json", in: directory)
    let stats = try CommandRunner.run(["stats", "bad.json"], in: directory)
    #expect(stats.status == 1)
    #expect(
      stats.stderr.split(separator: "\n").map(String.init) == [
        "govtag: error: bad.json:3: record \"e2\": the record has no \"labels\" field; label the records with govtag tag first, or count a field of people's labels with --field",
        "govtag: error: bad.json:5: the JSON array is malformed or truncated in the element starting at line 5",
        "govtag: read 4 records from 1 input: 2 counted, 2 failed",
      ])
    let piped = try CommandRunner.run(["stats", "-"], stdin: array)
    #expect(piped.stderr.split(separator: "\n").last == "govtag: read 4 records from 1 input: 2 counted, 2 failed")
  }

  @Test("eval and audit read a reference province by any name the gazetteer knows, and refuse one it does not know")
  func referenceProvinces() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      """
      {"id":"p1","text":"杭州市推进一网通办。","gold":{"capability":["public_service"],"province":"浙江省"},"manual":{"province":"浙江省"}}
      {"id":"p2","text":"梧州市推进一网通办。","gold":{"capability":["public_service"],"province":"广西壮族自治区"},"manual":{"province":"广西"}}
      {"id":"p3","text":"杭州市推进一网通办。","gold":{"capability":["public_service"],"province":"火星"},"manual":{"province":"火星"}}

      """, to: "provinces.jsonl", in: directory)
    let hint =
      "use a province's name (北京, 辽宁, 广东, 吉林, 重庆, 广西, 浙江, 江西), its full name (浙江省) or null"
    let eval = try CommandRunner.run(["eval", "provinces.jsonl"] + lexicons, in: directory)
    #expect(eval.status == 1)
    #expect(eval.stdout.contains("  province accuracy  1.000  2 of 2 records with a gold province\n"))
    #expect(
      eval.stderr == """
        govtag: error: provinces.jsonl:3: record "p3": "gold"."province" is "火星", which is not a province of the gazetteer; \(hint)
        govtag: read 3 records from 1 input: 2 evaluated, 1 failed

        """)
    let audit = try CommandRunner.run(["audit", "provinces.jsonl"] + lexicons, in: directory)
    #expect(audit.status == 1)
    #expect(audit.stdout.contains("  province agreement  1.000  2 of 2 records with a manual province\n"))
    #expect(
      audit.stderr == """
        govtag: error: provinces.jsonl:3: record "p3": "manual"."province" is "火星", which is not a province of the gazetteer; \(hint)
        govtag: read 3 records from 1 input: 2 audited, 1 failed

        """)
  }

  @Test("stats and report read reference provinces as eval and audit do: 广东省 is 广东, 火星 an error; report keeps the case")
  func statsProvinces() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      """
      {"id":"p1","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"province":"广东"}}
      {"id":"p2","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"province":"广东省"}}
      {"id":"p3","text":"x","labels":{},"location":{"province":"浙江","region":"east"},"manual":{"capability":[],"region":"east"}}
      {"id":"p4","text":"x","labels":{},"location":{"province":"浙江","region":"east"},"manual":{"capability":[],"province":"火星"}}

      """, to: "provinces.jsonl", in: directory)
    let hint = "use a province's name (北京, 辽宁, 广东, 吉林, 重庆, 广西, 浙江, 江西), its full name (浙江省) or null"
    let error =
      #"govtag: error: provinces.jsonl:4: record "p4": "manual"."province" is "火星", which is not a province of the gazetteer; \#(hint)"#
    let stats = try CommandRunner.run(
      ["stats", "provinces.jsonl", "--field", "manual", "--by", "province"] + lexicons, in: directory)
    #expect(stats.status == 1)
    #expect(stats.stdout.contains("\n| 广东 | 东部 east | 2 | 66.7% | – |\n| 浙江 | 东部 east | 1 | 33.3% | – |\n"), "\(stats.stdout)")
    #expect(stats.stderr == error + "\ngovtag: read 4 records from 1 input: 3 counted, 1 failed\n")
    // report keeps p4 for its charts of GovTag's labels, without the manual labels it cannot use.
    let report = try CommandRunner.run(["report", "provinces.jsonl", "-o", "r.html"] + lexicons, in: directory)
    #expect(report.status == 1)
    #expect(
      report.stderr
        == error + "\ngovtag: read 4 records from 1 input: 4 in the report (1 without its reference labels), 0 failed → r.html\n")
    let html = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(html.contains(#"{"id":"p4","title":null,"year":null,"province":"浙江","region":"east","review":false"#))
    #expect(html.contains(#""labels":[],"ref":null,"refField":null,"refDims":null,"cmp":[],"dis":false"#))
    #expect(html.contains("4 cases"))
  }

  @Test("stats without --field counts GovTag's labels of a case whose manual labels it cannot use, and does not read them")
  func statsIgnoresManual() throws {
    let directory = Fixtures.temporaryDirectory()
    // An unknown province, a key that is no dimension, an unknown category: all errors with --field manual.
    Fixtures.write(
      """
      {"id":"m1","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"province":"香港"}}
      {"id":"m2","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"note":"checked by Li"}}
      {"id":"m3","text":"x","labels":{},"location":{"province":"浙江","region":"east"},"manual":{"capability":["no_such"]}}

      """, to: "manual.jsonl", in: directory)
    let stats = try CommandRunner.run(["stats", "manual.jsonl", "--by", "province"] + lexicons, in: directory)
    #expect(stats.status == 0)
    #expect(stats.stderr == "")
    #expect(stats.stdout.hasPrefix("# GovTag statistics by province: 3 cases, labels from GovTag (labels)\n"))
    #expect(stats.stdout.contains("\n| 广东 | 东部 east | 2 | 66.7% | – |\n| 浙江 | 东部 east | 1 | 33.3% | – |\n"), "\(stats.stdout)")
    let byYear = try CommandRunner.run(["stats", "manual.jsonl"] + lexicons, in: directory)
    #expect(byYear.status == 0)
    #expect(byYear.stderr == "")
    #expect(byYear.stdout.hasPrefix("# GovTag statistics: 3 cases, labels from GovTag (labels)\n"))
  }

  @Test(
    "a stray first line costs one record: tag --previous reuses the others, stats counts them; a CSV is refused with its own hint"
  )
  func strayFirstLine() throws {
    let directory = try taggedBothWays()
    let output = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
    Fixtures.write("garbage line\n" + output, to: "prev.jsonl", in: directory)
    let again = try CommandRunner.run(
      ["tag", "gold.jsonl", "--previous", "prev.jsonl", "-o", "again.jsonl"] + lexicons, in: directory)
    #expect(again.status == 0)
    let lines = again.stderr.split(separator: "\n").map(String.init)
    #expect(
      Array(lines.dropLast()) == [
        "govtag: 6 records of prev.jsonl can be reused if unchanged",
        "govtag: 1 record of prev.jsonl is labelled again: 1 not a labelled record that can be copied",
      ])
    #expect(lines.last?.hasPrefix("govtag: read 6 records from 1 input: 6 labelled (6 reused from --previous), 0 failed") == true)
    #expect(
      try Data(contentsOf: directory.appendingPathComponent("again.jsonl"))
        == Data(contentsOf: directory.appendingPathComponent("out.jsonl")))

    let stats = try CommandRunner.run(["stats", "prev.jsonl"], in: directory)
    #expect(stats.status == 1)
    #expect(
      stats.stderr == """
        govtag: error: prev.jsonl:1: not valid JSON: invalid value at column 1; each line must hold one JSON object
        govtag: read 7 records from 1 input: 6 counted, 1 failed

        """)
    #expect(stats.stdout == (try CommandRunner.run(["stats", "out.jsonl"], in: directory)).stdout)

    // A CSV given as the previous output: refused whole, with a hint that is about --previous.
    Fixtures.write("id,title,text\ne1,标题,正文\n", to: "prev.csv", in: directory)
    let csv = try CommandRunner.run(
      ["tag", "gold.jsonl", "--previous", "prev.csv", "-o", "again2.jsonl"] + lexicons, in: directory)
    #expect(csv.status == 2)
    #expect(
      csv.stderr
        == #"govtag: error: prev.csv:1: the input is not JSON Lines or a JSON array (it looks like CSV): its first line starts with "id,title,text", not with { or [; give the previous run's output, as govtag tag wrote it (JSON Lines or one JSON array)"#
        + "\n")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("again2.jsonl").path))
  }

  @Test("stats and report --lexicons: a missing folder is an error as for every command; one without gazetteer.yaml a warning")
  func gazetteerFolder() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      """
      {"id":"p1","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"province":"广东省"}}
      {"id":"p2","text":"x","labels":{},"location":{"province":"广东","region":"east"},"manual":{"capability":[],"province":"火星"}}

      """, to: "provinces.jsonl", in: directory)
    let missing = try CommandRunner.run(["eval", "provinces.jsonl", "--lexicons", "nope"], in: directory)
    #expect(missing.status == 2)
    for arguments in [["stats"], ["stats", "--field", "manual"], ["report", "-o", "r.html"]] {
      let run = try CommandRunner.run(
        Array(arguments.prefix(1)) + ["provinces.jsonl"] + arguments.dropFirst() + ["--lexicons", "nope"], in: directory)
      #expect(run.status == 2)
      #expect(run.stdout == "")
      #expect(run.stderr == missing.stderr)
    }
    #expect(
      missing.stderr
        == "govtag: error: lexicons from --lexicons nope: nope: cannot read the lexicon directory: no such folder; name the folder that holds the lexicon .yaml files with --lexicons DIR or GOVTAG_LEXICONS=DIR\n"
    )

    let folder = directory.appendingPathComponent("L")
    try FileManager.default.copyItem(atPath: Fixtures.lexiconDirectory, toPath: folder.path)
    try FileManager.default.removeItem(at: folder.appendingPathComponent("gazetteer.yaml"))
    let warning =
      "govtag: warning: lexicons from --lexicons L: L/gazetteer.yaml: no gazetteer.yaml: province names are taken as written (广东省 and 广东 count as two provinces, and a name that is no province is not an error); add the file (the bundled Lexicons/gazetteer.yaml) to check them\n"
    let stats = try CommandRunner.run(
      ["stats", "provinces.jsonl", "--field", "manual", "--by", "province", "--lexicons", "L"], in: directory)
    #expect(stats.status == 0)
    #expect(stats.stderr == warning)
    #expect(stats.stdout.contains("\n| 广东省 | – | 1 | 50.0% | – |\n| 火星 | – | 1 | 50.0% | – |\n"), "\(stats.stdout)")
    let report = try CommandRunner.run(["report", "provinces.jsonl", "-o", "r.html", "--lexicons", "L"], in: directory)
    #expect(report.status == 0)
    #expect(report.stderr.hasPrefix(warning), "\(report.stderr)")
    // -q: nothing on standard error but errors.
    let quiet = try CommandRunner.run(["report", "provinces.jsonl", "-o", "r.html", "-q", "--lexicons", "L"], in: directory)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "")
    // Without --field, stats reads no province name, and says nothing.
    let plain = try CommandRunner.run(["stats", "provinces.jsonl", "--lexicons", "L"], in: directory)
    #expect(plain.status == 0)
    #expect(plain.stderr == "")
  }

  /// Three records, the third with the first's id, and a second input repeating the second's.
  func duplicates(in directory: URL) {
    Fixtures.write(
      """
      {"id":"a","text":"推进一网通办。","gold":{"capability":["public_service"]},"manual":{"capability":["public_service"]}}
      {"id":"b","text":"优化营商环境。","gold":{"capability":["economic_regulation"]},"manual":{"capability":["economic_regulation"]}}
      {"id":"a","text":"应用人工智能。","gold":{"capability":[]},"manual":{"capability":[]}}

      """, to: "one.jsonl", in: directory)
    Fixtures.write(
      """
      {"id":"c","text":"推进一网通办。","gold":{"capability":["public_service"]},"manual":{"capability":["public_service"]}}
      {"id":"b","text":"优化营商环境。","gold":{"capability":["economic_regulation"]},"manual":{"capability":["economic_regulation"]}}

      """, to: "two.jsonl", in: directory)
  }

  @Test("tag labels every record and warns once about repeated ids, naming both places, for any --jobs", arguments: ["1", "2"])
  func tagDuplicates(jobs: String) throws {
    let directory = Fixtures.temporaryDirectory()
    duplicates(in: directory)
    let result = try CommandRunner.run(
      ["tag", "one.jsonl", "two.jsonl", "-o", "out.jsonl", "--jobs", jobs] + lexicons, in: directory)
    #expect(result.status == 0)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(
      lines.first
        == "govtag: warning: 2 records repeat the id of an earlier record (all are labelled): one.jsonl:3: duplicate id \"a\" (first at one.jsonl:1); two.jsonl:2: duplicate id \"b\" (first at one.jsonl:2). Give every record a unique id: diff, eval and audit use only the first record with an id"
    )
    #expect(lines.last?.hasPrefix("govtag: read 5 records from 2 inputs: 5 labelled, 0 failed") == true)
    let output = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
    #expect(output.split(separator: "\n").count == 5)
    let quiet = try CommandRunner.run(["tag", "one.jsonl", "-o", "quiet.jsonl", "-q"] + lexicons, in: directory)
    #expect(quiet.stderr == "")
  }

  @Test("eval and audit count only the first record with an id, and warn about each later one with both places")
  func evalDuplicates() throws {
    let directory = Fixtures.temporaryDirectory()
    duplicates(in: directory)
    let warnings = [
      "govtag: warning: one.jsonl:3: duplicate id \"a\" (first at one.jsonl:1); only the first record with this id is used",
      "govtag: warning: two.jsonl:2: duplicate id \"b\" (first at one.jsonl:2); only the first record with this id is used",
    ]
    let eval = try CommandRunner.run(["eval", "one.jsonl", "two.jsonl"] + lexicons, in: directory)
    #expect(eval.status == 0)
    #expect(
      eval.stderr.split(separator: "\n").map(String.init)
        == warnings + ["govtag: read 5 records from 2 inputs: 3 evaluated, 0 failed, 2 duplicate ids skipped"])
    #expect(eval.stdout.contains("capability 履职能力 (3 records with gold labels)\n"))
    let json = try CommandRunner.run(["eval", "one.jsonl", "two.jsonl", "--json"] + lexicons, in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let records = try #require(object["records"] as? [String: Int])
    #expect(records["read"] == 5 && records["evaluated"] == 3 && records["duplicate_ids"] == 2)

    let audit = try CommandRunner.run(["audit", "one.jsonl", "two.jsonl"] + lexicons, in: directory)
    #expect(audit.status == 0)
    #expect(
      audit.stderr.split(separator: "\n").map(String.init)
        == warnings + ["govtag: read 5 records from 2 inputs: 3 audited, 0 failed, 2 duplicate ids skipped"])
  }
}

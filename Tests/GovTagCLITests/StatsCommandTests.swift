import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag stats, end to end")
struct StatsCommandTests {
  let fixture = Fixtures.path("report/labelled.jsonl")

  @Test("Markdown tables by default, with hand-counted shares and year-over-year changes")
  func markdown() throws {
    let result = try CommandRunner.run(["stats", fixture])
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "# GovTag statistics: 8 cases, labels from GovTag (labels)")
    #expect(lines.contains("| 公共服务 public_service | 2 (66.7%) | 2 (50.0%) | 1 (100.0%) | 5 (62.5%) | -16.7 pp |"))
    #expect(lines.contains("| 未知 unknown | 0 (0.0%) | 1 (25.0%) | 1 (100.0%) | 2 (25.0%) | +25.0 pp |"))
    #expect(lines.contains("| 数据共享 data_sharing | 2 (66.7%) | 1 (25.0%) | 0 (0.0%) | 3 (37.5%) | -41.7 pp |"))
  }

  @Test("--json, --csv and --by province")
  func formats() throws {
    let json = try CommandRunner.run(["stats", fixture, "--json"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["cases"] as? Int == 8)

    let csv = try CommandRunner.run(["stats", fixture, "--csv"])
    #expect(
      csv.stdout.hasPrefix(
        "\u{FEFF}section,category,name,group,cases,count,share_percent,change_pp\r\ncapability,economic_regulation,经济调节,2022,3,1,33.33,\r\n"
      ))

    let provinces = try CommandRunner.run(["stats", fixture, "--by", "province"])
    #expect(provinces.status == 0)
    let lines = provinces.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("| 浙江 | 东部 east | 2 | 25.0% | 公共服务 public_service (2) |"))
    #expect(lines.contains("| unknown | – | 2 | 25.0% | 经济调节 economic_regulation (1) |"))

    let provinceCSV = try CommandRunner.run(["stats", fixture, "--by", "province", "--csv"])
    #expect(
      provinceCSV.stdout.hasPrefix(
        "\u{FEFF}province,region,cases,share_percent,top_capability,top_capability_name,top_capability_cases\r\n"))
    #expect(provinceCSV.stdout.hasSuffix("\r\nunknown,,2,25.00,economic_regulation,经济调节,1\r\n"))
  }

  @Test("--csv neutralises a year that a spreadsheet would run as a formula")
  func csvInjection() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try #require(try String(contentsOfFile: fixture, encoding: .utf8).split(separator: "\n").first)
    Fixtures.write(
      first.replacingOccurrences(of: #""year": 2022"#, with: #""year": "=1+2""#) + "\n", to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(["stats", "in.jsonl", "--csv"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\r\ncapability,public_service,公共服务,'=1+2,1,1,100.00,\r\n"))
  }

  @Test("--field manual counts people's labels and their region")
  func manual() throws {
    let result = try CommandRunner.run(["stats", fixture, "--field", "manual"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "# GovTag statistics: 8 cases, labels from manual")
    #expect(lines.contains("| 社会管理 social_management | 2 (66.7%) | 0 (0.0%) | 0 (0.0%) | 2 (25.0%) | -66.7 pp |"))
    #expect(lines.contains("| 东部 east | 1 (33.3%) | 3 (75.0%) | 0 (0.0%) | 4 (50.0%) | +41.7 pp |"))
  }

  @Test("bad lines are reported with file and line, skipped and counted; the exit status is 1")
  func badLines() throws {
    let directory = Fixtures.temporaryDirectory()
    let good = try String(contentsOfFile: fixture, encoding: .utf8)
    Fixtures.write(good + "not json\n{\"id\":\"raw\",\"text\":\"未打标签\"}\n", to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(["stats", "in.jsonl", "--json"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        govtag: error: in.jsonl:9: not valid JSON: invalid value at column 2; each line must hold one JSON object
        govtag: error: in.jsonl:10: record "raw": the record has no "labels" field; label the records with govtag tag first, or count a field of people's labels with --field
        govtag: read 10 records from 1 input: 8 counted, 2 failed

        """)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["cases"] as? Int == 8)
  }

  @Test("records without labels fail once, naming the field of labels they have")
  func missingLabels() throws {
    let gold = Fixtures.repository.appendingPathComponent("Corpus/dev.jsonl").path
    let records = try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n").count
    let result = try CommandRunner.run(["stats", gold])
    #expect(result.status == 2)
    #expect(result.stdout == "")
    #expect(
      result.stderr
        == "govtag: error: \(gold):1: none of the \(records) records has a \"labels\" field; the records have \"gold\" (\(records) records); pass --field gold\n"
    )
    #expect(try CommandRunner.run(["stats", gold, "--field", "gold"]).status == 0)
  }

  @Test("usage errors exit with 64")
  func usage() throws {
    let both = try CommandRunner.run(["stats", fixture, "--json", "--csv"])
    #expect(both.status == 64)
    #expect(both.stderr.contains("Error: choose one of --json and --csv"))
    let none = try CommandRunner.run(["stats"])
    #expect(none.status == 64)
    #expect(none.stderr.contains("Error: name at least one labelled file, or - for standard input"))
  }

  @Test("a repeated id is warned about with both places and counted once")
  func duplicateIDs() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let record = #"{"id":"a","text":"x","year":2023,"labels":{"capability":["public_service"]}}"#
    Fixtures.write(record + "\n" + record + "\n", to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(["stats", "in.jsonl", "--format", "json"], in: directory)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "govtag: warning: in.jsonl:2: duplicate id \"a\" (first at in.jsonl:1); only the first record with an id is counted\n")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["cases"] as? Int == 1)
  }
}

import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag eval, end to end")
struct EvalCommandTests {
  /// Commands run in Tests/Fixtures/audit, so messages name files as a user would type them.
  let directory = URL(fileURLWithPath: Fixtures.path("audit"))
  let lexicons = ["--lexicons", "../lexicons"]

  @Test("--by a field no record has warns that every record fell in (none); an empty --review-dimensions is refused")
  func mistypedOptions() throws {
    let by = try CommandRunner.run(["eval", "eval-gold.jsonl", "--by", "yaer"] + lexicons, in: directory)
    #expect(by.status == 0)
    #expect(
      by.stderr.hasPrefix(
        "govtag: warning: no record has a \"yaer\" field, so every record is in the group (none); check the name given to --by\n")
    )
    let dimensions = try CommandRunner.run(["eval", "eval-gold.jsonl", "--review-dimensions", ""] + lexicons, in: directory)
    #expect(dimensions.status == 64)
    #expect(
      dimensions.stderr.hasPrefix(
        "Error: --review-dimensions needs one or more of capability, data_element, traits, innovation, technology, "
          + "separated by commas; found \"\"\n"))
  }

  @Test("aligned tables with hand-counted figures, location accuracy and the confusion")
  func table() throws {
    let result = try CommandRunner.run(["eval", "eval-gold.jsonl"] + lexicons, in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "govtag: read 6 records from 1 input: 6 evaluated, 0 failed\n")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let capability = try #require(lines.firstIndex(of: "capability 履职能力 (6 records with gold labels)"))
    #expect(
      Array(lines[capability + 1...capability + 10]) == [
        "  category                    gold  predicted  tp  precision  recall     f1",
        "  economic_regulation            2          3   2      0.667   1.000  0.800",
        "  market_supervision *           0          0   0          —       —      —",
        "  social_management *            1          0   0      0.000   0.000  0.000",
        "  public_service                 4          2   2      1.000   0.500  0.667",
        "  environmental_protection *     0          0   0          —       —      —",
        "  government_operations          0          0   0          —       —      —",
        "  government_transparency *      0          0   0          —       —      —",
        "  micro                          7          5   4      0.800   0.571  0.667",
        "  macro (3 of 7 categories)                            0.556   0.500  0.489",
      ])
    #expect(lines.contains("  micro                         4          3   3      1.000   0.750  0.857"))
    #expect(lines.contains("  province accuracy  0.750  3 of 4 records with a gold province"))
    #expect(lines.contains("  region accuracy    0.750  3 of 4 records with a gold region"))
    #expect(lines.contains("  gold province null: 2 records, GovTag gave a province to 1"))
    let confusion = try #require(
      lines.firstIndex(of: "capability confusion: gold categories GovTag missed, and what it assigned instead"))
    #expect(
      Array(lines[confusion + 1...confusion + 4]) == [
        "  gold               assigned instead     records",
        "  public_service     economic_regulation        1",
        "  public_service     (nothing else)             1",
        "  social_management  (nothing else)             1",
      ])
  }

  @Test("--json gives the same figures for machines, --by year per year")
  func json() throws {
    let result = try CommandRunner.run(["eval", "eval-gold.jsonl", "--json", "--by", "year"] + lexicons, in: directory)
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let records = try #require(object["records"] as? [String: Int])
    #expect(records["read"] == 6 && records["evaluated"] == 6 && records["failed"] == 0)
    let overall = try #require(object["overall"] as? [String: Any])
    let dimensions = try #require(overall["dimensions"] as? [[String: Any]])
    let capability = try #require(dimensions.first { $0["dimension"] as? String == "capability" })
    let categories = try #require(capability["categories"] as? [[String: Any]])
    let service = try #require(categories.first { $0["category"] as? String == "public_service" })
    #expect(service["gold"] as? Int == 4 && service["predicted"] as? Int == 2 && service["true_positives"] as? Int == 2)
    #expect(service["precision"] as? Double == 1 && service["recall"] as? Double == 0.5)
    let macro = try #require(capability["macro"] as? [String: Any])
    #expect(macro["categories"] as? Int == 3 && macro["recall"] as? Double == 0.5)
    let location = try #require(overall["location"] as? [String: [String: Any]])
    #expect(location["province"]?["accuracy"] as? Double == 0.75)
    #expect(location["null_province"]?["records"] as? Int == 2 && location["null_province"]?["assigned"] as? Int == 1)
    let confusion = try #require(overall["capability_confusion"] as? [[String: Any]])
    #expect(confusion.count == 3)
    #expect(confusion[0]["gold"] as? String == "public_service" && confusion[0]["predicted"] as? String == "economic_regulation")
    #expect(confusion[1]["predicted"] is NSNull)
    let by = try #require(object["by"] as? [String: Any])
    #expect(by["field"] as? String == "year")
    let groups = try #require(by["groups"] as? [[String: Any]])
    #expect(groups.map { $0["value"] as? String } == ["2022", "2023"])
    #expect(groups.map { $0["records"] as? Int } == [3, 3])
  }

  @Test("--by year adds a section per year to the tables")
  func byYear() throws {
    let result = try CommandRunner.run(["eval", "eval-gold.jsonl", "--by", "year"] + lexicons, in: directory)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("== year ") } == ["== year 2022: 3 records ==", "== year 2023: 3 records =="])
    #expect(lines.filter { $0.hasPrefix("  province accuracy") }.count == 3)
  }

  @Test("bad records are reported with file and line, counted, and make the status 1")
  func badRecords() throws {
    let result = try CommandRunner.run(["eval", "eval-bad.jsonl", "missing.jsonl"] + lexicons, in: directory)
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    #expect(
      lines[0]
        == #"govtag: error: eval-bad.jsonl:2: record "x2": the record has no "gold" field; add its labels as "gold": {"capability": [...], ...}, or name the field that holds them with --field"#
    )
    #expect(
      lines[1]
        == #"govtag: error: eval-bad.jsonl:3: record "x3": unknown category "public_servce" in "gold"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"#
    )
    #expect(lines[2].hasPrefix("govtag: error: eval-bad.jsonl:4: not valid JSON: "))
    #expect(lines[2].hasSuffix("; each line must hold one JSON object"))
    #expect(
      lines[3]
        == #"govtag: error: eval-bad.jsonl:6: record "x6": unknown dimension "capabilty" in "gold"; use capability, data_element, traits, innovation, technology, province or region"#
    )
    #expect(lines[4] == "govtag: error: missing.jsonl: cannot open the input: No such file or directory; check the path")
    #expect(
      lines[5]
        == #"govtag: read 5 records from 2 inputs: 1 evaluated, 4 failed (1 without "gold"), 1 blank line skipped; 1 input could not be read"#
    )
    // The good record is still evaluated.
    #expect(result.stdout.contains("  public_service                 1          1   1      1.000   1.000  1.000"))
  }

  @Test("--field names another field (--gold-field still works, with a warning); usage errors exit with 64")
  func options() throws {
    let renamed = try CommandRunner.run(["eval", "audit-manual.jsonl", "--field", "manual"] + lexicons, in: directory)
    #expect(renamed.status == 0)
    #expect(renamed.stderr == "govtag: read 10 records from 1 input: 10 evaluated, 0 failed\n")
    let old = try CommandRunner.run(["eval", "audit-manual.jsonl", "--gold-field", "manual"] + lexicons, in: directory)
    #expect(old.status == 0)
    #expect(old.stdout == renamed.stdout)
    #expect(
      old.stderr
        == "govtag: warning: --gold-field is deprecated; use --field\ngovtag: read 10 records from 1 input: 10 evaluated, 0 failed\n"
    )
    #expect(try CommandRunner.run(["eval", "--help"]).stdout.contains("--gold-field") == false)
    let usage = try CommandRunner.run(["eval"] + lexicons, in: directory)
    #expect(usage.status == 64)
    #expect(usage.stderr.contains("Error: name at least one gold-labelled input file, or - for standard input"))
    // A misspelt --review-dimensions would review nothing: it is refused.
    let misspelt = try CommandRunner.run(
      ["eval", "audit-manual.jsonl", "--review-dimensions", "capabilty"] + lexicons, in: directory)
    #expect(misspelt.status == 64)
    #expect(
      misspelt.stderr.hasPrefix(
        #"Error: --review-dimensions: unknown dimension "capabilty"; use one or more of capability, data_element, traits, innovation, technology, separated by commas"#
      ))
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("govtag export, import and lexicon export/import, end to end")
struct ExchangeCommandTests {
  let lexicons = Fixtures.lexiconDirectory

  /// Tags `lines` with the test lexicons in `directory` and returns the labelled file's name.
  func tag(_ lines: [String], in directory: URL) throws -> String {
    Fixtures.write(lines.joined(separator: "\n") + "\n", to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(["tag", "in.jsonl", "--lexicons", lexicons, "-q", "-o", "labelled.jsonl"], in: directory)
    #expect(result.status == 0)
    return "labelled.jsonl"
  }

  /// What Label Studio exports after a reviewer accepts every prediction unchanged.
  func acceptAll(_ tasksFile: URL) throws -> Data {
    let tasks = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: tasksFile)) as? [[String: Any]])
    var export: [[String: Any]] = []
    for (index, task) in tasks.enumerated() {
      let prediction = try #require((task["predictions"] as? [[String: Any]])?.first)
      export.append([
        "id": index + 1, "data": task["data"] ?? [:], "drafts": [], "predictions": [prediction],
        "annotations": [["id": 100 + index, "completed_by": 1, "was_cancelled": false, "result": prediction["result"] ?? []]],
      ])
    }
    return try JSONSerialization.data(withJSONObject: export)
  }

  @Test("export label-studio: offsets in UTF-16 units past a 𠮷, the configuration's provinces from the gazetteer")
  func exportLabelStudio() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let labelled = try tag([#"{"id":"k1","title":"𠮷野家","text":"𠮷野家在浙江杭州推进一网通办，优化营商环境。"}"#], in: directory)
    let result = try CommandRunner.run(
      ["export", "label-studio", labelled, "-o", "tasks.json", "--config", "config.xml", "--lexicons", lexicons], in: directory)
    #expect(result.status == 0)
    #expect(
      result.stderr
        == "govtag: read 1 record from 1 input: 1 exported, 0 failed → tasks.json (labeling configuration: config.xml)\n")
    let tasks = try String(contentsOf: directory.appendingPathComponent("tasks.json"), encoding: .utf8)
    let version = try #require(tasks.range(of: #""model_version":"[0-9a-f]{16}""#, options: .regularExpression)).lowerBound
    #expect(tasks[version...].hasPrefix(#""model_version":""#))
    #expect(
      tasks.contains(
        #"{"id":"e1","from_name":"evidence","to_name":"text","type":"labels","value":{"start":11,"end":15,"text":"一网通办","labels":["capability.public_service"]}}"#
      ))
    #expect(
      tasks.contains(#"{"id":"province","from_name":"province","to_name":"text","type":"choices","value":{"choices":["浙江"]}}"#))
    let config = try String(contentsOf: directory.appendingPathComponent("config.xml"), encoding: .utf8)
    #expect(config.contains(#"    <Choice value="广东" hint="广东省"/>"#))
  }

  @Test("export refuses an untagged corpus with one error that says to tag it first, not one per record")
  func exportNeedsLabels() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write(
      #"{"id":"a","text":"一网通办","gold":{"capability":["public_service"]}}"# + "\n"
        + #"{"id":"b","text":"x","gold":{"capability":[]}}"# + "\n",
      to: "corpus.jsonl", in: directory)
    let result = try CommandRunner.run(["export", "doccano", "corpus.jsonl", "-o", "doccano.jsonl"], in: directory)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: corpus.jsonl:1: none of the 2 records has a \"labels\" field; the records have \"gold\" (2 records); label the records with govtag tag first\n"
    )
  }

  @Test("Round trip without edits: export, accept in Label Studio, import, audit agrees 1.0 on every category")
  func roundTrip() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = try String(contentsOfFile: Fixtures.path("audit/annotator-a.jsonl"), encoding: .utf8)
    let labelled = try tag(input.split(separator: "\n").map(String.init), in: directory)
    let export = try CommandRunner.run(
      ["export", "label-studio", labelled, "-o", "tasks.json", "--lexicons", lexicons], in: directory)
    #expect(export.status == 0)
    try acceptAll(directory.appendingPathComponent("tasks.json")).write(to: directory.appendingPathComponent("export.json"))
    let imported = try CommandRunner.run(["import", "label-studio", "export.json", "-o", "manual.jsonl"], in: directory)
    #expect(imported.status == 0)
    #expect(
      imported.stderr
        == "govtag: imported 8 annotations of 8 tasks by 1 annotator → manual.jsonl (8); not imported: 0 draft, 0 skipped, 0 cancelled, 0 not annotated, 0 invalid\n"
    )
    let audit = try CommandRunner.run(["audit", "manual.jsonl", "--json", "--lexicons", lexicons], in: directory)
    #expect(audit.status == 0)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
    let dimensions = try #require((report["summary"] as? [String: Any])?["dimensions"] as? [[String: Any]])
    #expect(dimensions.map { $0["dimension"] as? String } == ["capability", "technology"])
    var agreements: [Double] = []
    for dimension in dimensions {
      for category in dimension["categories"] as? [[String: Any]] ?? [] {
        agreements.append(category["observed_agreement"] as? Double ?? -1)
      }
    }
    #expect(agreements.count == 15)
    #expect(agreements.allSatisfy { $0 == 1 })
  }

  @Test("Round trip with --tasks: the tasks file govtag export wrote names the record the export lacks")
  func roundTripWithTasksFile() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = try String(contentsOfFile: Fixtures.path("audit/annotator-a.jsonl"), encoding: .utf8)
    let labelled = try tag(input.split(separator: "\n").map(String.init), in: directory)
    let export = try CommandRunner.run(
      ["export", "label-studio", labelled, "-o", "tasks.json", "--lexicons", lexicons], in: directory)
    #expect(export.status == 0)
    // Label Studio's default export leaves out the task nobody submitted: here the last one.
    let accepted = try #require(
      try JSONSerialization.jsonObject(with: acceptAll(directory.appendingPathComponent("tasks.json"))) as? [Any])
    try JSONSerialization.data(withJSONObject: Array(accepted.dropLast())).write(
      to: directory.appendingPathComponent("export.json"))
    let imported = try CommandRunner.run(
      ["import", "label-studio", "export.json", "--tasks", "tasks.json", "-o", "manual.jsonl"], in: directory)
    #expect(imported.status == 0)
    #expect(
      imported.stderr == """
        govtag: warning: export.json: not imported (not in the export): record r08 (task 8 of the tasks file)
        govtag: imported 7 annotations of 7 tasks by 1 annotator → manual.jsonl (7); not imported: 0 draft, 0 skipped, 0 cancelled, 0 not annotated, 0 invalid, 1 not in the export

        """)
  }

  @Test("import label-studio: drafts, skips and a second annotator on stderr; --per-annotator feeds audit --compare")
  func importNotices() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = #"""
      [{"id": 1, "data": {"id": "r01", "text": "推进一网通办。"},
        "annotations": [
          {"id": 11, "completed_by": 1, "result": [{"from_name": "capability", "to_name": "text", "type": "choices", "value": {"choices": ["public_service"]}}]},
          {"id": 12, "completed_by": 2, "result": []}],
        "drafts": [{"id": 3, "user": 2, "result": []}]},
       {"id": 2, "data": {"id": "r02", "text": "优化营商环境。"},
        "annotations": [
          {"id": 21, "completed_by": 1, "result": [{"from_name": "capability", "to_name": "text", "type": "choices", "value": {"choices": ["economic_regulation"]}}]},
          {"id": 22, "completed_by": 2, "was_cancelled": true, "result": []}]}]
      """#
    Fixtures.write(export, to: "export.json", in: directory)
    let one = try CommandRunner.run(["import", "label-studio", "export.json", "-o", "manual.jsonl"], in: directory)
    #expect(one.status == 0)
    #expect(
      one.stderr == """
        govtag: warning: export.json: not imported (draft): task 1 (r01), draft 3 by 2
        govtag: warning: export.json: not imported (skipped): task 2 (r02), annotation 22 by 2
        govtag: warning: export.json: task 1 (r01) has 2 annotations: kept 1's, left aside 2's; --per-annotator writes one file per annotator for audit --compare
        govtag: imported 3 annotations of 2 tasks by 2 annotators → manual.jsonl (2, the first annotation of each task; 1 other annotation left aside: --per-annotator writes every annotator's); not imported: 1 draft, 1 skipped, 0 cancelled, 0 not annotated, 0 invalid

        """)
    Fixtures.write(
      #"[{"data": {"id": "r01"}}, {"data": {"id": "r02"}}, {"data": {"id": "r03"}}]"#, to: "tasks.json", in: directory)
    let checked = try CommandRunner.run(
      ["import", "label-studio", "export.json", "--tasks", "tasks.json", "-o", "manual.jsonl"], in: directory)
    #expect(checked.status == 0)
    #expect(
      checked.stderr.contains(
        "govtag: warning: export.json: not imported (not in the export): record r03 (task 3 of the tasks file)\n"))
    #expect(
      checked.stderr.hasSuffix("not imported: 1 draft, 1 skipped, 0 cancelled, 0 not annotated, 0 invalid, 1 not in the export\n")
    )
    let split = try CommandRunner.run(
      ["import", "label-studio", "export.json", "-o", "manual.jsonl", "--per-annotator"], in: directory)
    #expect(split.status == 0)
    #expect(
      split.stderr.hasSuffix(
        "→ manual.1.jsonl (2), manual.2.jsonl (1); not imported: 1 draft, 1 skipped, 0 cancelled, 0 not annotated, 0 invalid\n"))
    let second = try String(contentsOf: directory.appendingPathComponent("manual.2.jsonl"), encoding: .utf8)
    #expect(
      second
        == #"{"id":"r01","text":"推进一网通办。","manual":{"capability":[],"data_element":[],"traits":[],"innovation":[],"technology":[],"province":null,"region":null},"annotator":"2","source":"label-studio task 1, annotation 12"}"#
        + "\n")
    let compare = try CommandRunner.run(
      ["audit", "--compare", "manual.1.jsonl", "manual.2.jsonl", "--lexicons", lexicons], in: directory)
    // r02 has only annotator 1's labels: audit --compare says so and exits with status 1.
    #expect(compare.status == 1)
    #expect(compare.stdout.contains("1 record in both"))
    #expect(
      compare.stdout.contains(
        "  public_service                1      0         0        0      0.000  0.000         1           1           0"))
  }

  @Test("doccano both ways: export, import back unchanged, audit agrees")
  func doccano() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let labelled = try tag([#"{"id":"d1","text":"深圳市南山区推进一网通办，优化营商环境。"}"#], in: directory)
    let export = try CommandRunner.run(["export", "doccano", labelled, "-o", "doccano.jsonl"], in: directory)
    #expect(export.status == 0)
    let line = try String(contentsOf: directory.appendingPathComponent("doccano.jsonl"), encoding: .utf8)
    #expect(
      line
        == #"{"text":"深圳市南山区推进一网通办，优化营商环境。","label":["capability:economic_regulation","capability:public_service","province:广东","region:east"],"govtag_id":"d1"}"#
        + "\n")
    let imported = try CommandRunner.run(["import", "doccano", "doccano.jsonl", "-o", "manual.jsonl"], in: directory)
    #expect(imported.status == 0)
    #expect(imported.stderr == "govtag: imported 1 of 1 records → manual.jsonl\n")
    let audit = try CommandRunner.run(["audit", "manual.jsonl", "--json", "--lexicons", lexicons], in: directory)
    #expect(audit.status == 0)
    #expect(!audit.stdout.contains(#""observed_agreement":0"#))
  }

  @Test("lexicon export prints what the format cannot carry; lexicon import writes a file lexicon check accepts")
  func lexiconExchange() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let export = try CommandRunner.run(["lexicon", "export", "--format", "liwc", lexicons, "-o", "govtag.dic"], in: directory)
    #expect(export.status == 0)
    #expect(
      export.stderr.hasPrefix(
        """
        govtag: liwc cannot carry weights and thresholds: 5 of 10 terms weigh other than 1, and every hit counts 1 here
        govtag: liwc cannot carry exclusions: 1 phrase inside which a category's terms do not count
        govtag: liwc cannot carry scope rules of scope.yaml (negation, plans, cited titles, aims, background, lists, frames): every hit counts here
        govtag: liwc cannot carry match: substring: 2 terms written term*, which LIWC matches only at the start of a word
        govtag: wrote 6 categories, 10 terms (lexicon version \(Fixtures.model.rulesVersion)) as liwc → govtag.dic
        """))
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("Lexicons"), withIntermediateDirectories: true)
    let imported = try CommandRunner.run(
      ["lexicon", "import", "--format", "liwc", "govtag.dic", "--dimension", "capability", "-o", "Lexicons/capability.yaml"],
      in: directory)
    #expect(imported.status == 0)
    #expect(
      imported.stderr == """
        govtag: govtag.dic: 3 categories of other dimensions left out
        govtag: wrote capability: 3 categories, 7 terms → Lexicons/capability.yaml; check it with govtag lexicon check

        """)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "Lexicons"], in: directory)
    #expect(check.status == 0)
    #expect(
      check.stdout.hasPrefix(
        """
        Lexicons/capability.yaml: capability, 3 categories, 7 terms
        no lexicon file for data_element, traits, innovation and technology (data_element.yaml, traits.yaml, innovation.yaml, technology.yaml expected): records get no labels in these dimensions
        lexicons OK: 7 terms, version 
        """))
    let wrong = try CommandRunner.run(
      ["lexicon", "import", "--format", "cntext", "govtag.dic", "--dimension", "capability", "-o", "x.yaml"], in: directory)
    #expect(wrong.status == 64)
  }

  @Test("A bad line is reported with its file and line and skipped: export and doccano import exit with status 1")
  func badLines() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let labelled = try tag([#"{"id":"d1","text":"推进一网通办。"}"#], in: directory)
    let good = try String(contentsOf: directory.appendingPathComponent(labelled), encoding: .utf8)
    Fixtures.write(good + "{\"id\": \"d2\", \"text\": \"x\"}\n", to: "mixed.jsonl", in: directory)
    let export = try CommandRunner.run(
      ["export", "label-studio", "mixed.jsonl", "-o", "tasks.json", "--lexicons", lexicons], in: directory)
    #expect(export.status == 1)
    #expect(export.stderr.hasPrefix("govtag: error: mixed.jsonl:2: record \"d2\": the record has no \"labels\" field"))
    #expect(export.stderr.hasSuffix("govtag: read 2 records from 1 input: 1 exported, 1 failed → tasks.json\n"))

    Fixtures.write(
      #"{"text": "推进一网通办。", "label": ["capability:public_service"], "govtag_id": "d1"}"# + "\n"
        + #"{"text": "x", "label": ["capability:quantum"], "govtag_id": "d2"}"# + "\n", to: "doccano.jsonl", in: directory)
    let imported = try CommandRunner.run(["import", "doccano", "doccano.jsonl", "-o", "manual.jsonl"], in: directory)
    #expect(imported.status == 1)
    #expect(imported.stderr.hasPrefix("govtag: error: doccano.jsonl:2: record \"d2\": unknown label \"capability:quantum\""))
    #expect(imported.stderr.hasSuffix("govtag: imported 1 of 2 records → manual.jsonl\n"))
  }
}

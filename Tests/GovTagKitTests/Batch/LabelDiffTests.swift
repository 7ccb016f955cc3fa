import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagKit

@Suite("Label diff")
struct LabelDiffTests {
  /// Seven short cases for the fixture lexicons; r2 and r4 hold 政务服务 without 一网通办, so
  /// they score 2 for public_service (threshold 4) with the fixture weight and 4 when it is raised.
  static let corpus = """
    {"id":"r1","title":"一网通办","text":"推进一网通办改革"}
    {"id":"r2","text":"提升政务服务效能"}
    {"id":"r3","text":"优化营商环境"}
    {"id":"r4","text":"建设政务服务中心，方便群众办事"}
    {"id":"r5","text":"应用人工智能和物联网"}
    {"id":"r6","text":"深圳市南山区推进数字化"}
    {"id":"r7","text":"坚持财政务实管理"}

    """

  /// Labels `input` with the lexicons in `lexicons` and returns the output path and the rules version.
  static func tag(_ input: String, lexicons: String, output name: String, in directory: URL) throws -> (String, String) {
    let model = try ClassifierModel.load(lexiconDirectory: lexicons)
    let path = directory.appendingPathComponent(name).path
    let summary = try BatchRunner(model: model, configuration: BatchConfiguration(jobs: 2))
      .run(inputs: [input], destination: BatchRunner.Destination(output: path))
    #expect(summary.labelled == 7)
    return (path, model.rulesVersion)
  }

  /// A copy of the fixture lexicons with 政务服务 weighing 4 instead of 2.
  static func heavierLexicons(in directory: URL) throws -> String {
    let copy = directory.appendingPathComponent("lexicons-new")
    try FileManager.default.copyItem(atPath: Fixtures.lexiconDirectory, toPath: copy.path)
    let file = copy.appendingPathComponent("capability.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8)
    #expect(yaml.contains("政务服务: 2"))
    try yaml.replacingOccurrences(of: "政务服务: 2", with: "政务服务: 4").write(to: file, atomically: true, encoding: .utf8)
    return copy.path
  }

  func compare(_ old: String, _ new: String) throws -> (LabelDiff, [String]) {
    var events: [String] = []
    let diff = try LabelDiffer().compare(old: old, new: new) { event in
      switch event {
      case .recordFailed(let error): events.append("record: \(error)")
      case .inputFailed(let error): events.append("input: \(error)")
      case .duplicateID(let duplicate): events.append("duplicate: \(duplicate)")
      }
    }
    return (diff, events)
  }

  // MARK: - A real lexicon change

  @Test("raising one weight names exactly the two records that gained the category, and nothing else")
  func lexiconChange() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(Self.corpus, to: "cases.jsonl", in: directory)
    let (old, oldVersion) = try Self.tag(input, lexicons: Fixtures.lexiconDirectory, output: "old.jsonl", in: directory)
    let (new, newVersion) = try Self.tag(
      input, lexicons: try Self.heavierLexicons(in: directory), output: "new.jsonl", in: directory)
    #expect(oldVersion != newVersion)

    let (diff, events) = try compare(old, new)
    #expect(events.isEmpty)
    #expect(diff.succeeded)
    #expect(
      diff.categories == [
        LabelDiff.CategoryChange(dimension: "capability", category: "public_service", name: "公共服务", added: ["r2", "r4"])
      ])
    #expect(diff.compared == 7)
    #expect(diff.changed == 2)
    #expect(diff.labelsChanged == 2)
    #expect(diff.unchanged == 5)
    #expect(diff.locationChanged.isEmpty)
    #expect(diff.locationNotCompared == 0)
    #expect(diff.inputChanged.isEmpty)
    #expect(diff.inputUnchecked == 0)
    #expect(diff.onlyInOld.isEmpty && diff.onlyInNew.isEmpty)
    #expect(diff.old.lexiconVersions == [LabelDiff.LexiconVersion(version: oldVersion, records: 7, firstLine: 1)])
    #expect(diff.new.lexiconVersions == [LabelDiff.LexiconVersion(version: newVersion, records: 7, firstLine: 1)])

    // The other way round, the same two records lose it.
    let (back, _) = try compare(new, old)
    #expect(
      back.categories == [
        LabelDiff.CategoryChange(dimension: "capability", category: "public_service", name: "公共服务", removed: ["r2", "r4"])
      ])

    // A file against itself: nothing changed, and the lexicons are named as not the cause.
    let (same, _) = try compare(old, old)
    #expect(same.categories.isEmpty)
    #expect(same.changed == 0 && same.unchanged == 7)
    #expect(same.notes == ["Both files carry lexicon version \(oldVersion): these differences do not come from the lexicons."])
  }

  // MARK: - Hand-written files

  @Test("only-in-one-file, input changed, location changed, duplicates: each reported apart")
  func handWritten() throws {
    let old = Fixtures.path("diff/old.jsonl")
    let new = Fixtures.path("diff/new.jsonl")
    let (diff, events) = try compare(old, new)
    #expect(
      events == ["duplicate: \(old):7: duplicate id \"a2\" (first at line 2); only the first record with this id is compared"])
    #expect(diff.succeeded)
    #expect(diff.old.records == 6 && diff.new.records == 6)
    #expect(diff.old.duplicates == [LabelDiff.DuplicateID(id: "a2", location: SourceLocation(file: old, line: 7), firstLine: 2)])
    #expect(diff.onlyInOld == ["a5"])
    #expect(diff.onlyInNew == ["a7"])
    // a4 lost public_service, but its text changed: it is listed apart and not counted.
    #expect(diff.inputChanged == ["a4"])
    #expect(diff.compared == 4)
    #expect(diff.changed == 3)
    #expect(diff.labelsChanged == 2)
    #expect(diff.unchanged == 1)
    #expect(
      diff.categories == [
        LabelDiff.CategoryChange(dimension: "capability", category: "economic_regulation", name: "经济调节", added: ["a1"]),
        LabelDiff.CategoryChange(dimension: "capability", category: "public_service", name: "公共服务", added: ["a3"]),
        LabelDiff.CategoryChange(dimension: "technology", category: "ai", name: "人工智能", removed: ["a1"]),
      ])
    #expect(
      diff.locationChanged == [
        LabelDiff.LocationChange(
          id: "a2", old: LabelDiff.Place(province: "广东", region: .east), new: LabelDiff.Place(province: "江苏", region: .east)),
        LabelDiff.LocationChange(id: "a3", old: LabelDiff.Place(), new: LabelDiff.Place(province: "浙江", region: .east)),
      ])
  }

  @Test("the Markdown report of the hand-written files")
  func markdown() throws {
    let (diff, _) = try compare(Fixtures.path("diff/old.jsonl"), Fixtures.path("diff/new.jsonl"))
    var renamed = diff
    renamed.old.path = "old.jsonl"
    renamed.new.path = "new.jsonl"
    renamed.old.duplicates[0].location.file = "old.jsonl"
    #expect(
      renamed.markdown(ids: 10) == """
        # Label diff: old.jsonl → new.jsonl

        | run | file | records | skipped | lexicon version |
        | --- | --- | --: | --: | --- |
        | old | old.jsonl | 6 | 0 | v1 |
        | new | new.jsonl | 6 | 0 | v2 |

        ## Summary

        | records | count |
        | --- | --: |
        | in both files, compared | 4 |
        | changed | 3 |
        | · labels changed | 2 |
        | · location changed | 2 |
        | unchanged | 1 |
        | input changed (text_hash differs: not compared) | 1 |
        | only in old | 1 |
        | only in new | 1 |

        ## Labels

        | category | added | removed | records that gained it | records that lost it |
        | --- | --: | --: | --- | --- |
        | 经济调节 capability.economic_regulation | 1 | 0 | a1 |  |
        | 公共服务 capability.public_service | 1 | 0 | a3 |  |
        | 人工智能 technology.ai | 0 | 1 |  | a1 |

        ## Location

        | old | new | records | ids |
        | --- | --- | --: | --- |
        | 广东 (east) | 江苏 (east) | 1 | a2 |
        | unknown | 浙江 (east) | 1 | a3 |

        ## Input changed (text_hash differs: not compared)

        1 record: a4

        ## Only in old: old.jsonl

        1 record: a5

        ## Only in new: new.jsonl

        1 record: a7

        ## Duplicate ids (only the first record with an id is compared)

        - old.jsonl:7: "a2" (first at line 2)

        """)
  }

  @Test("the JSON lists every id and every count")
  func json() throws {
    let (diff, _) = try compare(Fixtures.path("diff/old.jsonl"), Fixtures.path("diff/new.jsonl"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.json())) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(
      summary == [
        "compared": 4, "changed": 3, "unchanged": 1, "labels_changed": 2, "location_changed": 2, "location_not_compared": 0,
        "input_changed": 1, "input_unchecked": 0, "only_in_old": 1, "only_in_new": 1,
      ])
    let categories = try #require(object["categories"] as? [[String: Any]])
    #expect(
      categories.map { "\($0["dimension"]!).\($0["category"]!)" } == [
        "capability.economic_regulation", "capability.public_service", "technology.ai",
      ])
    #expect(categories.map { $0["added"] as? [String] } == [["a1"], ["a3"], []])
    #expect(categories.map { $0["removed"] as? [String] } == [[], [], ["a1"]])
    #expect(object["only_in_old"] as? [String] == ["a5"])
    #expect(object["only_in_new"] as? [String] == ["a7"])
    #expect(object["input_changed"] as? [String] == ["a4"])
    let moves = try #require(object["location_changed"] as? [[String: Any]])
    #expect(moves.map { $0["id"] as? String } == ["a2", "a3"])
    #expect(moves[1]["old"] as? [String: NSNull] == ["province": NSNull(), "region": NSNull()])
    #expect(moves[1]["new"] as? [String: String] == ["province": "浙江", "region": "east"])
    let old = try #require(object["old"] as? [String: Any])
    #expect(old["records"] as? Int == 6)
    #expect(old["mixed_lexicon_versions"] as? Bool == false)
    #expect((old["duplicates"] as? [[String: Any]])?.first?["line"] as? Int == 7)
  }

  @Test("--ids limits each list: the rest is counted")
  func idLimit() {
    #expect(LabelDiff.list(["a", "b", "c", "d"], limit: 2) == "a, b … and 2 more")
    #expect(LabelDiff.list(["a", "b"], limit: 2) == "a, b")
    #expect(LabelDiff.list(["a", "b"], limit: 0) == "… and 2 more")
  }

  // MARK: - Records and files that cannot be used

  struct BadLine: Sendable, CustomTestStringConvertible {
    var id: String
    var line: String
    var message: String
    var testDescription: String { id }
  }

  static let badLines: [BadLine] = [
    BadLine(
      id: "not JSON", line: "not json",
      message: "LINE: not valid JSON: invalid value at column 2; each line must hold one JSON object"),
    BadLine(
      id: "cut short", line: #"{"id":"x","labels":{"capability":[]},"text":"推进"#,
      message: "LINE: not valid JSON: unexpected end of file during JSON parse; each line must hold one JSON object"),
    BadLine(
      id: "bad escape in a skipped field", line: #"{"id":"x","labels":{},"text":"\q"}"#,
      message: "LINE: not valid JSON: invalid escape sequence at column 31; each line must hold one JSON object"),
    BadLine(
      id: "not an object", line: "[1, 2]",
      message: "LINE: a record must be a JSON object, found an array; each line must hold one JSON object"),
    BadLine(
      id: "no id", line: #"{"labels":{"capability":[]}}"#,
      message: #"LINE: the record has no "id" field; records are matched by id: give every input record one"#),
    BadLine(
      id: "no labels", line: #"{"id":"x","text":"推进一网通办"}"#,
      message: #"LINE: record "x": the record has no "labels" field; compare files that govtag tag wrote"#),
    BadLine(
      id: "unknown category", line: #"{"id":"x","labels":{"capability":["public_servise"]}}"#,
      message:
        #"LINE: record "x": unknown category "public_servise" in "labels"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"#
    ),
    BadLine(
      id: "labels not lists", line: #"{"id":7,"labels":{"technology":"ai"}}"#,
      message: #"LINE: record "7": "labels"."technology" must be a list of category ids, found a string"#),
    BadLine(
      id: "bad region", line: #"{"id":"x","labels":{},"location":{"province":"浙江","region":"south"}}"#,
      message: #"LINE: record "x": "location"."region" is "south"; use east, central, west or null"#),
    BadLine(
      id: "an error record from govtag tag",
      line:
        #"{"id":null,"error":{"source":"in.jsonl","line":3,"reason":"the record has no \"text\" field"},"lexicon_version":"v1"}"#,
      message:
        #"LINE: govtag tag could not label this record (in.jsonl:3: the record has no "text" field); fix that input record and tag it again"#
    ),
  ]

  @Test("a line that cannot be used is reported with file, line and the exact reason, and skipped", arguments: badLines)
  func badLine(_ bad: BadLine) throws {
    let directory = Fixtures.temporaryDirectory()
    let good = #"{"id":"ok","text":"","labels":{"capability":["public_service"]},"text_hash":"h","lexicon_version":"v1"}"#
    let old = Fixtures.write(good + "\n" + bad.line + "\n", to: "old.jsonl", in: directory)
    let new = Fixtures.write(good + "\n", to: "new.jsonl", in: directory)
    let (diff, events) = try compare(old, new)
    #expect(events == ["record: " + bad.message.replacingOccurrences(of: "LINE", with: "\(old):2")])
    #expect(diff.old.records == 1)
    #expect(diff.old.skipped == 1)
    #expect(!diff.succeeded)
    #expect(diff.inputsRead)
    #expect(diff.compared == 1 && diff.unchanged == 1)
  }

  @Test("an input that cannot be read is reported; the other is still checked")
  func unreadableInput() throws {
    let directory = Fixtures.temporaryDirectory()
    let empty = Fixtures.write("", to: "empty.jsonl", in: directory)
    let missing = directory.appendingPathComponent("missing.jsonl").path
    let (diff, events) = try compare(missing, empty)
    #expect(
      events == [
        "input: \(missing): cannot open the input: No such file or directory; check the path",
        "input: \(empty): the input is empty: no records; give the labelled records that govtag tag wrote (JSON Lines or one JSON array)",
      ])
    #expect(!diff.inputsRead)
    #expect(
      diff.summaryLine == "compared 0 records: 0 changed, 0 unchanged; \(missing): could not be read; \(empty): could not be read"
    )
  }

  @Test("ids are compared as decoded strings, whatever escapes the JSON used")
  func escapedIDs() throws {
    let directory = Fixtures.temporaryDirectory()
    let old = Fixtures.write(
      #"{"id":"案例\"1\"😀","labels":{"ai":[],"technology":["ai"]},"text":"\u4e00\ud83d\ude00","n":[1.5e3,-0,true,null,{}]}"# + "\n",
      to: "old.jsonl", in: directory)
    let new = Fixtures.write(
      #"{"text" : "x" , "id" : "\u6848\u4f8b\"1\"\ud83d\ude00" , "labels" : { "technology" : [ ] } }"# + "\n", to: "new.jsonl",
      in: directory)
    let (diff, events) = try compare(old, new)
    #expect(events.isEmpty)
    #expect(diff.onlyInOld.isEmpty && diff.onlyInNew.isEmpty)
    #expect(
      diff.categories == [LabelDiff.CategoryChange(dimension: "technology", category: "ai", name: "人工智能", removed: ["案例\"1\"😀"])])
    // Neither file has text_hash or location: the input and the place could not be checked.
    #expect(diff.inputUnchecked == 1)
    #expect(diff.locationNotCompared == 1)
  }

  @Test("a file that mixes lexicon versions says so")
  func mixedVersions() throws {
    let directory = Fixtures.temporaryDirectory()
    let lines = [
      #"{"id":"a","text":"","labels":{},"lexicon_version":"v1"}"#, #"{"id":"b","text":"","labels":{},"lexicon_version":"v2"}"#,
      #"{"id":"c","text":"","labels":{},"lexicon_version":"v1"}"#, #"{"id":"d","text":"","labels":{}}"#,
    ]
    let old = Fixtures.write(lines.joined(separator: "\n") + "\n", to: "old.jsonl", in: directory)
    let (diff, _) = try compare(old, old)
    #expect(
      diff.old.lexiconVersions == [
        LabelDiff.LexiconVersion(version: "v1", records: 2, firstLine: 1),
        LabelDiff.LexiconVersion(version: "v2", records: 1, firstLine: 2),
        LabelDiff.LexiconVersion(version: nil, records: 1, firstLine: 4),
      ])
    #expect(diff.old.mixesLexiconVersions)
    #expect(
      diff.notes.first
        == "\(old) mixes 3 lexicon versions: v1 (2 records, from line 1), v2 (1 record, from line 2), none (1 record, from line 4); its records were not all labelled with the same lexicons."
    )
  }
}

@Suite("Label diff: the line scanner")
struct LabelDiffScannerTests {
  /// Values put in a field the diff skips (`x`) or decodes (`id`), valid and invalid JSON alike.
  static let values = [
    #""plain""#, #""a\"b\\c\/d\b\f\n\r\t""#, #""\u00e9\ud83d\ude00""#, #""\u12""#, #""\x""#, "\"tab\there\"", #""open"#,
    "0", "-0", "12", "-12.5e+3", "1E2", "01", "1.", ".5", "-", "+1", "1e", "--1", "9223372036854775808",
    "true", "false", "null", "tru", "nul", "True",
    "[]", "[1,2,[3,{}]]", "[1,]", "[1,,]", "[,1]", "[,]", "[1 2]", "{}", #"{"a":1,"b":[{"c":null}]}"#, #"{"a":1,}"#, #"{,}"#,
    #"{"a"}"#, #"{a:1}"#,
    #"{"a":1 "b":2}"#, "[" + String(repeating: "[", count: 40) + String(repeating: "]", count: 41),
    // What JSONSerialization accepts and GovTag refuses, as every GovTag reader does.
    #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\ud83d\ude00""#,
    String(repeating: "[", count: 63) + String(repeating: "]", count: 63),
    String(repeating: "[", count: 64) + String(repeating: "]", count: 64),
    "1e400", "123456789012345678901234567890", "-0.0",
  ]

  @Test("accepts exactly what the record parser accepts, in a skipped field and in a decoded one", arguments: values)
  func agreesWithRecordParser(_ value: String) throws {
    let decoder = DiffRecordDecoder(slots: CategorySlots(taxonomy: .standard))
    for line in [#"{"id":"r","text":"","labels":{},"x":"# + value + "}", #"{"text":"","labels":{},"id":"# + value + "}"] {
      let bytes = Array(line.utf8)
      // The parser's own reason for what JSONSerialization would accept; "not valid JSON" otherwise.
      var expected: String?
      do {
        _ = try bytes.withUnsafeBufferPointer { try JSONValueParser.parse($0) }
      } catch let error as JSONValueParser.SyntaxError {
        expected = error.reason ?? "not valid JSON"
      }
      let result = bytes.withUnsafeBufferPointer { decoder.decode($0, at: SourceLocation(file: "t.jsonl", line: 1)) }
      var found: String?
      if case .failure(let error) = result {
        if error.reason.hasPrefix("not valid JSON") {
          found = "not valid JSON"
        } else if error.reason == expected {
          found = expected
        }
      }
      #expect(found == expected, "\(line)")
    }
  }

  @Test("an integer id, a string id and escapes decode to the id JSONSerialization reads")
  func decodedIDs() throws {
    let decoder = DiffRecordDecoder(slots: CategorySlots(taxonomy: .standard))
    for (json, id) in [("42", "42"), (#""\u6848\u4f8b\ud83d\ude00 \"x\"""#, "案例😀 \"x\""), (#""a\/b\\c""#, "a/b\\c")] {
      let bytes = Array((#"{"text":"","labels":{"capability":["public_service"]},"id":"# + json + "}").utf8)
      let result = bytes.withUnsafeBufferPointer { decoder.decode($0, at: SourceLocation(file: "t.jsonl", line: 1)) }
      #expect((try? result.get())?.id == id)
    }
  }
}

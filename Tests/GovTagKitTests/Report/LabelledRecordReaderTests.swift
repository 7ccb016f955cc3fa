import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Reading labelled records back")
struct LabelledRecordReaderTests {
  func message(_ line: String, source: LabelSource = .govtag) -> String? {
    let result = Array(line.utf8).withUnsafeBufferPointer {
      LabelledRecordReader(source: source).decode($0, at: SourceLocation(file: "labelled.jsonl", line: 4))
    }
    if case .failure(let error) = result { return error.description }
    return nil
  }

  struct BadLine: Sendable, CustomTestStringConvertible {
    var id: String
    var line: String
    var source: LabelSource = .govtag
    var message: String
    var testDescription: String { id }
  }

  static let badLines: [BadLine] = [
    BadLine(
      id: "a year of five digits", line: #"{"id":"a","text":"x","year":20230,"labels":{}}"#,
      message: #"labelled.jsonl:4: record "a": "year" 20230 is not a year of four digits; write the year as 2023 or "2023""#),
    BadLine(
      id: "a negative year as a string", line: #"{"id":"a","text":"x","year":"-5","labels":{}}"#,
      message: #"labelled.jsonl:4: record "a": "year" -5 is not a year of four digits; write the year as 2023 or "2023""#),
    BadLine(
      id: "not JSON", line: "{oops",
      message: "labelled.jsonl:4: not valid JSON: invalid value at column 2; each line must hold one JSON object"),
    BadLine(
      id: "never tagged", line: #"{"id":"a","text":"x"}"#,
      message:
        #"labelled.jsonl:4: record "a": the record has no "labels" field; label the records with GovTag first, or read a field of people's labels instead"#
    ),
    BadLine(
      id: "no manual labels", line: #"{"id":"a","text":"x","labels":{}}"#, source: .field("manual"),
      message:
        #"labelled.jsonl:4: record "a": the record has no "manual" field; give every record its "manual" labels, or read GovTag's labels instead"#
    ),
    BadLine(
      id: "labels not an object", line: #"{"id":"a","text":"x","labels":[]}"#,
      message:
        #"labelled.jsonl:4: record "a": "labels" must be an object of category id lists, found an array; write {"capability": ["public_service"], …}"#
    ),
    BadLine(
      id: "unknown category", line: #"{"id":"a","text":"x","labels":{"capability":["public_servise"]}}"#,
      message:
        #"labelled.jsonl:4: record "a": unknown category "public_servise" in "labels"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"#
    ),
    BadLine(
      id: "a manual category by its Chinese name", line: #"{"id":"a","text":"x","manual":{"capability":["公共服务"]}}"#,
      source: .field("manual"),
      message:
        #"labelled.jsonl:4: record "a": unknown category "公共服务" in "manual"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"#
    ),
    BadLine(
      id: "a manual category dotted, in capitals, with a space",
      line: #"{"id":"a","text":"x","manual":{"capability":["capability.Public_Service "]}}"#, source: .field("manual"),
      message:
        #"labelled.jsonl:4: record "a": unknown category "capability.Public_Service " in "manual"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"#
    ),
    BadLine(
      id: "a manual category nothing like an id", line: #"{"id":"a","text":"x","manual":{"traits":["xyz"]}}"#,
      source: .field("manual"),
      message:
        #"labelled.jsonl:4: record "a": unknown category "xyz" in "manual"."traits"; use one of platform, grassroots, gov_enterprise, market_operation"#
    ),
    BadLine(
      id: "manual null", line: #"{"id":"a","text":"x","manual":null}"#, source: .field("manual"),
      message:
        #"labelled.jsonl:4: record "a": "manual" is null: the record has no labels; give its labels, or leave the record out"#
    ),
    BadLine(
      id: "bad region", line: #"{"id":"a","text":"x","labels":{},"location":{"region":"north"}}"#,
      message: #"labelled.jsonl:4: record "a": "location"."region" is "north"; use east, central, west or null"#),
    BadLine(
      id: "bad year", line: #"{"id":"a","text":"x","labels":{},"year":true}"#,
      message:
        #"labelled.jsonl:4: record "a": "year" must be an integer or a string, found a boolean; write the year as 2023 or "2023""#
    ),
    BadLine(
      id: "bad evidence",
      line:
        #"{"id":"a","text":"x","labels":{},"evidence":[{"dimension":"capability","category":"c","field":"text","start":"0","end":1}]}"#,
      message: #"labelled.jsonl:4: record "a": evidence 1 has no valid "start"; give the evidence as govtag tag wrote it"#),
    BadLine(
      id: "compact evidence: a hit that is not a list of 4 to 6",
      line: #"{"id":"a","text":"一网通办","labels":{},"evidence":{"capability":{"public_service":{"一网通办":[["text",0,4]]}}}}"#,
      message:
        #"labelled.jsonl:4: record "a": hit 1 of "一网通办" (capability.public_service) is not [field, start, end, contribution, status?, why?]; give the evidence as govtag tag wrote it"#
    ),
    BadLine(
      id: "compact evidence: an unknown field",
      line:
        #"{"id":"a","text":"一网通办","labels":{},"evidence":{"capability":{"public_service":{"一网通办":[["body",0,4,4]]}}}}"#,
      message:
        #"labelled.jsonl:4: record "a": hit 1 of "一网通办" (capability.public_service) is not [field, start, end, contribution, status?, why?]; give the evidence as govtag tag wrote it"#
    ),
    BadLine(
      id: "compact evidence: terms not an object",
      line: #"{"id":"a","text":"x","labels":{},"evidence":{"capability":{"public_service":[]}}}"#,
      message:
        #"labelled.jsonl:4: record "a": evidence of "capability.public_service" must be an object of terms, found an array; give the evidence as govtag tag wrote it"#
    ),
    BadLine(
      id: "evidence neither layout", line: #"{"id":"a","text":"x","labels":{},"evidence":"一网通办"}"#,
      message:
        #"labelled.jsonl:4: record "a": "evidence" must be an object (compact layout) or a list (full layout), found a string; give the evidence as govtag tag wrote it"#
    ),
  ]

  @Test("the compact and the full evidence layout read as the same spans, in the text's order")
  func bothLayouts() throws {
    let full =
      #"{"id":"a","title":"一网通办","text":"推进一网通办，尚未实现数据共享","labels":{},"evidence":[{"dimension":"capability","category":"public_service","term":"一网通办","field":"title","start":0,"end":4,"match":"一网通办","context":"【一网通办】","weight":4,"contribution":6,"status":"counted","lexicon":"L:1:1"},{"dimension":"capability","category":"public_service","term":"一网通办","field":"text","start":2,"end":6,"match":"一网通办","context":"推进【一网通办】","weight":4,"contribution":2,"status":"counted","lexicon":"L:1:1"},{"dimension":"data_element","category":"data_sharing","term":"数据共享","field":"text","start":11,"end":15,"match":"数据共享","context":"尚未实现【数据共享】","weight":2,"contribution":0,"status":"negated","why":"negated","lexicon":"L:2:1"}]}"#
    let compact =
      #"{"id":"a","title":"一网通办","text":"推进一网通办，尚未实现数据共享","labels":{},"evidence":{"data_element":{"data_sharing":{"数据共享":[["text",11,15,0,"negated","negated"]]}},"capability":{"public_service":{"一网通办":[["title",0,4,6],["text",2,6,2]]}}}}"#
    func spans(_ line: String) throws -> [EvidenceSpan] {
      let result = Array(line.utf8).withUnsafeBufferPointer {
        LabelledRecordReader().decode($0, at: SourceLocation(file: "labelled.jsonl", line: 1))
      }
      return try result.get().evidence
    }
    let fromFull = try spans(full)
    let fromCompact = try spans(compact)
    #expect(fromFull.map(\.weight) == [4, 4, 2])
    #expect(fromCompact.map(\.weight) == [nil, nil, nil])
    func withoutWeight(_ spans: [EvidenceSpan]) -> [EvidenceSpan] {
      spans.map {
        var span = $0
        span.weight = nil
        return span
      }
    }
    #expect(withoutWeight(fromFull) == fromCompact)
    #expect(fromCompact.map(\.term) == ["一网通办", "一网通办", "数据共享"])
    #expect(fromCompact.map(\.status) == ["counted", "counted", "negated"])
    #expect(fromCompact.map(\.contribution) == [6, 2, 0])
  }

  @Test("a line that cannot be used says why, with file and line", arguments: badLines)
  func badLine(_ bad: BadLine) {
    #expect(message(bad.line, source: bad.source) == bad.message)
  }

  @Test("a record keeps its texts, labels, location, review, evidence and reference labels")
  func goodRecord() throws {
    let records = try ReportFixture.records()
    #expect(records.map(\.id) == ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"])
    #expect(records.map(\.year) == ["2022", "2022", "2022", "2023", "2023", "2023", "2023", nil])
    let second = records[1]
    #expect(second.labels?.categories["capability"] == ["public_service"])
    #expect(second.labels?.province == "四川")
    #expect(second.labels?.region == .west)
    #expect(second.referenceField == "manual")
    // Written public_service, social_management; reference labels come in the taxonomy's order.
    #expect(second.reference?.categories["capability"] == ["social_management", "public_service"])
    #expect(second.reference?.region == .west)  // no region key: location's
    #expect(second.needsReview)
    #expect(second.reviewReasons == ["public_service scores 4, which just reaches its threshold 4"])
    #expect(second.evidence.map(\.term) == ["一网通办"])
    #expect(second.evidence.map(\.start) == [4])
    #expect(records[4].reference?.province == "北京")
    #expect(records[4].reference?.region == .east)
    #expect(records[4].labels?.region == nil)
  }

  @Test("reference labels: manual first, else gold; a named field only")
  func referenceFields() {
    func reference(_ line: String, _ reader: LabelledRecordReader) -> String? {
      let result = Array(line.utf8).withUnsafeBufferPointer { reader.decode($0, at: SourceLocation(file: "f", line: 1)) }
      return (try? result.get())?.referenceField
    }
    let both = #"{"id":"a","text":"x","labels":{},"gold":{"capability":[]},"manual":{"capability":[]}}"#
    let gold = #"{"id":"a","text":"x","labels":{},"gold":{"capability":[]}}"#
    #expect(reference(both, LabelledRecordReader()) == "manual")
    #expect(reference(gold, LabelledRecordReader()) == "gold")
    #expect(reference(both, LabelledRecordReader(referenceFields: ["gold"])) == "gold")
    #expect(reference(gold, LabelledRecordReader(referenceFields: ["manual"])) == nil)
  }

  /// The reference labels of one line read with the test gazetteer, or the error.
  func reference(_ line: String, source: LabelSource = .field("manual")) throws -> Result<CaseLabels?, RecordError> {
    var reader = LabelledRecordReader(source: source)
    reader.gazetteer = try GazetteerLoader().load(directory: Fixtures.lexiconDirectory)
    let result = Array(line.utf8).withUnsafeBufferPointer { reader.decode($0, at: SourceLocation(file: "m.jsonl", line: 2)) }
    return result.map(\.reference)
  }

  @Test("a dimension the reference leaves out is not annotated; GovTag's labels have every dimension")
  func notAnnotated() throws {
    let line =
      #"{"id":"a","text":"x","labels":{"capability":["public_service"]},"manual":{"capability":["public_service"],"technology":[]}}"#
    let labels = try #require(try reference(line).get())
    #expect(labels.categories == ["capability": ["public_service"], "technology": []])
    #expect(labels.annotates("technology"))
    #expect(!labels.annotates("data_element"))
    let record = try Array(line.utf8).withUnsafeBufferPointer {
      LabelledRecordReader().decode($0, at: SourceLocation(file: "m.jsonl", line: 2))
    }.get()
    #expect(record.labels?.categories.keys.sorted() == ["capability", "data_element", "innovation", "technology", "traits"])
  }

  @Test("a reference region without a province replaces GovTag's region only, and the reverse")
  func placeKeysOneByOne() throws {
    let location = #""labels":{},"location":{"province":"浙江","region":"east"}"#
    let regionOnly = try #require(try reference(#"{"id":"a","text":"x",\#(location),"manual":{"region":"west"}}"#).get())
    #expect(regionOnly.province == "浙江")
    #expect(regionOnly.region == .west)
    // A province without a region brings the gazetteer's region; 广东省 is 广东.
    let provinceOnly = try #require(try reference(#"{"id":"a","text":"x",\#(location),"manual":{"province":"广东省"}}"#).get())
    #expect(provinceOnly.province == "广东")
    #expect(provinceOnly.region == .east)
    let neither = try #require(try reference(#"{"id":"a","text":"x",\#(location),"manual":{"capability":[]}}"#).get())
    #expect(neither.province == "浙江")
    #expect(neither.region == .east)
  }

  @Test("a reference province the gazetteer does not know is an error, worded as audit's")
  func unknownProvince() throws {
    let result = try reference(#"{"id":"a","text":"x","manual":{"province":"火星"}}"#)
    guard case .failure(let error) = result else {
      Issue.record("火星 was accepted")
      return
    }
    #expect(
      error.description.hasPrefix(
        #"m.jsonl:2: record "a": "manual"."province" is "火星", which is not a province of the gazetteer; use a province's name ("#)
    )
    #expect(error.description.hasSuffix("), its full name (浙江省) or null"))
  }

  @Test("missing and empty inputs are reported, blank lines skipped, bad lines counted")
  func files() throws {
    let directory = Fixtures.temporaryDirectory()
    let good = #"{"id":"a","text":"x","labels":{"capability":["public_service"]}}"#
    Fixtures.write("\(good)\n\nnot json\n", to: "in.jsonl", in: directory)
    Fixtures.write("", to: "empty.jsonl", in: directory)
    var events: [String] = []
    let summary = try LabelledRecordReader().read(
      paths: [directory.appendingPathComponent("in.jsonl").path, directory.appendingPathComponent("empty.jsonl").path]
    ) { event in
      switch event {
      case .record(let record): events.append("record \(record.id)")
      case .recordFailed(let error): events.append("failed line \(error.location.line ?? 0)")
      case .inputFailed(let error): events.append("input \(error.message)")
      case .duplicateID(let duplicate): events.append("duplicate \(duplicate)")
      }
    }
    #expect(events == ["record a", "failed line 3", "input the input is empty: no records"])
    #expect(
      summary.line(verb: "counted")
        == "read 2 records from 2 inputs: 1 counted, 1 failed, 1 blank line skipped; 1 input could not be read")
    #expect(summary.blankLines == 1)
    #expect(!summary.succeeded)
  }

  @Test("a record whose id an earlier one had, in the same input or another, is reported and left out, not counted twice")
  func duplicateIDs() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let record = { (id: String) in #"{"id":"\#(id)","text":"x","labels":{"capability":["public_service"]}}"# }
    let first = Fixtures.write(
      [record("a"), record("b"), record("a")].joined(separator: "\n") + "\n", to: "one.jsonl", in: directory)
    let second = Fixtures.write(record("b") + "\n", to: "two.jsonl", in: directory)
    var events: [String] = []
    let summary = try LabelledRecordReader().read(paths: [first, second]) { event in
      switch event {
      case .record(let record): events.append("record \(record.id)")
      case .duplicateID(let duplicate): events.append(duplicate.description)
      case .recordFailed(let error): events.append("failed \(error)")
      case .inputFailed(let error): events.append("input \(error)")
      }
    }
    #expect(
      events == [
        "record a", "record b", "\(first):3: duplicate id \"a\" (first at \(first):1)",
        "\(second):1: duplicate id \"b\" (first at \(first):2)",
      ])
    #expect(summary.line(verb: "counted") == "read 4 records from 2 inputs: 2 counted, 0 failed, 2 duplicate ids skipped")
    #expect(summary.succeeded)
  }
}

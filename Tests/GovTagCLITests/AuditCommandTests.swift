import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag audit and lexicon suggest, end to end")
struct AuditCommandTests {
  /// Commands run in Tests/Fixtures/audit, so messages name files as a user would type them.
  let directory = URL(fileURLWithPath: Fixtures.path("audit"))
  let lexicons = ["--lexicons", "../lexicons"]

  @Test("the flipped labels lead the suspects, each with its evidence or the lack of it")
  func suspects() throws {
    let result = try CommandRunner.run(["audit", "audit-manual.jsonl", "--top", "4"] + lexicons, in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "govtag: read 10 records from 1 input: 10 audited, 0 failed\n")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains("  economic_regulation              4       4         3        5      0.800  0.583      0.750   0.750"))
    let start = try #require(lines.firstIndex { $0.hasPrefix("Suspects: 8 disagreements") })
    #expect(
      Array(lines[(start + 1)...]) == [
        "  1. r05 (audit-manual.jsonl:5)  technology.gis: manual yes, GovTag no, score 0 of 3, suspicion 1.000",
        "      no evidence: no term of the category occurs in the record",
        "  2. r08 (audit-manual.jsonl:8)  capability.economic_regulation: manual yes, GovTag no, score 0 of 3, suspicion 1.000",
        "      no evidence: no term of the category occurs in the record",
        "  3. r10 (audit-manual.jsonl:10)  capability.public_service: manual yes, GovTag no, score 0 of 4, suspicion 1.000",
        "      no evidence: no term of the category occurs in the record",
        "  4. r04 (audit-manual.jsonl:4)  capability.economic_regulation: manual no, GovTag yes, score 7.125 of 3, suspicion 0.579",
        "      营商环境  +4.5  title  …优化【营商环境】…  (../lexicons/capability.yaml:8:7)",
        "      营商环境  +1.5  text  …【营商环境】持续改善，营商环境评价提…  (../lexicons/capability.yaml:8:7)",
        "      营商环境  +0.75  text  …营商环境持续改善，【营商环境】评价提升，营商环境便利度…  (../lexicons/capability.yaml:8:7)",
        "      营商环境  +0.375  text  …改善，营商环境评价提升，【营商环境】便利度领先。…  (../lexicons/capability.yaml:8:7)",
        "  … and 4 more: --top N shows more, --json or --csv FILE lists them all",
      ])
  }

  @Test("--json: summary with kappa per category, every suspect, and with --terms the terms")
  func json() throws {
    let result = try CommandRunner.run(["audit", "audit-manual.jsonl", "--json", "--terms"] + lexicons, in: directory)
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Any])
    let dimensions = try #require(summary["dimensions"] as? [[String: Any]])
    let categories = try #require(dimensions.first?["categories"] as? [[String: Any]])
    let economic = try #require(categories.first { $0["category"] as? String == "economic_regulation" })
    #expect(abs((economic["kappa"] as? Double ?? 0) - 7.0 / 12.0) < 1e-12)
    #expect(economic["both_yes"] as? Int == 3 && economic["both_no"] as? Int == 5)
    let suspects = try #require(object["suspects"] as? [[String: Any]])
    #expect(suspects.map { $0["id"] as? String } == ["r05", "r08", "r10", "r04", "r02", "r06", "r09", "r07"])
    let first = suspects[0]
    #expect(first["dimension"] as? String == "technology" && first["category"] as? String == "gis")
    #expect(first["manual"] as? Bool == true && first["predicted"] as? Bool == false)
    #expect(first["score"] as? Double == 0 && first["threshold"] as? Double == 3 && first["suspicion"] as? Double == 1)
    #expect((first["evidence"] as? [Any])?.isEmpty == true)
    let fourth = try #require(suspects[3]["evidence"] as? [[String: Any]])
    #expect(fourth.map { $0["contribution"] as? Double } == [4.5, 1.5, 0.75, 0.375])
    let terms = try #require(object["terms"] as? [[String: Any]])
    #expect(terms.first?["term"] as? String == "政务" && terms.first?["false_firings"] as? Int == 2)
  }

  @Test("--csv writes the suspects for Excel: BOM, RFC 4180 quoting, CRLF")
  func csv() throws {
    let output = Fixtures.temporaryDirectory().appendingPathComponent("suspects.csv").path
    let result = try CommandRunner.run(["audit", "audit-manual.jsonl", "--csv", output] + lexicons, in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "govtag: read 10 records from 1 input: 10 audited, 0 failed; 8 suspects → \(output)\n")
    let bytes = try #require(FileManager.default.contents(atPath: output))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
    #expect(rows.count == 10)  // header, 8 suspects, and the empty string after the last CRLF
    #expect(rows[0] == "rank,id,source,dimension,category,manual,govtag,score,threshold,suspicion,p_wrong,evidence,contexts,kind")
    #expect(rows[1] == "1,r05,audit-manual.jsonl:5,technology,gis,yes,no,0,3,1.000,,,,category")  // no calibration: no p_wrong
    #expect(
      rows[5]
        == "5,r02,audit-manual.jsonl:2,technology,ai,no,yes,6,3,0.500,,人工智能 +4.5 (title); 人工智能 +1.5 (text),【人工智能】赋能一网通办 | 全市应用【人工智能】技术，推进一网通办。,category"
    )
  }

  @Test("--csv with calibrated lexicons gives each suspect's P(wrong), by which the rows are ordered")
  func csvWrongProbability() throws {
    let output = Fixtures.temporaryDirectory().appendingPathComponent("suspects.csv").path
    let bundled = Fixtures.repository.appendingPathComponent("Lexicons").path
    let result = try CommandRunner.run(["audit", "audit-manual.jsonl", "--csv", output, "--lexicons", bundled], in: directory)
    #expect(result.status == 0)
    let bytes = try #require(FileManager.default.contents(atPath: output))
    let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").dropFirst().filter {
      !$0.isEmpty
    }
    #expect(!rows.isEmpty)
    // The first ten cells hold no comma (ids, places, yes/no, figures); the eleventh is p_wrong.
    let probabilities = rows.map { row in Double(row.split(separator: ",", omittingEmptySubsequences: false)[10]) }
    #expect(probabilities.allSatisfy { $0.map { (0...1).contains($0) } ?? false }, "\(rows)")
    let values = probabilities.compactMap { $0 }
    #expect(values == values.sorted(by: >))
  }

  @Test("--csv neutralises cells that a spreadsheet would run as formulas, and keeps figures numbers")
  func csvInjection() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    Fixtures.write(
      #"{"id":"=cmd|' /C calc'!A0","text":"@SUM(1)全市应用人工智能技术","manual":{"technology":[]}}"# + "\n", to: "in.jsonl",
      in: scratch)
    let output = scratch.appendingPathComponent("suspects.csv").path
    let result = try CommandRunner.run(
      ["audit", "in.jsonl", "--csv", output, "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(result.status == 0)
    let bytes = try #require(FileManager.default.contents(atPath: output))
    let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
    #expect(
      rows[1] == "1,'=cmd|' /C calc'!A0,in.jsonl:1,technology,ai,no,yes,3,3,0.000,,人工智能 +3 (text),'@SUM(1)全市应用【人工智能】技术,category")
  }

  @Test(
    "records without the label field fail once, naming the field they have",
    arguments: [
      ["eval", "audit-manual.jsonl"], ["audit", "eval-gold.jsonl"], ["lexicon", "suggest", "eval-gold.jsonl"],
    ])
  func missingLabelField(_ command: [String]) throws {
    let result = try CommandRunner.run(command + lexicons, in: directory)
    #expect(result.status == 2)
    #expect(result.stdout == "")
    let (wanted, file, count) = command[0] == "eval" ? ("gold", "audit-manual.jsonl", 10) : ("manual", "eval-gold.jsonl", 6)
    let have = wanted == "gold" ? "manual" : "gold"
    #expect(
      result.stderr
        == "govtag: error: \(file):1: none of the \(count) records has a \"\(wanted)\" field; the records have \"\(have)\" (\(count) records); pass --field \(have)\n"
    )
  }

  @Test("--compare gives the known inter-annotator kappa and GovTag's side")
  func compare() throws {
    let result = try CommandRunner.run(
      ["audit", "--compare", "annotator-a.jsonl", "annotator-b.jsonl"] + lexicons, in: directory)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "  economic_regulation           4      4         3        3      0.750  0.500         2           2           0"))
    #expect(lines.contains("  ai                2      3         2        5      0.875  0.714         1           0           1"))
    let overallLine = try #require(lines.firstIndex { $0.hasPrefix("overall") })
    #expect(
      Array(lines[overallLine...]) == [
        "overall, pooled over 120 category decisions: agreement 0.975, kappa 0.875; 3 disagreements, GovTag sides with A in 2, with B in 1",
        "Disagreements: 3 category decisions, in A's order",
        "  1. r01 (A annotator-a.jsonl:1, B annotator-b.jsonl:8)  capability.economic_regulation: A yes, B no, GovTag yes",
        "  2. r07 (A annotator-a.jsonl:7, B annotator-b.jsonl:2)  technology.ai: A no, B yes, GovTag yes",
        "  3. r08 (A annotator-a.jsonl:8, B annotator-b.jsonl:1)  capability.economic_regulation: A no, B yes, GovTag no",
      ])
    let json = try CommandRunner.run(
      ["audit", "--compare", "annotator-a.jsonl", "annotator-b.jsonl", "--json"] + lexicons, in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let overall = try #require(object["overall"] as? [String: Any])
    #expect(abs((overall["kappa"] as? Double ?? 0) - 2516.0 / 2876.0) < 1e-12)
    #expect(overall["decisions"] as? Int == 120)
    #expect(overall["govtag_sides_with_a"] as? Int == 2 && overall["govtag_sides_with_b"] as? Int == 1)
  }

  @Test("bad records: missing manual labels, unknown ids, no text; each named, counted, status 1")
  func badRecords() throws {
    let result = try CommandRunner.run(["audit", "audit-bad.jsonl"] + lexicons, in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr.split(separator: "\n").map(String.init) == [
        #"govtag: error: audit-bad.jsonl:2: record "a2": the record has no "manual" field; add its labels as "manual": {"capability": [...], ...}, or name the field that holds them with --field"#,
        #"govtag: error: audit-bad.jsonl:3: record "a3": unknown category "AI" in "manual"."technology"; did you mean ai (人工智能)? write the category's id, exactly as docs/TAXONOMY.md does"#,
        #"govtag: error: audit-bad.jsonl:4: record "a4": the record has no "text" field; put the narrative in "text""#,
        #"govtag: error: audit-bad.jsonl:5: record "a5": the "text" field is empty: there is nothing to label; give the narrative, or leave the record out"#,
        #"govtag: error: audit-bad.jsonl:6: record "a6": "manual"."region" must be "east", "central", "west" or null, found "north""#,
        #"govtag: read 6 records from 1 input: 1 audited, 5 failed (1 without "manual")"#,
      ])
    #expect(result.stdout.hasPrefix("govtag audit: 1 record from audit-bad.jsonl"))
  }

  @Test("--compare reports ids found in one file only; usage errors exit with 64")
  func compareProblems() throws {
    let scratch = Fixtures.temporaryDirectory()
    Fixtures.write(#"{"id":"1","text":"推进一网通办","manual":{"capability":[]}}"# + "\n", to: "a.jsonl", in: scratch)
    Fixtures.write(#"{"id":"2","text":"推进一网通办","manual":{"capability":[]}}"# + "\n", to: "b.jsonl", in: scratch)
    let result = try CommandRunner.run(
      ["audit", "--compare", "a.jsonl", "b.jsonl", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.prefix(2) == [
        #"govtag: error: a.jsonl:1: record "1": no record with this id in b.jsonl; only records in both files are compared"#,
        #"govtag: error: b.jsonl:1: record "2": no record with this id in a.jsonl; only records in both files are compared"#,
      ])
    let one = try CommandRunner.run(["audit", "--compare", "a.jsonl"] + lexicons, in: directory)
    #expect(one.status == 64)
    #expect(one.stderr.contains("Error: --compare takes exactly two files, A and B, found 1"))
    let mixed = try CommandRunner.run(
      ["audit", "--compare", "annotator-a.jsonl", "annotator-b.jsonl", "--terms"] + lexicons, in: directory)
    #expect(mixed.status == 64)
    #expect(mixed.stderr.contains("Error: --terms does not apply to --compare"))
  }

  @Test("--compare lists the disagreements in --json and --csv: ids, both files' lines, A's, B's and GovTag's answers")
  func compareLists() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    for name in ["annotator-a.jsonl", "annotator-b.jsonl"] {
      try FileManager.default.copyItem(atPath: Fixtures.path("audit/\(name)"), toPath: scratch.appendingPathComponent(name).path)
    }
    let arguments = ["audit", "--compare", "annotator-a.jsonl", "annotator-b.jsonl", "--lexicons", Fixtures.lexiconDirectory]
    let json = try CommandRunner.run(arguments + ["--json"], in: scratch)
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let list = try #require(object["disagreements"] as? [[String: Any]])
    #expect(list.count == 3)
    #expect(
      list.first.map { NSDictionary(dictionary: $0) }
        == NSDictionary(dictionary: [
          "id": "r01", "source_a": "annotator-a.jsonl:1", "source_b": "annotator-b.jsonl:8", "dimension": "capability",
          "category": "economic_regulation", "a": true, "b": false, "govtag": true,
        ]))
    let csv = try CommandRunner.run(arguments + ["--csv", "d.csv"], in: scratch)
    #expect(csv.status == 0)
    #expect(csv.stderr.hasSuffix("govtag: 3 disagreements and 0 location disagreements → d.csv\n"))
    let bytes = try Data(contentsOf: scratch.appendingPathComponent("d.csv"))
    let rows =
      "id,source_a,source_b,dimension,category,a,b,govtag,kind\r\n"
      + "r01,annotator-a.jsonl:1,annotator-b.jsonl:8,capability,economic_regulation,yes,no,yes,category\r\n"
      + "r07,annotator-a.jsonl:7,annotator-b.jsonl:2,technology,ai,no,yes,yes,category\r\n"
      + "r08,annotator-a.jsonl:8,annotator-b.jsonl:1,capability,economic_regulation,no,yes,no,category\r\n"
    #expect(bytes == Data([0xEF, 0xBB, 0xBF]) + Data(rows.utf8))
  }

  /// Three records of the test gazetteer's places: p2's manual place is wrong.
  static let places = [
    #"{"id":"p1","text":"深圳市南山区推进一网通办。","manual":{"capability":["public_service"],"province":"广东","region":"east"}}"#,
    #"{"id":"p2","text":"深圳市南山区推进一网通办。","manual":{"capability":["public_service"],"province":"吉林","region":"central"}}"#,
    #"{"id":"p3","text":"推进一网通办。","manual":{"capability":["public_service"],"province":null}}"#,
  ]

  @Test("audit lists the records whose manual province or region differs from GovTag's, in text, --json and --csv")
  func locationDisagreements() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    Fixtures.write(Self.places.joined(separator: "\n") + "\n", to: "places.jsonl", in: scratch)
    let arguments = ["audit", "places.jsonl", "--lexicons", Fixtures.lexiconDirectory]
    let text = try CommandRunner.run(arguments + ["--csv", "s.csv"], in: scratch)
    #expect(text.status == 0)
    let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("Location disagreements") })
    #expect(
      Array(lines[start...]) == [
        "Location disagreements: 1 record whose manual province or region differs from GovTag's",
        "  1. p2 (places.jsonl:2)  province: manual 吉林, GovTag 广东; region: manual central, GovTag east",
        "",
      ])
    #expect(text.stderr.hasSuffix("3 audited, 0 failed; 0 suspects and 1 location disagreement → s.csv\n"))
    // One row per differing part, told from the suspects' rows by the last column, kind.
    let csv = try Data(contentsOf: scratch.appendingPathComponent("s.csv"))
    #expect(
      csv
        == Data(
          ("\u{FEFF}rank,id,source,dimension,category,manual,govtag,score,threshold,suspicion,p_wrong,evidence,contexts,kind\r\n"
            + ",p2,places.jsonl:2,location,province,吉林,广东,,,,,,,location\r\n"
            + ",p2,places.jsonl:2,location,region,central,east,,,,,,,location\r\n").utf8))
    let json = try CommandRunner.run(arguments + ["--json"], in: scratch)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(
      (object["location_disagreements"] as? [[String: Any]]).map { $0.map { NSDictionary(dictionary: $0) } }
        == [
          NSDictionary(dictionary: [
            "id": "p2", "source": "places.jsonl:2", "province": ["manual": "吉林", "govtag": "广东"],
            "region": ["manual": "central", "govtag": "east"],
          ])
        ])
  }

  @Test("--compare counts and lists province differences, and warns when one id holds two different texts")
  func compareLocationAndText() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    Fixtures.write(Self.places.joined(separator: "\n") + "\n", to: "a.jsonl", in: scratch)
    let b = Self.places.map {
      $0.replacingOccurrences(of: #""province":"吉林","region":"central""#, with: #""province":"广东","region":"east""#)
        .replacingOccurrences(
          of: "推进一网通办。\",\"manual\":{\"capability\":[\"public_service\"],\"province\":null",
          with: "推进一网通办，再推进。\",\"manual\":{\"capability\":[\"public_service\"],\"province\":null")
    }
    Fixtures.write(b.joined(separator: "\n") + "\n", to: "b.jsonl", in: scratch)
    let result = try CommandRunner.run(
      ["audit", "--compare", "a.jsonl", "b.jsonl", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(result.status == 0)
    #expect(
      result.stderr.split(separator: "\n").first.map(String.init)
        == #"govtag: warning: a.jsonl:3: record "p3": the title or text differs from that of B's record with this id (b.jsonl:3); the labels are compared all the same, and GovTag labels A's text; give both annotators the same texts"#
    )
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("location:") })
    #expect(
      Array(lines[start...]) == [
        "location: provinces differ in 1 of 3 records with a province (or null) from both, regions in 1 of 2 records with a region (or null) from both",
        "  1. p2 (A a.jsonl:2, B b.jsonl:2)  province: A 吉林, B 广东; region: A central, B east; GovTag province 广东, region east",
      ])
    // --csv: the same difference as one row per part, with GovTag's place, kind location.
    let csv = try CommandRunner.run(
      ["audit", "--compare", "a.jsonl", "b.jsonl", "--csv", "d.csv", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(csv.status == 0)
    #expect(
      try Data(contentsOf: scratch.appendingPathComponent("d.csv"))
        == Data(
          ("\u{FEFF}id,source_a,source_b,dimension,category,a,b,govtag,kind\r\n"
            + "p2,a.jsonl:2,b.jsonl:2,location,province,吉林,广东,广东,location\r\n"
            + "p2,a.jsonl:2,b.jsonl:2,location,region,central,east,east,location\r\n").utf8))
  }

  @Test("No usable record: no report on standard output (no claim of agreement), status 1")
  func nothingUsable() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    Fixtures.write(
      #"{"id":"x1","text":"推进一网通办","manual":{"capability":["public_servce"]}}"# + "\n", to: "bad.jsonl", in: scratch)
    Fixtures.write("", to: "empty.jsonl", in: scratch)
    Fixtures.write(Self.places.joined(separator: "\n") + "\n", to: "b.jsonl", in: scratch)
    let audit = try CommandRunner.run(["audit", "bad.jsonl", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(audit.status == 1)
    #expect(audit.stdout == "")
    #expect(
      audit.stderr.split(separator: "\n").suffix(2) == [
        "govtag: read 1 record from 1 input: 0 audited, 1 failed", "govtag: no record could be audited, so no report was printed",
      ])
    let compare = try CommandRunner.run(
      ["audit", "--compare", "empty.jsonl", "b.jsonl", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(compare.status == 1)
    #expect(compare.stdout == "")
    #expect(
      compare.stderr == """
        govtag: error: empty.jsonl: the input is empty: no records; give records with labels, as JSON Lines (one record per line) or one JSON array
        govtag: A: read 0 records from 1 input: 0 usable, 0 failed; 1 input could not be read
        govtag: B: read 3 records from 1 input: 3 usable, 0 failed
        govtag: A (empty.jsonl) has no usable record, so nothing was compared and no report was printed

        """)
  }

  @Test("A category listed twice in one list is a warning naming it, and counted once")
  func repeatedLabel() throws {
    let scratch = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    Fixtures.write(
      #"{"id":"r1","text":"推进一网通办","manual":{"capability":["public_service","public_service"]}}"# + "\n", to: "m.jsonl",
      in: scratch)
    let result = try CommandRunner.run(["audit", "m.jsonl", "--lexicons", Fixtures.lexiconDirectory], in: scratch)
    #expect(result.status == 0)
    #expect(
      result.stderr == """
        govtag: warning: m.jsonl:1: record "r1": "manual" lists "capability.public_service" more than once; counted once; list each category once, or check whether another category was meant
        govtag: read 1 record from 1 input: 1 audited, 0 failed

        """)
  }

  @Test("lexicon suggest finds the planted phrase the lexicon lacks")
  func suggest() throws {
    let result = try CommandRunner.run(["lexicon", "suggest", "suggest.jsonl", "--top", "2"] + lexicons, in: directory)
    #expect(result.status == 0)
    #expect(result.stderr == "govtag: read 12 records from 1 input: 12 used, 0 failed\n")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let start = try #require(lines.firstIndex(of: "capability.public_service 公共服务: 6 records labelled, 6 others"))
    #expect(lines[start + 1] == "  rank  n-gram            z  in  out  example")
    #expect(lines[start + 2].hasPrefix("     1  智慧停车诱导  "))
    #expect(lines[start + 2].hasSuffix("   6    0  市民通过智慧停车诱导屏查看空余车位，一网通办平台同步发布信息。"))
    let json = try CommandRunner.run(["lexicon", "suggest", "suggest.jsonl", "--json"] + lexicons, in: directory)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let categories = try #require(object["categories"] as? [[String: Any]])
    let service = try #require(categories.first { $0["category"] as? String == "public_service" })
    let candidates = try #require(service["candidates"] as? [[String: Any]])
    #expect(candidates.first?["ngram"] as? String == "智慧停车诱导")
    #expect(candidates.first?["in"] as? Int == 6 && candidates.first?["out"] as? Int == 0)
  }
}

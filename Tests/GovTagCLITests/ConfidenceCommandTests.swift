import Foundation
import GovTagTestSupport
import Testing

/// `govtag calibrate`, and what calibrated lexicons change in `tag`, `explain`, `eval`, `audit`
/// and `lexicon check`. Uses the bundled Lexicons/ (with calibration.yaml) and Corpus/.
@Suite("Confidence, end to end")
struct ConfidenceCommandTests {
  let repository = Fixtures.repository

  @Test("calibrate on dev remakes the committed Lexicons/calibration.yaml byte for byte")
  func calibrateReproduces() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("calibration.yaml").path
    let result = try CommandRunner.run([
      "calibrate", "Corpus/dev.jsonl", "-o", output, "--lexicons", "Lexicons", "--folds-by-part",
    ])
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("govtag: read ") && result.stderr.hasSuffix(" failed → \(output)\n"))
    #expect(result.stdout.hasPrefix("capability: ") && result.stdout.contains(" records, held-out Brier "))
    // The header names the command run (its -o and --lexicons); `make calibrate` runs the one
    // the committed file names.
    let header = "# Made by `govtag calibrate Corpus/dev.jsonl -o \(output) --folds-by-part --lexicons Lexicons`,"
    let made = try String(contentsOf: URL(fileURLWithPath: output), encoding: .utf8)
    #expect(made.split(separator: "\n")[3] == header)
    let committed = try String(contentsOf: repository.appendingPathComponent("Lexicons/calibration.yaml"), encoding: .utf8)
    #expect(
      made.replacingOccurrences(
        of: header,
        with: "# Made by `govtag calibrate Corpus/dev.jsonl -o Lexicons/calibration.yaml --folds-by-part` (`make calibrate`),")
        == committed, "Lexicons/calibration.yaml is not what `make calibrate` makes now: run it again")
  }

  @Test("records carry confidences in a fixed order, the same bytes for every --jobs; lexicons without calibration add none")
  func tagOutput() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let one = directory.appendingPathComponent("one.jsonl").path
    let two = directory.appendingPathComponent("two.jsonl").path
    #expect(try CommandRunner.run(["tag", "Corpus/dev.jsonl", "-o", one, "--jobs", "1", "-q"]).status == 0)
    #expect(try CommandRunner.run(["tag", "Corpus/dev.jsonl", "-o", two, "--jobs", "2", "-q"]).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: one))
    #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: two))))
    let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[0]
    let scores = try #require(first.range(of: #","scores":"#))
    let confidence = try #require(first.range(of: #","confidence":{"capability":{"#))
    let location = try #require(first.range(of: #","location":"#))
    #expect(scores.lowerBound < confidence.lowerBound && confidence.upperBound < location.lowerBound)
    let record = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
    let values = try #require(record["confidence"] as? [String: [String: Double]])
    #expect(values.keys.sorted() == ["capability", "data_element", "innovation", "technology", "traits"])
    #expect(values.values.allSatisfy { $0.values.allSatisfy { (0...1).contains($0) } })

    let plain = try CommandRunner.run(
      ["tag", "-", "--lexicons", Fixtures.lexiconDirectory], stdin: #"{"id":"a","text":"推进一网通办"}"# + "\n")
    #expect(plain.status == 0 && !plain.stdout.isEmpty && !plain.stdout.contains(#""confidence""#))
  }

  @Test("a stale calibration: tag warns once, lexicon check says so")
  func stale() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.lexiconDirectory) {
      try FileManager.default.copyItem(
        atPath: Fixtures.lexiconDirectory + "/" + name, toPath: directory.appendingPathComponent(name).path)
    }
    let committed = try String(contentsOf: repository.appendingPathComponent("Lexicons/calibration.yaml"), encoding: .utf8)
    let version = try #require(committed.split(separator: "\n").first { $0.hasPrefix("lexicon_version: ") })
    Fixtures.write(committed, to: "calibration.yaml", in: directory)
    let input = (1...40).map { #"{"id":"r\#($0)","text":"推进一网通办和数据共享"}"# }.joined(separator: "\n") + "\n"
    let tag = try CommandRunner.run(["tag", "-", "--lexicons", directory.path, "--jobs", "2"], stdin: input)
    #expect(tag.status == 0)
    // The bundled calibration was fitted with three dimensions the test lexicons lack, and with
    // categories their two files leave out: each is warned of on loading, then the stale
    // calibration once.
    let warnings = tag.stderr.split(separator: "\n").filter { $0.hasPrefix("govtag: warning: ") }
      .filter { !$0.contains(": no lexicon file defines dimension ") && !$0.contains(" no entry in ") }
    #expect(warnings.count == 1)
    let old = version.dropFirst("lexicon_version: ".count).replacingOccurrences(of: "\"", with: "")
    #expect(warnings.first?.contains("was fitted against lexicon version \(old), but the lexicons are now ") == true)
    #expect(
      warnings.first?.hasSuffix(
        "the confidences and the review flags come from curves fitted to other lexicons until it is remade with `govtag calibrate Corpus/dev.jsonl -o \(directory.path)/calibration.yaml --folds-by-part --lexicons \(directory.path)`"
      ) == true)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", directory.path])
    #expect(check.status == 0)
    #expect(check.stdout.contains("\(directory.path)/calibration.yaml: STALE: "))
    let fresh = try CommandRunner.run(["lexicon", "check"])
    #expect(fresh.stdout.contains("Lexicons/calibration.yaml: 28 confidence curves, fitted on "))
    #expect(fresh.stdout.contains(" gold records against these lexicons ("))
  }

  @Test("explain shows confidences, every rule that kept a category out, and the review reason")
  func explain() throws {
    let text = try #require(
      String(contentsOf: repository.appendingPathComponent("Corpus/dev.jsonl"), encoding: .utf8).split(separator: "\n")
        .first { $0.contains(#""id": "gt1-005""#) })
    let record = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let result = try CommandRunner.run(
      ["explain", "-", "--title", try #require(record["title"] as? String)], stdin: try #require(record["text"] as? String))
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.contains("Scores (score / threshold, confidence that the category applies)"))
    #expect(
      lines.contains {
        $0.hasPrefix("    capability.public_service                3      / 3   0.")
          && $0.hasSuffix("  kept out: relative rule: below 5.5, 50% of the top capability score 11")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("  ✓ traits.platform                          1      / 2   0.")
          && $0.hasSuffix("  assigned: confidence ≥ 0.5 (labels by confidence), though below its threshold")
      })
    #expect(!result.stdout.contains("just reaches"))
    // A label the curves are unsure of is a review reason (gt1-005 had one before the 344-case fit;
    // this text has two).
    let unsure = try CommandRunner.run(["explain", "杭州市推进政务服务一网通办，建设城市大脑平台，统筹社会治理和市场监管数据共享。"])
    #expect(
      unsure.stdout.split(separator: "\n").contains { $0.hasPrefix("  - ") && $0.hasSuffix("[uncertain_confidence]") })
    // A category below its threshold says so.
    let short = try CommandRunner.run(["explain", "市里推进公积金提取线上办理"])
    #expect(
      short.stdout.split(separator: "\n").contains {
        $0.hasPrefix("    capability.public_service                2      / 3   0.")
          && $0.hasSuffix("  kept out: below its threshold 3")
      })
  }

  @Test("eval reports Brier, ECE, the reliability table and the review trade-off; --review-band moves it")
  func eval() throws {
    let result = try CommandRunner.run(["eval", "Corpus/test.jsonl"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let header = try #require(lines.firstIndex { $0.hasPrefix("calibration: confidence against gold") })
    #expect(lines[header + 1] == "  dimension     predictions  brier  baseline brier    ece  baseline ece")
    #expect(lines[header + 2].hasPrefix("  capability           2492  "))  // 356 records × 7 categories
    #expect(lines.contains { $0.hasPrefix("  0.9–1.0  ") })
    // Figures that move when the curves are refitted (make calibrate) are read, not pinned.
    func flagged(_ output: String) throws -> Int {
      let review = try #require(output.split(separator: "\n").first { $0.hasPrefix("review: ") })
      #expect(review.contains(" of 356 records flagged (") && review.contains("; capability labels exactly right on "))
      return try #require(Int(review.dropFirst("review: ".count).prefix { $0.isNumber }))
    }
    let standard = try flagged(result.stdout)
    let wide = try CommandRunner.run(["eval", "Corpus/test.jsonl", "--review-band", "0.1,0.9"])
    #expect(try flagged(wide.stdout) > standard)
    let bad = try CommandRunner.run(["eval", "Corpus/test.jsonl", "--review-band", "0.8,0.2"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--review-band takes LOW,HIGH with 0 ≤ LOW ≤ HIGH ≤ 1 (e.g. 0.2,0.8); found \"0.8,0.2\""))
  }

  @Test("audit prints each suspect's probability that the manual label is wrong, likeliest first")
  func audit() throws {
    let result = try CommandRunner.run(["audit", "Tests/Fixtures/audit/planted-test.jsonl", "--top", "3"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains {
        $0.hasPrefix("Suspects: ")
          && $0.hasSuffix(
            "likeliest wrong manual label first (P(wrong): how likely the manual label is wrong, from GovTag's confidence and the record's other manual labels)"
          )
      })
    let first = try #require(lines.first { $0.hasPrefix("  1. ") })
    // Which suspect comes first moves when the curves are refitted (make calibrate): read, not pinned.
    let figure = try #require(first.components(separatedBy: ", P(wrong) ").last.flatMap { Double($0) })
    #expect(first.contains(": manual ") && first.contains(", suspicion ") && (0.5...1).contains(figure))
    // The JSON has GovTag's own confidence beside the probability that the manual label is wrong.
    let json = try CommandRunner.run(["audit", "Tests/Fixtures/audit/planted-test.jsonl", "--json"])
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let suspects = try #require(report["suspects"] as? [[String: Any]])
    #expect(suspects.allSatisfy { $0["confidence"] is Double && $0["p_wrong"] is Double })
  }
}

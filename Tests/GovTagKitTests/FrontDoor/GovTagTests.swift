import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("The front door: GovTag for programs")
struct GovTagTests {
  /// One GovTag over the repository's lexicons, loaded once for the suite.
  static let govtag: GovTag = {
    do {
      return try GovTag(lexicons: Fixtures.repository.appendingPathComponent("Lexicons").path)
    } catch {
      fatalError("the bundled lexicons must load: \(error)")
    }
  }()

  /// The first `count` records of `Corpus/dev.jsonl`, with their title.
  static func corpusRecords(_ count: Int) throws -> [Document] {
    let url = Fixtures.repository.appendingPathComponent("Corpus/dev.jsonl")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(count)
    return try lines.map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let id = try #require(object["id"] as? String)
      let text = try #require(object["text"] as? String)
      return Document(id: id, title: object["title"] as? String, text: text)
    }
  }

  /// `document`'s labelled record as `govtag tag` writes it (through the batch writer), parsed.
  static func labelledRecord(
    _ document: Document, layout: LabelledRecordWriter.EvidenceLayout = .full
  ) throws -> [String: Any] {
    let model = govtag.model
    let classification = try Tagger(model: model).classify(title: document.title, text: document.text)
    var fields: [String: JSONValue] = ["id": .string(document.id), "text": .string(document.text)]
    if let title = document.title { fields["title"] = .string(title) }
    let writer = LabelledRecordWriter(
      lexiconVersion: model.rulesVersion, dimensions: model.lexicons.dimensions.map(\.id), evidenceLayout: layout)
    var json = JSONWriter()
    writer.write(Document(id: document.id, title: document.title, text: document.text, fields: fields), classification, to: &json)
    return try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
  }

  @Test("tag answers what govtag tag writes: labels, scores, confidences and evidence of 12 corpus records")
  func agreesWithTheLabelledRecord() throws {
    for document in try Self.corpusRecords(12) {
      let answer = try Self.govtag.tag(document)
      let written = try Self.labelledRecord(document)
      #expect(answer.id == document.id)
      let labels = try #require(written["labels"] as? [String: [String]])
      #expect(Dictionary(uniqueKeysWithValues: answer.labels.map { ($0.key.rawValue, $0.value.map(\.rawValue)) }) == labels)
      let scores = try #require(written["scores"] as? [String: [String: Double]])
      var answered: [String: [String: Double]] = [:]
      for score in answer.scores where score.score > 0 {
        answered[score.dimension.rawValue, default: [:]][score.category.rawValue] = score.score
      }
      #expect(answered.filter { !$0.value.isEmpty } == scores.filter { !$0.value.isEmpty })
      let confidence = try #require(written["confidence"] as? [String: [String: Double]])
      var answeredConfidence: [String: [String: Double]] = [:]
      for score in answer.scores {
        if let value = score.confidence {
          answeredConfidence[score.dimension.rawValue, default: [:]][score.category.rawValue] = value
        }
      }
      #expect(answeredConfidence.filter { !$0.value.isEmpty } == confidence.filter { !$0.value.isEmpty })
      let evidence = try #require(written["evidence"] as? [[String: Any]])
      #expect(answer.evidence.count == evidence.count)
      for (hit, entry) in zip(answer.evidence, evidence) {
        #expect(hit.term == entry["term"] as? String)
        #expect(hit.match == entry["match"] as? String)
        #expect(hit.start == entry["start"] as? Int)
        #expect(hit.end == entry["end"] as? Int)
        #expect(hit.field.rawValue == entry["field"] as? String)
        #expect(hit.status == entry["status"] as? String)
        #expect(hit.lexicon == entry["lexicon"] as? String)
      }
      // The compact layout holds the same hits, grouped.
      let compact = try #require(
        try Self.labelledRecord(document, layout: .compact)["evidence"] as? [String: [String: [String: [[Any]]]]])
      var grouped: [String] = []
      for (dimension, categories) in compact {
        for (category, terms) in categories {
          for (term, hits) in terms {
            for hit in hits {
              let status = hit.count > 4 ? hit[4] as? String ?? "?" : "counted"
              grouped.append("\(dimension).\(category) \(term) \(hit[0]) \(hit[1])-\(hit[2]) \(status)")
            }
          }
        }
      }
      let answeredHits = answer.evidence.map {
        "\($0.dimension.rawValue).\($0.category.rawValue) \($0.term) \($0.field.rawValue) \($0.start)-\($0.end) \($0.status)"
      }
      #expect(grouped.sorted() == answeredHits.sorted())
    }
  }

  @Test("a record's title is read and its hits say so")
  func keepsTheTitle() throws {
    let answer = try Self.govtag.tag(title: "推行“一网通办”", text: "本市开展改革。", id: "t1")
    let hit = try #require(answer.evidence.first { $0.term == "一网通办" })
    #expect(hit.field == .title)
    #expect(hit.match == "一网通办")
    #expect(hit.start == 3 && hit.end == 7)
    #expect(answer.labels("capability").contains("public_service"))
  }

  @Test("answers encode with plain string ids as keys and values")
  func encodesTypedIdsAsStrings() throws {
    let answer = try Self.govtag.tag(text: "推进政务服务“一网通办”，实现数据共享。", id: "e1")
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = try #require(String(data: try encoder.encode(answer), encoding: .utf8))
    let labels = try #require(answer.labels["capability"])
    let expected = "\"capability\":[" + labels.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    #expect(json.contains(expected))
    #expect(json.hasPrefix("{\"evidence\":[{\"category\":\""))
    #expect(json.contains("\"id\":\"e1\""))
  }

  @Test("explain lists every hit, near misses included, and the report govtag explain prints")
  func explainsEveryHit() throws {
    let text = "节能技改，每年减少二氧化碳排放约58万吨。推行一网通办。"
    let explanation = try Self.govtag.explain(text: text)
    let tagger = try Tagger(model: Self.govtag.model)
    let classification = try tagger.classify(title: nil, text: text)
    #expect(explanation.record.evidence.map(\.term) == classification.evidence.map(\.term))
    #expect(explanation.record.evidence.contains { $0.status == "crosses_word_boundary" && $0.term == "碳排放" })
    #expect(try Self.govtag.tag(text: text).evidence.allSatisfy { $0.status != "crosses_word_boundary" })
    #expect(
      explanation.report
        == ExplainRenderer(model: Self.govtag.model).render(title: nil, text: text, classification: classification))
  }

  @Test("one GovTag shared by concurrent tasks answers as it does alone, in order for a sequence")
  func isSharedAcrossTasks() async throws {
    let records = try Self.corpusRecords(8)
    let alone = try Self.govtag.tag(records)
    let govtag = Self.govtag
    let together = try await withThrowingTaskGroup(of: (Int, TaggedRecord).self) { group in
      for (index, record) in records.enumerated() { group.addTask { (index, try govtag.tag(record)) } }
      var answers: [TaggedRecord?] = Array(repeating: nil, count: records.count)
      for try await (index, answer) in group { answers[index] = answer }
      return answers.compactMap { $0 }
    }
    #expect(together == alone)
    #expect(alone.map(\.id) == records.map(\.id))
    #expect(try Self.govtag.explain(records).map(\.record.labels) == alone.map(\.labels))
  }

  @Test("a directory without lexicons is an error that names it, and no command-line flag")
  func missingDirectory() throws {
    let directory = Fixtures.temporaryDirectory().appendingPathComponent("absent").path
    do {
      _ = try GovTag(lexicons: directory)
      Issue.record("loading \(directory) should fail")
    } catch let error as GovTagError {
      #expect(error.context == "lexicons from \(directory)")
      #expect(error.hint == "pass the folder that holds the lexicon .yaml files")
      #expect(!"\(error)".contains("--lexicons"))
      #expect("\(error)".hasPrefix("lexicons from \(directory): \(directory): "))
    }
  }

  @Test("a calibration fitted against other lexicons reaches warn:, and the summary says it is stale")
  func staleCalibrationWarns() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bundled = Fixtures.repository.appendingPathComponent("Lexicons")
    for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
      try FileManager.default.copyItem(at: bundled.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    var fresh: [String] = []
    let current = try GovTag(lexicons: directory.path) { fresh.append($0.description) }
    #expect(fresh.isEmpty)
    #expect(!current.summary.calibrationStale)
    #expect(current.summary.calibrationWarning == nil)

    let capability = directory.appendingPathComponent("capability.yaml")
    let text = try String(contentsOf: capability, encoding: .utf8)
    try text.replacingOccurrences(of: "      营商环境: 3\n", with: "      营商环境: 3\n      热加载词条: 3\n").write(
      to: capability, atomically: true, encoding: .utf8)
    var warnings: [GovTagError] = []
    let stale = try GovTag(lexicons: directory.path) { warnings.append($0) }
    let calibration = try #require(stale.model.calibration)
    let sentence =
      "\(directory.path)/calibration.yaml was fitted against lexicon version \(calibration.lexiconVersion), but the lexicons are now \(stale.model.lexiconRulesVersion) (both versions leave calibration.yaml out; with it, the lexicons are version \(stale.model.rulesVersion)): the confidences, the labels of the categories labelled by confidence (data_element.data_market, traits.platform) and the review flags come from curves fitted to other lexicons until it is remade with the command on the `Made by` line at the top of the file"
    #expect(warnings.map(\.description) == [sentence])
    #expect(warnings.first?.code == .lexicon)
    #expect(stale.summary.calibrationStale)
    #expect(stale.summary.calibrationWarning == sentence)
  }
}

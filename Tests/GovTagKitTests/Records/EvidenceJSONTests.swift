import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Evidence in labelled records")
struct EvidenceJSONTests {
  /// Writes `classification` as `document`'s labelled record and returns its `evidence` entries.
  static func writtenEvidence(_ document: Document, _ classification: Classification) throws -> [[String: Any]] {
    let writer = LabelledRecordWriter(
      lexiconVersion: Fixtures.model.rulesVersion, dimensions: Fixtures.model.lexicons.dimensions.map(\.id))
    var json = JSONWriter()
    writer.write(document, classification, to: &json)
    let record = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    return try #require(record["evidence"] as? [[String: Any]])
  }

  /// Labels one record and returns its `evidence` entries as parsed JSON.
  func evidence(title: String?, text: String) throws -> [[String: Any]] {
    let tagger = try Tagger(model: Fixtures.model)
    var fields: [String: JSONValue] = ["id": .string("r1"), "text": .string(text)]
    if let title { fields["title"] = .string(title) }
    let document = Document(id: "r1", title: title, text: text, fields: fields)
    let classification = try tagger.classify(title: title, text: text)
    let entries = try Self.writtenEvidence(document, classification)
    // Every entry agrees with the in-memory evidence it was written from.
    let shown = classification.evidence.filter(\.status.isReportedByDefault)
    #expect(entries.count == shown.count)
    for (entry, hit) in zip(entries, shown) {
      #expect(entry["match"] as? String == hit.match)
      #expect(entry["context"] as? String == hit.context)
      #expect(entry["term"] as? String == hit.term)
      #expect(entry["lexicon"] as? String == hit.source.description)
      #expect(entry["start"] as? Int == hit.start)
      #expect(entry["end"] as? Int == hit.end)
    }
    return entries
  }

  @Test("contexts with quotes, backslashes, tabs and line breaks are valid JSON, on one line")
  func escapedContexts() throws {
    let entries = try evidence(title: nil, text: "他说\"推进\\\t一网通办\n\r\"，好")
    let hit = try #require(entries.first { $0["term"] as? String == "一网通办" })
    #expect(hit["field"] as? String == "text")
    #expect(hit["match"] as? String == "一网通办")
    #expect(hit["context"] as? String == "他说\"推进\\ 【一网通办】  \"，好")
  }

  @Test("hits in the title say so and are cut from the title")
  func titleHits() throws {
    let entries = try evidence(title: "实现一网通办", text: "推进人工智能")
    #expect(entries.map { $0["field"] as? String } == ["title", "text"])
    #expect(entries.map { $0["context"] as? String } == ["实现【一网通办】", "推进【人工智能】"])
  }
}

@Suite("Evidence of another text")
struct ForeignEvidenceTests {
  @Test("a classification of another text is written from that text, not the document's")
  func foreignClassification() throws {
    let tagger = try Tagger(model: Fixtures.model)
    let document = Document(id: "r1", text: "短", fields: ["id": .string("r1"), "text": .string("短")])
    let classification = try tagger.classify(title: nil, text: "他们推进一网通办改革")
    let entries = try EvidenceJSONTests.writtenEvidence(document, classification)
    #expect(entries.first { $0["term"] as? String == "一网通办" }?["match"] as? String == "一网通办")
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Evidence in labelled records")
struct EvidenceJSONTests {
  /// Writes `classification` as `document`'s labelled record in the full layout (one object
  /// per hit, with `match` and `context`) and returns its `evidence` entries.
  static func writtenEvidence(_ document: Document, _ classification: Classification) throws -> [[String: Any]] {
    let writer = LabelledRecordWriter(
      lexiconVersion: Fixtures.model.rulesVersion, dimensions: Fixtures.model.lexicons.dimensions.map(\.id),
      evidenceLayout: .full)
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

  @Test("the compact layout groups hits by dimension, category and term; a hit that did not count says why")
  func compactLayout() throws {
    let title = "实现一网通办"
    let text = "推进一网通办和人工智能，尚未实现人工智能。一网通办"
    let document = Document(
      id: "r1", title: title, text: text, fields: ["id": .string("r1"), "title": .string(title), "text": .string(text)])
    func evidence(_ detail: LabelledRecordWriter.EvidenceDetail) throws -> String {
      let classification = try Tagger(model: Fixtures.model).classify(title: title, text: text, nearMisses: detail == .all)
      let writer = LabelledRecordWriter(
        lexiconVersion: Fixtures.model.rulesVersion, dimensions: Fixtures.model.lexicons.dimensions.map(\.id),
        evidenceDetail: detail)
      var json = JSONWriter()
      writer.write(document, classification, to: &json)
      let record = String(decoding: json.bytes, as: UTF8.self)
      // The record's evidence is the last "evidence" key (the location has one too).
      let start = try #require(record.range(of: #","evidence":"#, options: .backwards)?.upperBound)
      let end = try #require(record.range(of: #","text_hash":"#)?.lowerBound)
      return String(record[start..<end])
    }
    #expect(
      try evidence(.standard)
        == #"{"capability":{"public_service":{"一网通办":[["title",2,6,6],["text",2,6,2],["text",21,25,1]]}},"technology":{"ai":{"人工智能":[["text",7,11,3],["text",16,20,0,"negated","negated by \"尚未\" in its clause"]]}}}"#
    )
    // Near misses join their term's list; a category's terms follow the lexicon's order.
    #expect(
      try evidence(.all)
        == #"{"capability":{"public_service":{"一网通办":[["title",2,6,6],["text",2,6,2],["text",21,25,1]],"通办":[["title",4,6,0,"inside_longer_term","inside the longer term \"一网通办\" of the same category"],["text",4,6,0,"inside_longer_term","inside the longer term \"一网通办\" of the same category"],["text",23,25,0,"inside_longer_term","inside the longer term \"一网通办\" of the same category"]]}},"technology":{"ai":{"人工智能":[["text",7,11,3],["text",16,20,0,"negated","negated by \"尚未\" in its clause"]]}}}"#
    )
    #expect(try evidence(.none).hasPrefix("[]},\"review\":"))  // only the location's evidence is left
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

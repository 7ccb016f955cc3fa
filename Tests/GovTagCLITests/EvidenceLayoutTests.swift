import Foundation
import GovTagTestSupport
import Testing

@Suite("Evidence layouts on the bundled corpus")
struct EvidenceLayoutTests {
  /// One hit as both layouts can state it: dimension, category, term, field, offsets, what it
  /// added and its status.
  struct Hit: Hashable {
    var dimension, category, term, field: String
    var start, end: Int
    var contribution: Double
    var status: String
  }

  static func hits(fromFull record: [String: Any]) throws -> [Hit] {
    try #require(record["evidence"] as? [[String: Any]]).map {
      Hit(
        dimension: try #require($0["dimension"] as? String), category: try #require($0["category"] as? String),
        term: try #require($0["term"] as? String), field: try #require($0["field"] as? String),
        start: try #require($0["start"] as? Int), end: try #require($0["end"] as? Int),
        contribution: try #require($0["contribution"] as? Double), status: try #require($0["status"] as? String))
    }
  }

  static func hits(fromCompact record: [String: Any]) throws -> [Hit] {
    var hits: [Hit] = []
    for (dimension, categories) in try #require(record["evidence"] as? [String: [String: [String: [[Any]]]]]) {
      for (category, terms) in categories {
        for (term, list) in terms {
          for hit in list {
            hits.append(
              Hit(
                dimension: dimension, category: category, term: term, field: try #require(hit[0] as? String),
                start: try #require(hit[1] as? Int), end: try #require(hit[2] as? Int),
                contribution: try #require(hit[3] as? Double), status: hit.count > 4 ? try #require(hit[4] as? String) : "counted"
              ))
          }
        }
      }
    }
    return hits
  }

  @Test("the default output is at most 4 times its input and holds every hit the full layout lists")
  func compactHoldsEveryHit() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let compact = directory.appendingPathComponent("compact.jsonl").path
    let full = directory.appendingPathComponent("full.jsonl").path
    let inputs = ["Corpus/dev.jsonl", "Corpus/test.jsonl"]
    #expect(try CommandRunner.run(["tag"] + inputs + ["-o", compact, "-q"]).status == 0)
    #expect(try CommandRunner.run(["tag"] + inputs + ["-o", full, "-q", "--evidence-layout", "full"]).status == 0)

    let repository = Fixtures.repository
    let inputBytes = try inputs.reduce(0) { $0 + (try Data(contentsOf: repository.appendingPathComponent($1))).count }
    let compactBytes = try Data(contentsOf: URL(fileURLWithPath: compact))
    let fullBytes = try Data(contentsOf: URL(fileURLWithPath: full))
    #expect(Double(compactBytes.count) <= 4 * Double(inputBytes), "\(compactBytes.count) bytes for \(inputBytes) of input")
    #expect(Double(fullBytes.count) >= 2.5 * Double(compactBytes.count))

    let compactLines = String(decoding: compactBytes, as: UTF8.self).split(separator: "\n")
    let fullLines = String(decoding: fullBytes, as: UTF8.self).split(separator: "\n")
    #expect(compactLines.count == 880 && fullLines.count == 880)
    var total = 0
    for (compactLine, fullLine) in zip(compactLines, fullLines) {
      var compactRecord = try #require(try JSONSerialization.jsonObject(with: Data(compactLine.utf8)) as? [String: Any])
      var fullRecord = try #require(try JSONSerialization.jsonObject(with: Data(fullLine.utf8)) as? [String: Any])
      let fromCompact = try Self.hits(fromCompact: compactRecord)
      let fromFull = try Self.hits(fromFull: fullRecord)
      #expect(Set(fromCompact) == Set(fromFull) && fromCompact.count == fromFull.count, "\(compactRecord["id"] ?? "?")")
      total += fromCompact.count
      // Everything but the evidence is the same.
      compactRecord["evidence"] = nil
      fullRecord["evidence"] = nil
      #expect(NSDictionary(dictionary: compactRecord) == NSDictionary(dictionary: fullRecord))
    }
    #expect(total > 10_000)
  }
}

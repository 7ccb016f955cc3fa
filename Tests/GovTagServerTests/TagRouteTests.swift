import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Testing

@Suite("POST /v1/tag and /v1/explain answer what govtag tag and explain write")
struct TagRouteTests {
  @Test(
    "the bundled corpus, sent as one array, comes back as the bytes govtag tag writes",
    arguments: [
      ("dev.jsonl", "standard", "compact"), ("test.jsonl", "standard", "compact"), ("test.jsonl", "all", "compact"),
      ("test.jsonl", "standard", "full"),
    ])
  func corpusMatchesCommandLine(file: String, evidence: String, layout: String) async throws {
    let output = Fixtures.temporaryDirectory().appendingPathComponent("cli.jsonl").path
    let lexicons = Fixtures.repository.appendingPathComponent("Lexicons").path
    let run = try CommandRunner.run([
      "tag", "Corpus/\(file)", "-o", output, "--evidence", evidence, "--evidence-layout", layout, "--lexicons", lexicons,
      "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let expected = try Array(Data(contentsOf: URL(fileURLWithPath: output)))

    let server = try TestServer()
    let (array, count) = try corpusArray(file)
    let answer = try await server.test { client in
      try await client.send(
        .post, "/v1/tag?evidence=\(evidence)&evidence_layout=\(layout)", accept: "application/x-ndjson", body: array)
    }
    #expect(answer.status == .ok)
    #expect(answer.headers[.contentType] == "application/x-ndjson")
    #expect(answer.headers[lexiconVersionHeader] == server.store.snapshot.govtag.lexiconVersion)
    #expect(answer.body.count(where: { $0 == UInt8(ascii: "\n") }) == count)
    // Compared line by line, so that a difference names its record instead of dumping bytes.
    let served = answer.body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let written = expected.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    #expect(served.count == written.count)
    for (line, (a, b)) in zip(served, written).enumerated() where a != b {
      Issue.record(
        "line \(line + 1) differs:\nserver: \(String(decoding: a.prefix(300), as: UTF8.self))\ncli:    \(String(decoding: b.prefix(300), as: UTF8.self))"
      )
      break
    }
  }

  @Test("one record answers one object, an array answers an array in order, with the lexicon version")
  func oneAndMany() async throws {
    let server = try TestServer()
    let version = server.store.snapshot.govtag.lexiconVersion
    let one = #"{"id":"a","title":"“一网通办”改革","text":"推进政务服务“一网通办”，企业开办一日办结。","portal":{"batch":7}}"#
    let (single, many) = try await server.test { client in
      (
        try await client.send(.post, "/v1/tag", json: one),
        try await client.send(.post, "/v1/tag", json: "[\(one), {\"id\": 2, \"text\": \"建设城市大脑\"}]")
      )
    }
    #expect(single.status == .ok)
    #expect(single.headers[.contentType] == "application/json")
    let record = try single.object()
    #expect(record["id"] as? String == "a")
    #expect((record["portal"] as? [String: Any])?["batch"] as? Int == 7)
    #expect((record["labels"] as? [String: [String]])?["capability"] == ["public_service"])
    #expect(record["lexicon_version"] as? String == version)
    #expect(single.headers[lexiconVersionHeader] == version)

    let records = try #require(try JSONSerialization.jsonObject(with: Data(many.body)) as? [[String: Any]])
    #expect(records.map { "\($0["id"] ?? "")" } == ["a", "2"])
    #expect(records[1]["id"] as? Int == 2)
  }

  @Test("POST /v1/explain answers the record with every hit and the explain report")
  func explain() async throws {
    let server = try TestServer()
    let answer = try await server.test { client in
      try await client.send(.post, "/v1/explain", json: #"{"id":"x","text":"推进政务服务“一网通办”，企业开办一日办结。"}"#)
    }
    #expect(answer.status == .ok)
    let object = try answer.object()
    let report = try #require(object["report"] as? String)
    #expect(report.contains("public_service"))
    let record = try #require(object["record"] as? [String: Any])
    #expect(record["id"] as? String == "x")
    let hits = try #require(record["evidence"] as? [[String: Any]])
    #expect(hits.contains { $0["term"] as? String == "一网通办" })
  }

  @Test("GET /v1/lexicon lists the versions, dimensions and categories in use")
  func lexicon() async throws {
    let server = try TestServer()
    let answer = try await server.test { client in try await client.send(.get, "/v1/lexicon", contentType: nil) }
    #expect(answer.status == .ok)
    let object = try answer.object()
    #expect(object["lexicon_version"] as? String == server.store.snapshot.govtag.lexiconVersion)
    #expect(object["generation"] as? Int == 1)
    #expect(object["calibrated"] as? Bool == true)
    let dimensions = try #require(object["dimensions"] as? [[String: Any]])
    #expect(
      dimensions.map { $0["id"] as? String ?? "" } == ["capability", "data_element", "traits", "innovation", "technology"])
    let capability = try #require(dimensions.first?["categories"] as? [[String: Any]])
    #expect(capability.first?["id"] as? String == "economic_regulation")
  }

  @Test("records carrying fields GovTag writes are labelled with a GovTag-Warning header naming them and the count")
  func replacedFieldsWarn() async throws {
    let server = try TestServer()
    let gold = #"{"id":"a","text":"推进政务服务","labels":{"capability":["gold"]},"review":"mine","error":"x","confidence":1}"#
    let (warned, plain) = try await server.test { client in
      (
        try await client.send(
          .post, "/v1/tag", json: "[\(gold), {\"id\":\"b\",\"text\":\"建设城市大脑\",\"labels\":[]}, {\"id\":\"c\",\"text\":\"x\"}]"),
        try await client.send(.post, "/v1/tag", json: #"{"id":"c","text":"建设城市大脑","portal":1}"#)
      )
    }
    #expect(warned.status == .ok)
    #expect(
      warned.headers[HTTPField.Name("GovTag-Warning")!]
        == #"2 records carry "confidence", "error", "labels", "review", named like fields GovTag writes: "#
        + "the answer has GovTag's values in their place; rename the input fields to keep them")
    #expect(plain.status == .ok)
    #expect(plain.headers[HTTPField.Name("GovTag-Warning")!] == nil)
  }

  @Test("an answer over --max-answer is refused with 413 answer_too_large naming both sizes and the option")
  func answerTooLarge() async throws {
    let record = #"{"id":"a","text":"推进政务服务“一网通办”，企业开办一日办结。"}"#
    let full = try await TestServer().test { client in try await client.send(.post, "/v1/tag", json: record) }
    #expect(full.status == .ok)
    let size = full.body.count  // the labelled record and its newline
    let server = try TestServer { $0.maxAnswerBytes = size - 1 }
    let (refused, array, fits) = try await server.test { client in
      (
        try await client.send(.post, "/v1/tag", json: record),
        try await client.send(.post, "/v1/tag?evidence=all", json: "[\(record), \(record)]"),
        try await client.send(.post, "/v1/tag?evidence=none", json: record)
      )
    }
    #expect(refused.status == .contentTooLarge)
    let error = try refused.error()
    #expect(error.code == "answer_too_large")
    #expect(error.message == "the answer is larger than \(size - 1) bytes: the labelled record takes \(size)")
    #expect(
      error.hint
        == "send fewer or shorter records per request, ask for ?evidence=none, or start the server with a larger --max-answer")
    #expect(array.status == .contentTooLarge)
    #expect(
      try array.error().message.hasPrefix(
        "the answer is larger than \(size - 1) bytes: the first of the 2 labelled records takes "))
    #expect(try array.error().hint.hasPrefix("ask for less evidence (leave out evidence=all and evidence_layout=full)"))
    #expect(fits.status == .ok)
  }

  @Test("labelling stops at the first record that takes the answer over --max-answer, and says how many it took")
  func answerTooLargeStopsAtTheRecord() async throws {
    let record = #"{"id":"a","text":"推进政务服务“一网通办”，企业开办一日办结。"}"#
    let full = try await TestServer().test { client in try await client.send(.post, "/v1/tag", json: record) }
    let size = full.body.count  // the labelled record and its newline
    let three = "[\(record), \(record), \(record)]"
    let (second, first) = try await (
      TestServer { $0.maxAnswerBytes = size }.test { client in try await client.send(.post, "/v1/tag", json: three) },
      TestServer { $0.maxAnswerBytes = size - 1 }.test { client in try await client.send(.post, "/v1/tag", json: three) }
    )
    #expect(second.status == .contentTooLarge)
    #expect(
      try second.error().message
        == "the answer is larger than \(size) bytes: the first 2 of the 3 labelled records take \(2 * size)")
    #expect(
      try first.error().message
        == "the answer is larger than \(size - 1) bytes: the first of the 3 labelled records takes \(size)")
  }

  @Test("Accept picks JSON Lines only when it is accepted (q above 0) at least as much as JSON")
  func acceptQuality() async throws {
    let record = #"{"id":"a","text":"建设城市大脑"}"#
    let accepts = [
      "application/x-ndjson", "application/json, application/x-ndjson;q=0", "application/json;q=0.5, application/x-ndjson",
      "application/json, application/x-ndjson;q=0.2",
    ]
    let types = try await TestServer().test { client in
      var types: [String?] = []
      for accept in accepts {
        types.append(try await client.send(.post, "/v1/tag", accept: accept, body: Array(record.utf8)).headers[.contentType])
      }
      return types
    }
    #expect(types == ["application/x-ndjson", "application/json", "application/x-ndjson", "application/json"])
  }
}

import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Testing

@Suite("Bad requests get a JSON error that says what to do, and the server keeps going")
struct BadRequestTests {
  /// One bad request and the exact refusal it gets.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var method: HTTPRequest.Method = .post
    var path = "/v1/tag"
    var contentType: String? = "application/json"
    var headers: HTTPFields = [:]
    var body: [UInt8]
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var testDescription: String { name }
  }

  static let record = #"{"id":"a","text":"建设城市大脑"}"#

  static let cases: [Case] = [
    Case(
      name: "no content type", contentType: nil, body: Array(record.utf8), status: .unsupportedMediaType,
      code: "unsupported_media_type", message: "the request has no Content-Type"),
    Case(
      name: "form data", contentType: "application/x-www-form-urlencoded", body: Array("id=a".utf8),
      status: .unsupportedMediaType, code: "unsupported_media_type",
      message: "the content type is application/x-www-form-urlencoded, not application/json"),
    Case(
      name: "GBK declared", contentType: "application/json; charset=GBK", body: Array(record.utf8),
      status: .unsupportedMediaType, code: "unsupported_charset",
      message: "the body is declared as gbk, and GovTag reads UTF-8 only"),
    Case(
      name: "a gzip body", headers: [.contentEncoding: "gzip"], body: [0x1F, 0x8B, 0x08, 0x00], status: .unsupportedMediaType,
      code: "unsupported_content_encoding",
      message: "the body is sent with Content-Encoding: gzip, and content encodings are not supported"),
    Case(
      name: "invalid UTF-8", body: Array(#"{"id":"a","text":""#.utf8) + [0xB3, 0xC7] + Array(#""}"#.utf8),
      status: .badRequest, code: "invalid_utf8", message: "the body is not UTF-8: invalid UTF-8 at byte 19"),
    Case(
      name: "not JSON", body: Array(#"{"id":"a","text":"#.utf8), status: .badRequest, code: "invalid_json",
      message: "not valid JSON: unexpected end of file during JSON parse"),
    Case(name: "empty body", body: [], status: .badRequest, code: "empty_body", message: "the body is empty"),
    Case(
      name: "a number", body: Array("42".utf8), status: .badRequest, code: "not_records",
      message: "expected a record (a JSON object) or an array of records, found a number"),
    Case(
      name: "a repeated key", body: Array(#"{"id":"a","text":"x","text":"y"}"#.utf8), status: .badRequest,
      code: "invalid_json", message: "the key \"text\" appears twice in one object (again at byte 22)"),
    Case(
      name: "nesting beyond the limit", body: Array((#"{"id":"a","text":"x","deep":"# + String(repeating: "[", count: 100)).utf8),
      status: .badRequest, code: "invalid_json", message: "nested deeper than 64 levels at byte 92"),
    Case(
      name: "a record without text", body: Array(#"{"id":"a"}"#.utf8), status: .unprocessableContent,
      code: "invalid_records", message: "a record of the request cannot be labelled; nothing was labelled"),
    Case(
      name: "two bad records of three", body: Array("[\(record), {\"text\": \"x\"}, {\"id\": \"c\", \"text\": 5}]".utf8),
      status: .unprocessableContent, code: "invalid_records",
      message: "2 records of the request cannot be labelled; nothing was labelled"),
    Case(
      name: "too many records", body: Array("[\(record), \(record), \(record), \(record)]".utf8), status: .unprocessableContent,
      code: "too_many_records", message: "more than 3 records in one request; at most 3 are allowed"),
    Case(
      name: "a body over the limit", body: Array(("[" + Array(repeating: record, count: 40).joined(separator: ",") + "]").utf8),
      status: .contentTooLarge, code: "body_too_large", message: "the request body (1561 bytes) is larger than 1000 bytes"),
    Case(
      name: "an unknown evidence level", path: "/v1/tag?evidence=most", body: Array(record.utf8), status: .badRequest,
      code: "invalid_parameter", message: "evidence=most is not one of standard, all, none"),
    Case(
      name: "an unknown evidence layout", path: "/v1/tag?evidence_layout=flat", body: Array(record.utf8), status: .badRequest,
      code: "invalid_parameter", message: "evidence_layout=flat is not one of compact, full"),
    Case(
      name: "a misspelt parameter", path: "/v1/tag?evidnce=none", body: Array(record.utf8), status: .badRequest,
      code: "invalid_parameter", message: "unknown query parameter evidnce: /v1/tag takes evidence, evidence_layout"),
    Case(
      name: "a repeated parameter", path: "/v1/tag?evidence=none&evidence=all", body: Array(record.utf8), status: .badRequest,
      code: "invalid_parameter", message: "the query parameter evidence is given more than once"),
    Case(
      name: "a parameter explain does not take", path: "/v1/explain?evidence=bogus", body: Array(record.utf8),
      status: .badRequest, code: "invalid_parameter",
      message: "unknown query parameter evidence: /v1/explain takes no query parameters"),
    Case(
      name: "a parameter on a GET route", method: .get, path: "/healthz?verbose=1", contentType: nil, body: [],
      status: .badRequest, code: "invalid_parameter",
      message: "unknown query parameter verbose: /healthz takes no query parameters"),
    Case(
      name: "an unknown route", path: "/v1/tags", body: Array(record.utf8), status: .notFound, code: "not_found",
      message: "no route POST /v1/tags"),
    Case(
      name: "a known route with another method", method: .put, path: "/v1/tag", body: Array(record.utf8),
      status: .methodNotAllowed, code: "method_not_allowed", message: "/v1/tag does not take PUT"),
    Case(
      name: "reload not enabled", path: "/v1/admin/reload", body: [], status: .notFound, code: "not_found",
      message: "no route POST /v1/admin/reload"),
  ]

  @Test("each bad request gets its status, code and message; a good request after it is labelled", arguments: cases)
  func refused(_ bad: Case) async throws {
    let server = try TestServer {
      $0.maxBodyBytes = 1000
      $0.maxRecordsPerRequest = 3
    }
    let (answer, good) = try await server.test { client in
      (
        try await client.send(bad.method, bad.path, contentType: bad.contentType, headers: bad.headers, body: bad.body),
        try await client.send(.post, "/v1/tag", json: Self.record)
      )
    }
    #expect(answer.status == bad.status)
    #expect(answer.headers[.contentType] == "application/json")
    let error = try answer.error()
    #expect(error.code == bad.code)
    #expect(error.message == bad.message)
    #expect(error.status == Int(bad.status.code))
    #expect(!error.hint.isEmpty)
    if bad.status == .methodNotAllowed { #expect(answer.headers[.allow] == "POST") }
    #expect(good.status == .ok)
  }

  @Test("invalid records are listed with their position, id, reason and hint")
  func recordsListed() async throws {
    let server = try TestServer()
    let answer = try await server.test { client in
      try await client.send(.post, "/v1/explain", json: #"[{"id":"a","text":"x"}, {"text":"x"}, {"id":"c","text":5}, 7]"#)
    }
    #expect(answer.status == .unprocessableContent)
    let error = try #require(try answer.object()["error"] as? [String: Any])
    let records = try #require(error["records"] as? [[String: Any]])
    #expect(records.map { $0["index"] as? Int } == [2, 3, 4])
    #expect(records.map { $0["id"] as? String } == [nil, "c", nil])
    #expect(
      records.map { $0["reason"] as? String } == [
        "the record has no \"id\" field", "\"text\" must be a string, found a number",
        "a record must be a JSON object, found a number",
      ])
    #expect(records[0]["hint"] as? String == "give every record a unique id")
  }

  @Test("refused requests are counted by code in /metrics")
  func counted() async throws {
    let server = try TestServer()
    let metrics = try await server.test { client in
      _ = try await client.send(.post, "/v1/tag", json: "{")
      _ = try await client.send(.post, "/v1/tag", json: "{")
      _ = try await client.send(.post, "/v1/tag", json: Self.record)
      return try await client.send(.get, "/metrics", contentType: nil)
    }
    #expect(metrics.status == .ok)
    #expect(metrics.text.contains("govtag_requests_refused_total{code=\"invalid_json\"} 2"))
    #expect(metrics.text.contains("govtag_records_labelled_total 1"))
  }

  @Test("a body of JSON Lines is refused with a hint to send a JSON array")
  func jsonLinesBody() async throws {
    let answer = try await TestServer().test { client in
      try await client.send(.post, "/v1/tag", json: "\(Self.record)\n\(Self.record)\n")
    }
    let error = try answer.error()
    #expect(answer.status == .badRequest)
    #expect(error.code == "invalid_json")
    #expect(error.message.hasPrefix("not valid JSON: "), "\(error.message)")
    #expect(error.hint == "send one record as a JSON object, or several as one JSON array (a body of JSON Lines is not read)")
  }
}

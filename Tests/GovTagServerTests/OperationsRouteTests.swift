import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Testing

@Suite("Health, metrics and the OpenAPI document")
struct OperationsRouteTests {
  @Test("GET /healthz answers ok with the lexicon version")
  func health() async throws {
    let server = try TestServer()
    let answer = try await server.test { client in try await client.send(.get, "/healthz", contentType: nil) }
    #expect(answer.status == .ok)
    #expect(
      answer.text
        == "{\"status\":\"ok\",\"lexicon_version\":\"\(server.store.snapshot.govtag.lexiconVersion)\",\"generation\":1}\n")
  }

  /// The document's `paths` → methods, as the server registers them (reload: with a token).
  static let routes: [String: Set<String>] = Dictionary(
    grouping: GovTagService.routes(adminEnabled: true), by: \.path
  ).mapValues { Set($0.map { $0.method.rawValue.lowercased() }) }

  @Test("GET /openapi.json is OpenAPI 3.1 and describes exactly the routes the server has")
  func openAPI() async throws {
    let server = try TestServer { $0.adminToken = "0123456789abcdef-token" }
    let (document, answers) = try await server.test { client in
      let document = try await client.send(.get, "/openapi.json", contentType: nil)
      // Every route answers something other than 404 with the methods the document lists.
      var answers: [String: HTTPResponse.Status] = [:]
      for (path, methods) in Self.routes {
        for method in methods {
          answers["\(method) \(path)"] = try await client.send(method == "get" ? .get : .post, path, json: "{}").status
        }
      }
      return (document, answers)
    }
    #expect(document.status == .ok)
    let object = try document.object()
    #expect(object["openapi"] as? String == "3.1.0")
    let paths = try #require(object["paths"] as? [String: [String: Any]])
    #expect(Dictionary(uniqueKeysWithValues: paths.map { ($0.key, Set($0.value.keys)) }) == Self.routes)
    #expect(answers.count == 7)
    #expect(answers.values.allSatisfy { $0 != .notFound && $0 != .methodNotAllowed }, "\(answers)")
    // Each documented status of /v1/tag is one the tests see (BadRequestTests; 503 in
    // AnswerBudgetTests) or 200.
    let tag = try #require((paths["/v1/tag"]?["post"] as? [String: Any])?["responses"] as? [String: Any])
    #expect(Set(tag.keys) == ["200", "400", "408", "413", "415", "422", "503"])
  }

  @Test("HEAD on a GET route answers as GET without the body; on a POST route it is 405")
  func head() async throws {
    let server = try TestServer()
    let (get, head, headTag, postHealth) = try await server.test { client in
      (
        try await client.send(.get, "/healthz", contentType: nil), try await client.send(.head, "/healthz", contentType: nil),
        try await client.send(.head, "/v1/tag", contentType: nil), try await client.send(.post, "/healthz", json: "{}")
      )
    }
    #expect(get.status == .ok)
    #expect(head.status == .ok)
    #expect(head.body.isEmpty)
    #expect(head.headers[.contentLength] == String(get.body.count))
    #expect(head.headers[.contentType] == "application/json")
    #expect(headTag.status == .methodNotAllowed)
    #expect(headTag.headers[.allow] == "POST")
    #expect(headTag.body.isEmpty)
    #expect(postHealth.status == .methodNotAllowed)
    #expect(postHealth.headers[.allow] == "GET, HEAD")
  }

  @Test("metrics: a 405 is recorded on its route, errors have durations, active requests are per route")
  func requestMetrics() async throws {
    let server = try TestServer()
    let metrics = try await server.test { client in
      _ = try await client.send(.get, "/v1/tag", contentType: nil)
      _ = try await client.send(.post, "/v1/tag", json: "{")
      _ = try await client.send(.post, "/v1/tags", json: "{")
      return try await client.send(.get, "/metrics", contentType: nil).text
    }
    let lines = Set(metrics.split(separator: "\n").map(String.init))
    #expect(
      lines.contains(#"hb_requests{http_route="/v1/tag",http_request_method="GET",http_response_status_code="405"} 1"#),
      "\(metrics)")
    #expect(lines.contains(#"hb_requests{http_route="/v1/tag",http_request_method="POST",http_response_status_code="400"} 1"#))
    #expect(lines.contains(#"hb_requests{http_route="NotFound",http_request_method="POST",http_response_status_code="404"} 1"#))
    #expect(
      lines.contains(
        #"http_server_request_duration_count{http_route="/v1/tag",http_request_method="POST",http_response_status_code="400"} 1"#)
    )
    #expect(lines.contains(#"http_server_active_requests{http_route="/v1/tag",http_request_method="POST"} 0.0"#))
    #expect(lines.contains(#"http_server_active_requests{http_route="/metrics",http_request_method="GET"} 1.0"#))
  }

  @Test("metrics: the answer budget's capacity (four times --max-answer) and the bytes it holds now")
  func answerBudgetMetrics() async throws {
    let server = try TestServer { $0.maxAnswerBytes = 1_000_000 }
    let metrics = try await server.test { client in try await client.send(.get, "/metrics", contentType: nil).text }
    let lines = Set(metrics.split(separator: "\n").map(String.init))
    #expect(lines.contains("govtag_answer_budget_bytes 4000000.0"), "\(metrics)")
    #expect(lines.contains("govtag_answer_budget_held_bytes 0.0"))
  }
}

import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// Clients that stall, trickle or go away, against a server on a real socket.
@Suite("Slow and vanishing clients hold a connection, never a labelling slot, and are not server errors")
struct ConnectionTests {
  static let record = #"{"id":"a","text":"建设城市大脑"}"#
  /// A request head announcing 100 bytes of body, and the first of them.
  static let stalledRequest =
    "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":"

  @Test("with every labelling slot's worth of clients stalled mid-body, a request is answered at once; the stalled ones get 408")
  func stalledBodiesHoldNoSlot() async throws {
    // 8 s: long enough for the request to be answered first on a loaded machine.
    let server = try TestServer { $0.bodyTimeoutSeconds = 8 }
    try await server.test(.live) { client in
      let port = try #require(client.port)
      let stalled = try (0..<(2 * System.coreCount + 1)).map { _ in try RawConnection(port: port) }
      for connection in stalled { connection.send(Self.stalledRequest) }
      // A client that trickles a byte every 0.3 s: the idle timer restarts on each, the body
      // deadline does not.
      let trickler = try RawConnection(port: port)
      trickler.send(Self.stalledRequest)
      let trickling = Task {
        for _ in 0..<60 {
          try await Task.sleep(for: .milliseconds(300))
          trickler.send(" ")
        }
      }
      defer { trickling.cancel() }
      let answer = try await client.send(.post, "/v1/tag", json: Self.record)
      #expect(answer.status == .ok)
      // Answered before any stalled client's deadline passed.
      let unanswered = stalled.filter(\.nothingReceived).count
      #expect(unanswered == stalled.count)
      for connection in stalled + [trickler] {
        let reply = try #require(await connection.closingAnswer(seconds: 20), "the connection should be answered and closed")
        #expect(reply.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(reply)")
        #expect(reply.contains(#""code":"body_timeout""#))
        #expect(reply.contains(#""message":"the request body did not arrive within 8 s of the request's head""#))
      }
    }
  }

  @Test("a client that trickles its request's head is dropped after --body-timeout; an idle keep-alive one is not")
  func trickledHead() async throws {
    let server = try TestServer { $0.bodyTimeoutSeconds = 2 }
    let (trickled, idle, seconds) = try await server.test(.live) { client in
      let port = try #require(client.port)
      let idle = try RawConnection(port: port)
      let trickler = try RawConnection(port: port)
      let started = Date()
      let trickling = Task {
        for byte in "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" {
          try await Task.sleep(for: .milliseconds(200))
          trickler.send(String(byte))
        }
      }
      defer { trickling.cancel() }
      let trickled = await trickler.closingAnswer(seconds: 8)
      return (trickled, idle.nothingReceived, Date().timeIntervalSince(started))
    }
    #expect(trickled == "", "the trickled head should be closed without an answer")
    #expect(seconds < 5, "closed after \(seconds) s")
    #expect(idle, "an idle keep-alive connection stays open")
  }

  @Test("a body cut short by the end of its stream gets 400 body_incomplete, which a half-closed client reads")
  func incompleteBody() async throws {
    let server = try TestServer()
    let (reply, metrics) = try await server.test(.live) { client in
      let port = try #require(client.port)
      let connection = try RawConnection(port: port)
      connection.send(Self.stalledRequest)
      try await Task.sleep(for: .milliseconds(200))
      connection.shutDownSending()
      let reply = try #require(await connection.closingAnswer(seconds: 10), "the connection should be answered and closed")
      return (reply, try await client.send(.get, "/metrics", contentType: nil).text)
    }
    #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "\(reply)")
    #expect(reply.contains(#""code":"body_incomplete""#))
    #expect(reply.contains(#""message":"the body ended after 6 of the 100 bytes its Content-Length declares""#), "\(reply)")
    let lines = Set(metrics.split(separator: "\n").map(String.init))
    #expect(lines.contains(#"govtag_requests_refused_total{code="body_incomplete"} 1"#), "\(metrics)")
    #expect(lines.contains(#"hb_requests{http_route="/v1/tag",http_request_method="POST",http_response_status_code="400"} 1"#))
    #expect(!metrics.contains("internal_error"))
    #expect(!metrics.contains(#"http_response_status_code="499""#))
  }

  @Test("Expect: 100-continue gets 100 Continue before the body is sent; a body over --max-body gets 413 without it")
  func expectContinue() async throws {
    let server = try TestServer { $0.maxBodyBytes = 1000 }
    let (continued, answered, refused) = try await server.test(.live) { client in
      let port = try #require(client.port)
      let connection = try RawConnection(port: port)
      let body = Self.record
      connection.send(
        "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
          + "Expect: 100-continue\r\nConnection: close\r\n\r\n")
      let continued = await connection.received(seconds: 1)
      connection.send(body)
      let answered = try #require(await connection.closingAnswer(seconds: 10))
      let large = try RawConnection(port: port)
      large.send(
        "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1001\r\n"
          + "Expect: 100-continue\r\nConnection: close\r\n\r\n")
      return (continued, answered, try #require(await large.closingAnswer(seconds: 10)))
    }
    #expect(continued == "HTTP/1.1 100 Continue\r\n\r\n")
    #expect(answered.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answered)")
    #expect(answered.contains(#""id":"a""#))
    #expect(refused.hasPrefix("HTTP/1.1 413 Payload Too Large\r\n"), "\(refused)")
    #expect(!refused.contains("100 Continue"))
  }
}

/// The answer budget on a real socket: one client that reads nothing of a large answer fills a
/// budget the size of that answer.
@Suite("A large answer its client has not read holds the answer budget; another is refused 503 until it is read")
struct AnswerBudgetLiveTests {
  /// The value of a metric's line in `/metrics` (`NAME VALUE`).
  static func metric(_ name: String, in text: String) -> Double? {
    text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.dropFirst(name.count + 1)) }
  }

  @Test("a second large answer gets 503 answers_pending with Retry-After and is not counted; the budget is free once read")
  func unreadAnswerHoldsTheBudget() async throws {
    // About 2.6 MB of body, 14 MB of answer: more than the kernel holds for a client whose
    // receive buffer is 4 KiB (tcp_wmem's 4 MiB at most), so most of it waits for the client.
    let body = #"{"id":"big","text":""# + String(repeating: "一网通办", count: 200_000) + #""}"#
    let request =
      "POST /v1/tag HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
    let sizes = try await TestServer { $0.maxBodyBytes = 4 << 20 }.test { client in
      try await client.send(.post, "/v1/tag", json: body).body.count
    }
    let server = try TestServer {
      $0.maxBodyBytes = 4 << 20
      $0.answerBudgetBytes = sizes + 1
    }
    try await server.test(.live) { client in
      let port = try #require(client.port)
      let reader = try RawConnection(port: port, receiveBuffer: 4096)
      reader.send(request)
      var held = 0.0
      for _ in 0..<300 where held == 0 {
        try await Task.sleep(for: .milliseconds(100))
        let metrics = try await client.send(.get, "/metrics", contentType: nil).text
        held = Self.metric("govtag_answer_budget_held_bytes", in: metrics) ?? 0
      }
      #expect(held == Double(sizes))
      let refused = try await client.send(.post, "/v1/tag", json: body)
      #expect(refused.status == .serviceUnavailable)
      #expect(refused.headers[.retryAfter] == "5")
      let error = try refused.error()
      #expect(error.code == "answers_pending")
      #expect(
        error.message
          == "the answer (\(sizes) bytes) does not fit beside the \(sizes) bytes of answers other clients have not read yet "
          + "(the server holds at most \(sizes + 1), four times --max-answer)")
      let counted = try await client.send(.get, "/metrics", contentType: nil).text
      // The first request's record only: the refused answer was labelled, and not kept.
      #expect(Self.metric("govtag_records_labelled_total", in: counted) == 1)
      // Once the client reads its answer, the budget is free.
      let received = await reader.received(count: sizes, seconds: 30)
      #expect(received > sizes)
      var after = held
      for _ in 0..<50 where after > 0 {
        try await Task.sleep(for: .milliseconds(100))
        after =
          Self.metric("govtag_answer_budget_held_bytes", in: try await client.send(.get, "/metrics", contentType: nil).text) ?? -1
      }
      #expect(after == 0)
    }
  }
}

@Suite("Log levels: info logs the requests a route refuses, not clients that went away")
struct LogLevelTests {
  @Test("a client that resets mid-body is logged at debug (499 client_disconnected), not at info")
  func disconnectAtDebug() async throws {
    let lines = LogLines()
    var server = try TestServer()
    server.logger = lines.logger()
    try await server.test(.live) { client in
      let port = try #require(client.port)
      do {
        let connection = try RawConnection(port: port)
        connection.send(ConnectionTests.stalledRequest)
        try await Task.sleep(for: .milliseconds(300))
        connection.resetOnClose()
      }
      for _ in 0..<50 where !lines.messages(at: .debug).contains(where: { $0.contains(" 499 ") }) {
        try await Task.sleep(for: .milliseconds(100))
      }
    }
    let debug = lines.messages(at: .debug)
    #expect(debug.contains { $0.hasPrefix("POST /v1/tag 499 client_disconnected in ") }, "\(debug)")
    #expect(debug.contains { $0.hasPrefix("client went away before the answer") })
    #expect(!lines.messages(at: .info).contains { $0.contains("499") })
  }

  @Test("GovTag-Warning is logged at info, not notice")
  func warningAtInfo() async throws {
    let lines = LogLines()
    var server = try TestServer()
    server.logger = lines.logger()
    let answer = try await server.test { client in
      try await client.send(.post, "/v1/tag", json: #"{"id":"a","text":"建设城市大脑","labels":["x"]}"#)
    }
    #expect(answer.status == .ok)
    #expect(lines.messages(at: .notice).isEmpty)
    #expect(lines.messages(at: .info).contains { $0.hasPrefix("POST /v1/tag: 1 record carries \"labels\"") })
  }
}

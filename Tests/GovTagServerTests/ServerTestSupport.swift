import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A server over given lexicons, tested in process through HummingbirdTesting's router client.
struct TestServer {
  let store: LexiconStore
  let metrics = ServerMetrics()
  var configuration: ServerConfiguration

  init(
    lexicons: String = Fixtures.repository.appendingPathComponent("Lexicons").path,
    configure: (inout ServerConfiguration) -> Void = { _ in }
  ) throws {
    store = try LexiconStore(lexicons: lexicons)
    var configuration = ServerConfiguration(lexicons: lexicons)
    configure(&configuration)
    self.configuration = configuration
  }

  /// Runs `body` with a client of a fresh application over this server's store: in process
  /// (`.router`), or over a real socket (`.live`, where the connection handling runs too).
  func test<Value: Sendable>(
    _ framework: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Value
  ) async throws -> Value {
    let app = GovTagServer.application(store: store, configuration: configuration, metrics: metrics, reloadOnHangup: false)
    return try await app.test(framework, body)
  }
}

/// One answer: status, headers and body bytes.
struct Answer: Sendable {
  var status: HTTPResponse.Status
  var headers: HTTPFields
  var body: [UInt8]

  var text: String { String(decoding: body, as: UTF8.self) }

  /// The body parsed as a JSON object.
  func object() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
  }

  /// `error.code`, `error.message` and `error.hint` of an error answer.
  func error() throws -> (code: String, message: String, hint: String, status: Int) {
    let error = try #require(try object()["error"] as? [String: Any])
    return (
      try #require(error["code"] as? String), try #require(error["message"] as? String), try #require(error["hint"] as? String),
      try #require(error["status"] as? Int)
    )
  }
}

extension TestClientProtocol {
  /// Sends a request and collects the answer.
  func send(
    _ method: HTTPRequest.Method, _ uri: String, contentType: String? = "application/json", accept: String? = nil,
    authorization: String? = nil, headers extra: HTTPFields = [:], body: [UInt8]? = nil
  ) async throws -> Answer {
    var headers = extra
    if let contentType { headers[.contentType] = contentType }
    if let accept { headers[.accept] = accept }
    if let authorization { headers[.authorization] = authorization }
    return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) }) { response in
      Answer(status: response.status, headers: response.headers, body: Array(buffer: response.body))
    }
  }

  func send(_ method: HTTPRequest.Method, _ uri: String, json: String, contentType: String? = "application/json") async throws
    -> Answer
  {
    try await send(method, uri, contentType: contentType, body: Array(json.utf8))
  }
}

/// The records of a bundled corpus file as one JSON array (the lines joined, bytes untouched).
func corpusArray(_ name: String) throws -> (array: [UInt8], lines: Int) {
  let text = try String(contentsOf: Fixtures.repository.appendingPathComponent("Corpus/\(name)"), encoding: .utf8)
  let lines = text.split(separator: "\n")
  return (Array(("[" + lines.joined(separator: ",\n") + "]").utf8), lines.count)
}

let lexiconVersionHeader = HTTPField.Name("GovTag-Lexicon-Version")!

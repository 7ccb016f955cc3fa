import Foundation
import GovTagKit
import GovTagServer
import GovTagTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

/// A server over given lexicons, tested in process through HummingbirdTesting's router client.
struct TestServer {
  let store: LexiconStore
  let metrics = ServerMetrics()
  var configuration: ServerConfiguration
  /// Where the server logs (Hummingbird's default when `nil`).
  var logger: Logger?

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
    let app = GovTagServer.application(
      store: store, configuration: configuration, metrics: metrics, logger: logger ?? Logger(label: "govtag.serve"),
      reloadOnHangup: false)
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

/// The lines a server logs, with their levels (a logger whose handler keeps them).
final class LogLines: Sendable {
  private let lines = Mutex<[(level: Logger.Level, message: String)]>([])

  /// A logger at `level` that writes here.
  func logger(level: Logger.Level = .debug) -> Logger {
    var logger = Logger(label: "govtag.serve") { _ in Handler(lines: self) }
    logger.logLevel = level
    return logger
  }

  /// The messages logged at `level`.
  func messages(at level: Logger.Level) -> [String] { lines.withLock { $0.filter { $0.level == level }.map(\.message) } }

  fileprivate func append(_ level: Logger.Level, _ message: String) { lines.withLock { $0.append((level, message)) } }

  private struct Handler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { lines.append(event.level, "\(event.message)") }
  }
}

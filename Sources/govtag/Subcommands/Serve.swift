import ArgumentParser
import Foundation
import GovTagKit
import GovTagServer
import Logging
import Metrics

/// `govtag serve`: tag submissions over HTTP (see `GovTagServer`).
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tag records over HTTP: POST /v1/tag answers with the labelled records govtag tag writes.",
    discussion: """
      Routes: POST /v1/tag, POST /v1/explain, GET /v1/lexicon, GET /healthz, GET /metrics \
      (Prometheus), GET /openapi.json; POST /v1/admin/reload with --admin-token-file. \
      Every answer names the lexicon version that labelled it (GovTag-Lexicon-Version).

      SIGHUP reloads the lexicons: requests in flight finish on the old ones, and lexicons that \
      govtag lexicon check refuses are refused (the old ones stay). SIGTERM or Ctrl-C stop \
      accepting connections, let requests in flight finish and their answers be written \
      (within --shutdown-grace), and exit with status 0.
      """
  )

  @Option(help: "The address to listen on (0.0.0.0 for every interface).")
  var host = "127.0.0.1"

  @Option(help: "The TCP port.")
  var port = 8080

  @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
  var maxBody = ServerConfiguration.defaultMaxBodyBytes

  @Option(name: .customLong("max-records"), help: "The most records one request may hold.")
  var maxRecords = ServerConfiguration.defaultMaxRecordsPerRequest

  @Option(
    name: .customLong("max-answer"),
    help: ArgumentHelp(
      "The largest answer /v1/tag and /v1/explain write, in bytes; larger ones get 413.", valueName: "bytes"))
  var maxAnswer = ServerConfiguration.defaultMaxAnswerBytes

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(
      "Close a connection idle this long, or whose client reads none of its answer this long (a slow reader is not closed).",
      valueName: "seconds"))
  var idleTimeout = ServerConfiguration.defaultIdleTimeoutSeconds

  @Option(
    name: .customLong("body-timeout"),
    help: ArgumentHelp(
      "A request's head must arrive this long after its first byte (else the connection is closed), and its body this long after its head (else 408).",
      valueName: "seconds"))
  var bodyTimeout = ServerConfiguration.defaultBodyTimeoutSeconds

  @Option(
    name: .customLong("max-connections"),
    help: "The most connections open at once; more wait until one closes. Lowered to fit the limit on open files (ulimit -n).")
  var maxConnections = ServerConfiguration.defaultMaxConnections

  @Option(
    name: .customLong("shutdown-grace"),
    help: ArgumentHelp(
      "After SIGTERM, how long a request in flight may take to finish and have its answer written.", valueName: "seconds"))
  var shutdownGrace = ServerConfiguration.defaultShutdownGraceSeconds

  @Option(
    name: .customLong("admin-token-file"),
    help: ArgumentHelp(
      "Enable POST /v1/admin/reload for requests bearing the token in this file.",
      discussion: "Without it, only SIGHUP reloads. The token is read from a file so that it does not show in ps.",
      valueName: "file"))
  var adminTokenFile: String?

  @Option(
    name: .customLong("log-level"),
    help:
      "trace, debug (one line per answered request), info (requests the routes refuse, replaced input fields, reloads, shutdown), notice, warning, error."
  )
  var logLevel = "info"

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    guard maxBody > 0 else { throw ValidationError("--max-body must be a positive number of bytes, not \(maxBody)") }
    guard maxRecords > 0 else { throw ValidationError("--max-records must be at least 1, not \(maxRecords)") }
    guard maxAnswer > 0 else { throw ValidationError("--max-answer must be a positive number of bytes, not \(maxAnswer)") }
    guard bodyTimeout > 0 else { throw ValidationError("--body-timeout must be at least 1 second, not \(bodyTimeout)") }
    guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be at least 1 second, not \(idleTimeout)") }
    guard maxConnections > 0 else { throw ValidationError("--max-connections must be at least 1, not \(maxConnections)") }
    guard shutdownGrace > 0 else { throw ValidationError("--shutdown-grace must be at least 1 second, not \(shutdownGrace)") }
    guard Logger.Level(rawValue: logLevel) != nil else {
      throw ValidationError(
        "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), not \(logLevel)")
    }
  }

  func run() async throws {
    let level = Logger.Level(rawValue: logLevel) ?? .info
    LoggingSystem.bootstrap { label in
      var handler = StreamLogHandler.standardError(label: label)
      handler.logLevel = level
      return handler
    }
    let metrics = ServerMetrics()
    MetricsSystem.bootstrap(metrics.factory)

    let token = try adminTokenFile.map { path in try Diagnostics.orExit { try Self.readToken(path) } }
    let store = try Diagnostics.orExit {
      try LexiconStore(lexicons: lexicons.resolved.path) { Diagnostics.warning($0.description) }
    }
    let configuration = ServerConfiguration(
      host: host, port: port, lexicons: store.directory, maxBodyBytes: maxBody, maxRecordsPerRequest: maxRecords,
      adminToken: token, idleTimeoutSeconds: idleTimeout, maxConnections: maxConnections,
      shutdownGraceSeconds: shutdownGrace, bodyTimeoutSeconds: bodyTimeout, maxAnswerBytes: maxAnswer)
    do {
      try await GovTagServer.run(store: store, configuration: configuration, metrics: metrics)
    } catch let error as GovTagError {
      Diagnostics.error(error.description)
      throw Diagnostics.fatal
    } catch {
      Diagnostics.error("the server stopped: \(error) (listening on \(host):\(port))")
      throw Diagnostics.fatal
    }
  }

  /// The admin token: the file's content without surrounding white space.
  static func readToken(_ path: String) throws -> String {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw GovTagError(
        .io, "cannot read the admin token file", at: SourceLocation(file: path), hint: "check the path and its permissions")
    }
    let token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard token.count >= 16, !token.contains(where: \.isWhitespace) else {
      throw GovTagError(
        .usage, "the admin token must be one word of at least 16 characters", at: SourceLocation(file: path),
        hint: "generate one with: head -c 24 /dev/urandom | base64 > \(path)")
    }
    return token
  }
}

/// How `govtag serve` listens and what it accepts.
package struct ServerConfiguration: Sendable {
  /// The address to bind; loopback unless the service is meant to be reached from elsewhere.
  package var host: String
  /// The TCP port.
  package var port: Int
  /// The lexicon folder, or `nil` to look it up as `govtag` does.
  package var lexicons: String?
  /// The largest request body accepted, in bytes (larger ones get 413).
  package var maxBodyBytes: Int
  /// The most records one request may hold (more get 422).
  package var maxRecordsPerRequest: Int
  /// The bearer token that enables `POST /v1/admin/reload`; `nil` leaves the route disabled.
  package var adminToken: String?
  /// Seconds a connection may stay idle (a keep-alive with no request, a client that stalls)
  /// before the server closes it; also the longest a request's body may take to arrive after
  /// its head (408), and an answer to be read by its client.
  package var idleTimeoutSeconds: Int
  /// The most connections open at once; more wait in the listen backlog until one closes, so
  /// a flood of connections cannot exhaust memory or file descriptors.
  package var maxConnections: Int
  /// After SIGTERM, the seconds a request in flight has to finish and have its answer written;
  /// then its connection is closed.
  package var shutdownGraceSeconds: Int

  /// Creates a configuration; the defaults suit one portal on the same machine.
  package init(
    host: String = "127.0.0.1", port: Int = 8080, lexicons: String? = nil, maxBodyBytes: Int = Self.defaultMaxBodyBytes,
    maxRecordsPerRequest: Int = Self.defaultMaxRecordsPerRequest, adminToken: String? = nil,
    idleTimeoutSeconds: Int = Self.defaultIdleTimeoutSeconds, maxConnections: Int = Self.defaultMaxConnections,
    shutdownGraceSeconds: Int = Self.defaultShutdownGraceSeconds
  ) {
    self.host = host
    self.port = port
    self.lexicons = lexicons
    self.maxBodyBytes = maxBodyBytes
    self.maxRecordsPerRequest = maxRecordsPerRequest
    self.adminToken = adminToken
    self.idleTimeoutSeconds = idleTimeoutSeconds
    self.maxConnections = maxConnections
    self.shutdownGraceSeconds = shutdownGraceSeconds
  }

  /// 4 MiB: a thousand typical cases, or one very long one.
  package static let defaultMaxBodyBytes = 4 << 20
  /// 1,000 records: a request of that many is labelled in about a second on one core.
  package static let defaultMaxRecordsPerRequest = 1000
  /// 60 s: longer than any labelling request takes, short enough to shed stalled clients.
  package static let defaultIdleTimeoutSeconds = 60
  /// 1,024: far above what two cores can keep busy, below the usual file-descriptor limit.
  package static let defaultMaxConnections = 1024
  /// 30 s: a full request is labelled in about a second; the rest is for a slow reader.
  package static let defaultShutdownGraceSeconds = 30
}

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
  /// before the server closes it; also the longest an answer may wait to be read by its client.
  package var idleTimeoutSeconds: Int
  /// Seconds a request's body may take to arrive in full after its head (then 408 and the
  /// connection is closed), however the client trickles it.
  package var bodyTimeoutSeconds: Int
  /// The largest answer the labelling routes write, in bytes (larger ones get 413
  /// `answer_too_large`): what one request can make the server hold.
  package var maxAnswerBytes: Int
  /// The bytes that large answers being written may hold together (``AnswerBudget``); `nil`
  /// (`govtag serve`, which has no option for it) is four times ``maxAnswerBytes``. Tests set it
  /// small, so that one unread answer fills it.
  package var answerBudgetBytes: Int? = nil
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
    shutdownGraceSeconds: Int = Self.defaultShutdownGraceSeconds, bodyTimeoutSeconds: Int = Self.defaultBodyTimeoutSeconds,
    maxAnswerBytes: Int = Self.defaultMaxAnswerBytes
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
    self.bodyTimeoutSeconds = bodyTimeoutSeconds
    self.maxAnswerBytes = maxAnswerBytes
  }

  /// 4 MiB: a thousand typical cases, or one very long one.
  package static let defaultMaxBodyBytes = 4 << 20
  /// 1,000 records: a request of that many is labelled in about a second on one core.
  package static let defaultMaxRecordsPerRequest = 1000
  /// 60 s: longer than any labelling request takes, short enough to shed stalled clients.
  package static let defaultIdleTimeoutSeconds = 60
  /// 1,024: far above what two cores can keep busy; lowered at start when it does not fit the
  /// limit on open files (``FileDescriptorLimit``).
  package static let defaultMaxConnections = 1024
  /// 10 s: a 4 MiB body takes well under a second on any network a portal uses; a client that
  /// trickles its body holds a connection no longer than this.
  package static let defaultBodyTimeoutSeconds = 10
  /// 64 MiB: three times the answer of a full 4 MiB body with the standard evidence (21 MB);
  /// `?evidence=all&evidence_layout=full` on the same body makes 369 MB.
  package static let defaultMaxAnswerBytes = 64 << 20
  /// 30 s: a full request is labelled in about a second; the rest is for a slow reader.
  package static let defaultShutdownGraceSeconds = 30
}

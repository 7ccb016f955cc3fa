/// How `govtag serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
  /// The address to bind; loopback unless the service is meant to be reached from elsewhere.
  public var host: String
  /// The TCP port.
  public var port: Int
  /// The lexicon folder, or `nil` to look it up as `govtag` does.
  public var lexicons: String?
  /// The largest request body accepted, in bytes (larger ones get 413).
  public var maxBodyBytes: Int
  /// The most records one request may hold (more get 413).
  public var maxRecordsPerRequest: Int
  /// The bearer token that enables `POST /v1/admin/reload`; `nil` leaves the route disabled.
  public var adminToken: String?

  /// Creates a configuration; the defaults suit one portal on the same machine.
  public init(
    host: String = "127.0.0.1", port: Int = 8080, lexicons: String? = nil, maxBodyBytes: Int = Self.defaultMaxBodyBytes,
    maxRecordsPerRequest: Int = Self.defaultMaxRecordsPerRequest, adminToken: String? = nil
  ) {
    self.host = host
    self.port = port
    self.lexicons = lexicons
    self.maxBodyBytes = maxBodyBytes
    self.maxRecordsPerRequest = maxRecordsPerRequest
    self.adminToken = adminToken
  }

  /// 4 MiB: a thousand typical cases, or one very long one.
  public static let defaultMaxBodyBytes = 4 << 20
  /// 1,000 records: a request of that many is labelled in about a second on one core.
  public static let defaultMaxRecordsPerRequest = 1000
}

import GovTagKit
public import Hummingbird
public import Logging
import ServiceLifecycle

/// `govtag serve`: GovTag over HTTP, built on Hummingbird 2.
///
///     let store = try LexiconStore(lexicons: "Lexicons")
///     let app = GovTagServer.application(store: store, configuration: ServerConfiguration(port: 8080))
///     try await app.runService()
///
/// The application answers `POST /v1/tag`, `POST /v1/explain`, `GET /v1/lexicon`, `GET
/// /healthz`, `GET /metrics`, `GET /openapi.json` and, with an admin token, `POST
/// /v1/admin/reload`; it reloads the lexicons on SIGHUP and shuts down gracefully (requests in
/// flight complete) on SIGTERM or SIGINT.
public enum GovTagServer {
  /// The application: routes, middleware and the SIGHUP reload service.
  ///
  /// - Parameters:
  ///   - store: the lexicons, loaded.
  ///   - configuration: address and limits.
  ///   - metrics: where the metrics go (and what `GET /metrics` prints).
  ///   - logger: the server's logger.
  ///   - reloadOnHangup: whether SIGHUP reloads the lexicons (off in tests, which share a
  ///     process).
  /// - Returns: the application, ready to `runService()`.
  public static func application(
    store: LexiconStore, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(),
    logger: Logger = Logger(label: "govtag.serve"), reloadOnHangup: Bool = true
  ) -> some ApplicationProtocol {
    let router = Router()
    // Middleware first: routes added later are wrapped by it.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: JSONErrorMiddleware(metrics: metrics))
    GovTagService(store: store, configuration: configuration, metrics: metrics).register(on: router)
    let host = configuration.host
    let port = configuration.port
    let version = store.snapshot.govtag.lexiconVersion
    return Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "govtag"),
      services: reloadOnHangup ? [ReloadOnHangup(store: store, metrics: metrics, logger: logger)] : [],
      onServerRunning: { channel in
        logger.notice(
          "govtag serve: listening on http://\(host):\(channel.localAddress?.port ?? port) with lexicons \(store.directory) (version \(version))")
      },
      logger: logger)
  }

  /// Runs the server until SIGTERM or SIGINT, then lets requests in flight finish and returns.
  ///
  /// - Parameters:
  ///   - store: the lexicons, loaded.
  ///   - configuration: address and limits.
  ///   - metrics: where the metrics go.
  ///   - logger: the server's logger.
  /// - Throws: when the address cannot be bound or the server fails.
  public static func run(
    store: LexiconStore, configuration: ServerConfiguration, metrics: ServerMetrics, logger: Logger = Logger(label: "govtag.serve")
  ) async throws {
    try await application(store: store, configuration: configuration, metrics: metrics, logger: logger).runService()
  }
}

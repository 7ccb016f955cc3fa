import GovTagKit
package import Hummingbird
import HummingbirdCore
package import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
  import Glibc
#endif

/// `govtag serve`: GovTag over HTTP, built on Hummingbird 2.
///
///     let store = try LexiconStore(lexicons: "Lexicons")
///     let app = GovTagServer.application(store: store, configuration: ServerConfiguration(port: 8080))
///     try await app.runService()
///
/// The application answers `POST /v1/tag`, `POST /v1/explain`, `GET /v1/lexicon`, `GET
/// /healthz`, `GET /metrics`, `GET /openapi.json` and, with an admin token, `POST
/// /v1/admin/reload` (and `HEAD` on every `GET` route); it reloads the lexicons on SIGHUP and
/// shuts down gracefully on SIGTERM or SIGINT: requests in flight complete and their answers are
/// written in full, within `--shutdown-grace` (``ConnectionGuard``).
package enum GovTagServer {
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
  package static func application(
    store: LexiconStore, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(),
    logger: Logger = Logger(label: "govtag.serve"), reloadOnHangup: Bool = true
  ) -> some ApplicationProtocol {
    let router = Router(context: ServerRequestContext.self)
    let service = GovTagService(store: store, configuration: configuration, metrics: metrics)
    let routes = service.routes
    // Middleware first: routes added later are wrapped by it. HEAD answers without a body, the
    // JSON errors included, so it wraps the error middleware.
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics, routes: Set(routes.keys)))
    router.add(middleware: HeadRequestMiddleware())
    router.add(middleware: JSONErrorMiddleware(metrics: metrics, routes: routes))
    service.register(on: router)
    let host = configuration.host
    let port = configuration.port
    let version = store.snapshot.govtag.lexiconVersion
    return Application(
      router: router,
      server: .http1(
        configuration: .init(
          additionalChannelHandlers: [
            ConnectionGuard(
              bodyTimeout: .seconds(Int64(configuration.bodyTimeoutSeconds)), maxBodyBytes: configuration.maxBodyBytes,
              drainTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)),
              shutdownGrace: .seconds(Int64(configuration.shutdownGraceSeconds)), logger: logger)
          ],
          idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
      configuration: ApplicationConfiguration(
        address: .hostname(host, port: port), serverName: "govtag",
        availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
      services: reloadOnHangup ? [ReloadOnHangup(store: store, metrics: metrics, logger: logger)] : [],
      onServerRunning: { channel in
        logger.notice(
          "govtag serve: listening on http://\(host):\(channel.localAddress?.port ?? port) with lexicons \(store.directory) (version \(version))"
        )
      },
      logger: logger)
  }

  /// Runs the server until SIGTERM or SIGINT, then lets requests in flight finish and returns.
  ///
  /// First raises the limit on open files to the hard limit and lowers `--max-connections` to
  /// what fits under it, with a warning (``FileDescriptorLimit``).
  ///
  /// - Parameters:
  ///   - store: the lexicons, loaded.
  ///   - configuration: address and limits.
  ///   - metrics: where the metrics go.
  ///   - logger: the server's logger.
  /// - Throws: `GovTagError` when the address cannot be bound (naming it and what to do), or
  ///   the error that stopped the server.
  package static func run(
    store: LexiconStore, configuration: ServerConfiguration, metrics: ServerMetrics,
    logger: Logger = Logger(label: "govtag.serve")
  ) async throws {
    var configuration = configuration
    if let limit = FileDescriptorLimit.raiseToHardLimit() {
      if let warning = limit.warning(maxConnections: configuration.maxConnections) { logger.warning("\(warning)") }
      configuration.maxConnections = limit.connections(fitting: configuration.maxConnections)
    }
    // ServiceLifecycle tells the last service of a group first, and the next only once it has
    // returned: ShutdownLog comes after the application, so the shutdown is logged at SIGTERM,
    // not once the requests in flight have been drained.
    let application = application(store: store, configuration: configuration, metrics: metrics, logger: logger)
    let group = ServiceGroup(
      configuration: .init(
        services: [
          .init(service: application),
          .init(
            service: ShutdownLog(shutdownGraceSeconds: configuration.shutdownGraceSeconds, logger: logger),
            successTerminationBehavior: .ignore),
        ],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    do {
      try await group.run()
    } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
      let address = "\(configuration.host):\(configuration.port)"
      throw switch error.errnoCode {
      case EADDRINUSE:
        GovTagError(
          .io, "cannot listen on \(address): the address is already in use",
          hint: "stop the program that holds it (ss -ltnp 'sport = :\(configuration.port)' shows it) or choose another --port")
      case EACCES:
        GovTagError(
          .io, "cannot listen on \(address): permission denied",
          hint: "ports below 1024 need privileges; choose --port 1024 or above")
      default:
        GovTagError(
          .io, "cannot listen on \(address): no such local address",
          hint: "use 127.0.0.1, 0.0.0.0 or an address of this machine for --host")
      }
    }
  }
}

import Logging
import ServiceLifecycle

/// Says in the log, at info level, that the server is stopping (SIGTERM or SIGINT) and what
/// happens to the requests in flight, so that `journalctl` tells why the service stopped.
struct ShutdownLog: Service, CustomStringConvertible {
  let shutdownGraceSeconds: Int
  let logger: Logger

  var description: String { "ShutdownLog" }

  func run() async throws {
    try? await gracefulShutdown()
    logger.info(
      "govtag serve: shutting down (SIGTERM or SIGINT): no new connections; requests in flight have --shutdown-grace (\(shutdownGraceSeconds) s) to finish and have their answers written"
    )
  }
}

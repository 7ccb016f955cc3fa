import Logging
import NIOPosix
import ServiceLifecycle
import UnixSignals

/// Reloads the lexicons on SIGHUP, the way daemons reread their configuration, until the
/// server shuts down.
struct ReloadOnHangup: Service, CustomStringConvertible {
  let store: LexiconStore
  let metrics: ServerMetrics
  let logger: Logger

  var description: String { "ReloadOnHangup" }

  func run() async throws {
    let signals = await UnixSignalsSequence(trapping: .sighup)
    for await _ in signals.cancelOnGracefulShutdown() {
      let store = store
      // Loading is CPU work: on NIO's blocking pool, like labelling.
      let outcome = try await NIOThreadPool.singleton.runIfActive { store.reload(queueIfBusy: true) }
      metrics.reloaded(outcome)
      ReloadLog.log(outcome, trigger: "SIGHUP", logger: logger)
    }
  }
}

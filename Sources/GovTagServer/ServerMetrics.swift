import Metrics
package import Prometheus

/// The server's own metrics, beside Hummingbird's per-route request counts and durations, all
/// in one Prometheus registry that `GET /metrics` prints.
package final class ServerMetrics: Sendable {
  /// The registry `GET /metrics` prints.
  package let registry: PrometheusCollectorRegistry
  /// The swift-metrics factory writing into ``registry``; `govtag serve` bootstraps the global
  /// metrics system with it so that Hummingbird's `MetricsMiddleware` lands there too.
  package let factory: PrometheusMetricsFactory
  private let recordsLabelled: Metrics.Counter
  private let recordsExplained: Metrics.Counter
  private let reloadsApplied: Metrics.Counter
  private let reloadsRefused: Metrics.Counter
  private let lexiconGeneration: Metrics.Gauge

  /// Creates the metrics in a new registry.
  package init() {
    registry = PrometheusCollectorRegistry()
    factory = PrometheusMetricsFactory(registry: registry)
    recordsLabelled = Metrics.Counter(label: "govtag_records_labelled_total", factory: factory)
    recordsExplained = Metrics.Counter(label: "govtag_records_explained_total", factory: factory)
    reloadsApplied = Metrics.Counter(label: "govtag_lexicon_reloads_total", dimensions: [("result", "applied")], factory: factory)
    reloadsRefused = Metrics.Counter(label: "govtag_lexicon_reloads_total", dimensions: [("result", "refused")], factory: factory)
    lexiconGeneration = Metrics.Gauge(label: "govtag_lexicon_generation", factory: factory)
    lexiconGeneration.record(1)
  }

  func labelled(_ count: Int) { recordsLabelled.increment(by: count) }
  func explained(_ count: Int) { recordsExplained.increment(by: count) }

  /// Counts a refused request by its code (`invalid_json`, `body_too_large`...).
  func refused(_ code: String) {
    Metrics.Counter(label: "govtag_requests_refused_total", dimensions: [("code", code)], factory: factory).increment()
  }

  func reloaded(_ outcome: LexiconStore.ReloadOutcome) {
    switch outcome {
    case .reloaded(_, _, let generation, _):
      reloadsApplied.increment()
      lexiconGeneration.record(generation)
    case .refused: reloadsRefused.increment()
    case .busy, .queued: break
    }
  }

  /// The Prometheus text exposition of every metric.
  package func exposition() -> [UInt8] {
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    return buffer
  }
}

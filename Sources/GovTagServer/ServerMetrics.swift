import Metrics
package import Prometheus
import Synchronization

/// The server's metrics, in one Prometheus registry that `GET /metrics` prints: requests,
/// durations and active requests per route (``RequestMetricsMiddleware``, under the names
/// Hummingbird's metrics middleware uses), and GovTag's own counts.
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
  private let clientDisconnects: Metrics.Counter
  private let answersHeld: Metrics.Gauge
  private let answerBudget: Metrics.Gauge
  /// Each route, method and status's meters, made once.
  private let requestMeters = Mutex<[RequestKey: RequestMeters]>([:])
  private let activeMeters = Mutex<[ActiveKey: Metrics.Meter]>([:])

  private struct RequestKey: Hashable {
    var route: String
    var method: String
    var status: Int
  }

  private struct ActiveKey: Hashable {
    var route: String
    var method: String
  }

  private struct RequestMeters: Sendable {
    var requests: Metrics.Counter
    var duration: Metrics.Timer
    var errors: Metrics.Counter
  }

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
    clientDisconnects = Metrics.Counter(label: "govtag_client_disconnects_total", factory: factory)
    answersHeld = Metrics.Gauge(label: "govtag_answer_budget_held_bytes", factory: factory)
    answerBudget = Metrics.Gauge(label: "govtag_answer_budget_bytes", factory: factory)
  }

  func labelled(_ count: Int) { recordsLabelled.increment(by: count) }
  func explained(_ count: Int) { recordsExplained.increment(by: count) }

  /// Counts a refused request by its code (`invalid_json`, `body_too_large`...).
  func refused(_ code: String) {
    Metrics.Counter(label: "govtag_requests_refused_total", dimensions: [("code", code)], factory: factory).increment()
  }

  /// Counts a request whose client went away before it was answered (recorded with status 499).
  func clientDisconnected() { clientDisconnects.increment() }

  /// The meter of requests in progress on `route` with `method`.
  func activeRequests(route: String, method: String) -> Metrics.Meter {
    activeMeters.withLock { meters in
      let key = ActiveKey(route: route, method: method)
      if let meter = meters[key] { return meter }
      let meter = Metrics.Meter(
        label: "http.server.active_requests", dimensions: [("http.route", route), ("http.request.method", method)],
        factory: factory)
      meters[key] = meter
      return meter
    }
  }

  /// Counts a finished request and records how long it took; `failed` counts it in
  /// `hb_request_errors` too (an error answer).
  func requestFinished(route: String, method: String, status: Int, nanoseconds: UInt64, failed: Bool) {
    let meters = requestMeters.withLock { meters in
      let key = RequestKey(route: route, method: method, status: status)
      if let found = meters[key] { return found }
      let dimensions = [("http.route", route), ("http.request.method", method), ("http.response.status_code", String(status))]
      let made = RequestMeters(
        requests: Metrics.Counter(label: "hb.requests", dimensions: dimensions, factory: factory),
        duration: Metrics.Timer(
          label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory),
        errors: Metrics.Counter(
          label: "hb.request.errors",
          dimensions: [("http.route", route), ("http.request.method", method), ("error.type", String(status))], factory: factory))
      meters[key] = made
      return made
    }
    meters.requests.increment()
    meters.duration.recordNanoseconds(Int64(clamping: nanoseconds))
    if failed { meters.errors.increment() }
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

  /// The Prometheus text exposition of every metric, with the answer budget's bytes held now
  /// and its capacity (``AnswerBudget``).
  package func exposition(answers: AnswerBudget) -> [UInt8] {
    answersHeld.record(answers.held)
    answerBudget.record(answers.capacity)
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    return buffer
  }
}

import Dispatch
import GovTagKit
import HTTPTypes
import Hummingbird
import Logging
import Metrics

/// Counts every request and records its duration per route, method and status, and the
/// requests in progress per route and method, under the names of Hummingbird's
/// `MetricsMiddleware` (`hb_requests`, `http_server_request_duration`,
/// `http_server_active_requests`, `hb_request_errors`).
///
/// Hummingbird's own middleware leaves error answers out of the durations, labels a 405 on a
/// known route `NotFound` (the router matched no method) and counts active requests per method
/// only. Here the route is the request's path when the server has that route, `NotFound`
/// otherwise (so a client cannot add label values), and a method outside HTTP's own is `_OTHER`.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
  let metrics: ServerMetrics
  /// The server's routes.
  let routes: Set<String>

  static var knownMethods: Set<HTTPRequest.Method> { [.get, .head, .post, .put, .delete, .connect, .options, .trace, .patch] }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let start = DispatchTime.now().uptimeNanoseconds
    let route = routes.contains(request.uri.path) ? request.uri.path : "NotFound"
    let method = Self.knownMethods.contains(request.method) ? request.method.rawValue : "_OTHER"
    let active = metrics.activeRequests(route: route, method: method)
    active.increment()
    let metrics = metrics
    do {
      var response = try await next(request, context)
      let status = Int(response.status.code)
      let body = response.body
      // Counted once the body is written, as Hummingbird's middleware does (its helper for
      // this is not public).
      let logger = context.logger
      let path = request.uri.path
      let requestMethod = request.method
      response.body = ResponseBody(contentLength: body.contentLength) { writer in
        defer {
          let nanoseconds = DispatchTime.now().uptimeNanoseconds - start
          metrics.requestFinished(route: route, method: method, status: status, nanoseconds: nanoseconds, failed: status >= 400)
          active.decrement()
          Self.logFinished(
            logger, method: requestMethod, path: path, status: status, nanoseconds: nanoseconds, bytes: body.contentLength)
        }
        try await body.write(writer)
      }
      return response
    } catch {
      let status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
      let nanoseconds = DispatchTime.now().uptimeNanoseconds - start
      metrics.requestFinished(route: route, method: method, status: status, nanoseconds: nanoseconds, failed: true)
      active.decrement()
      let code = (error as? APIError).map { " \($0.code)" } ?? ""
      // Refusals at info: an operator sees why clients are refused without the debug flood. A
      // client that went away (499) is no refusal: debug, as JSONErrorMiddleware logs it.
      context.logger.log(
        level: (error as? APIError)?.code == "client_disconnected" ? .debug : .info,
        "\(request.method) \(request.uri.path.escapingControlCharacters) \(status)\(code) in \(Self.milliseconds(nanoseconds)) ms"
      )
      throw error
    }
  }

  /// The access-log line of an answered request, at debug level: method, path, status, duration
  /// and body size, written once the answer's body is.
  static func logFinished(
    _ logger: Logger, method: HTTPRequest.Method, path: String, status: Int, nanoseconds: UInt64, bytes: Int?
  ) {
    logger.debug(
      "\(method) \(path.escapingControlCharacters) \(status) in \(milliseconds(nanoseconds)) ms\(bytes.map { ", \($0) bytes" } ?? "")"
    )
  }

  static func milliseconds(_ nanoseconds: UInt64) -> String {
    String(Double(nanoseconds / 1000) / 1000)
  }
}

import GovTagKit
import HTTPTypes
import Hummingbird
import Logging

/// Answers every failure as an ``APIError`` JSON body, and counts it.
///
/// Routes throw ``APIError`` themselves; this turns the router's own refusals (an unknown path,
/// a method the path does not take) and anything unexpected into the same shape, so a client
/// parses one kind of error body whatever went wrong. An unexpected error is logged in full and
/// answered without internals.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  let metrics: ServerMetrics
  /// The methods of each route, so that a known path with another method gets 405 and `Allow`
  /// rather than the router's 404.
  let routes: [String: [HTTPRequest.Method]]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      metrics.refused(error.code)
      throw error
    } catch let error as any HTTPResponseError {
      if error.status == .notFound, let allowed = routes[request.uri.path] {
        var converted = Self.apiError(status: .methodNotAllowed, path: request.uri.path, method: request.method)
        converted.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        metrics.refused(converted.code)
        throw converted
      }
      let converted = Self.apiError(status: error.status, path: request.uri.path, method: request.method)
      metrics.refused(converted.code)
      throw converted
    } catch {
      // The details stay in the log: an error's text can name files and internals.
      context.logger.error("request failed: \(String(describing: error))", metadata: ["path": .string(request.uri.path)])
      metrics.refused("internal_error")
      throw APIError(
        .internalServerError, code: "internal_error", message: "the server failed to answer this request",
        hint: "this is a bug in GovTag; the server log has the details (logged with the request's hb.request.id)")
    }
  }

  static func apiError(status: HTTPResponse.Status, path: String, method: HTTPRequest.Method) -> APIError {
    let path = path.escapingControlCharacters
    switch status {
    case .notFound:
      return APIError(
        .notFound, code: "not_found", message: "no route \(method) \(path)",
        hint: "the routes are listed in GET /openapi.json (POST /v1/tag, POST /v1/explain, GET /v1/lexicon...)")
    case .methodNotAllowed:
      return APIError(
        .methodNotAllowed, code: "method_not_allowed", message: "\(path) does not take \(method)",
        hint: "see GET /openapi.json for the methods of each route")
    case .contentTooLarge:
      return APIError(
        .contentTooLarge, code: "body_too_large", message: "the request body is too large",
        hint: "send fewer records per request, or start the server with a larger --max-body")
    default:
      return APIError(
        status, code: "http_\(status.code)", message: "\(status.code) \(status.reasonPhrase) for \(method) \(path)",
        hint: "see GET /openapi.json")
    }
  }
}

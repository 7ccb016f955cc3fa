import GovTagKit
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// Answers every failure as an ``APIError`` JSON body, and counts it.
///
/// Routes throw ``APIError`` themselves; this turns the router's own refusals (an unknown path,
/// a method the path does not take) and anything unexpected into the same shape, so a client
/// parses one kind of error body whatever went wrong. A body cut short by the end of its stream
/// is a 400 (``RecordsRequest/readBody(_:configuration:)``); a client that reset the
/// connection before it was answered is logged at debug level and counted with status 499,
/// nginx's "client closed request", not as a server error. An unexpected error is logged in
/// full and answered without internals.
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
        let methods = allowed.contains(.get) ? allowed + [.head] : allowed
        converted.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
        metrics.refused(converted.code)
        throw converted
      }
      let converted = Self.apiError(status: error.status, path: request.uri.path, method: request.method)
      metrics.refused(converted.code)
      throw converted
    } catch  where Self.isClientDisconnect(error) {
      context.logger.debug(
        "client went away before the answer: \(String(describing: error))", metadata: ["path": .string(request.uri.path)])
      metrics.clientDisconnected()
      throw APIError(
        HTTPResponse.Status(code: 499, reasonPhrase: "Client Closed Request"), code: "client_disconnected",
        message: "the client closed the connection before the request was read", hint: "nothing to do on the server")
    } catch {
      // The details stay in the log: an error's text can name files and internals.
      context.logger.error("request failed: \(String(describing: error))", metadata: ["path": .string(request.uri.path)])
      metrics.refused("internal_error")
      throw APIError(
        .internalServerError, code: "internal_error", message: "the server failed to answer this request",
        hint: "this is a bug in GovTag; the server log has the details (logged with the request's hb.request.id)")
    }
  }

  /// Whether `error` says that the client closed or reset the connection (NIO's HTTP parser
  /// reports a body cut short as an unexpected end of the stream).
  static func isClientDisconnect(_ error: any Error) -> Bool {
    switch error {
    case let error as HTTPParserError: error == .invalidEOFState
    case let error as ChannelError:
      error == .ioOnClosedChannel || error == .eof || error == .inputClosed || error == .outputClosed || error == .alreadyClosed
    case let error as IOError: [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode)
    default: false
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
        hint: "send fewer or shorter records per request, or start the server with a larger --max-body")
    default:
      return APIError(
        status, code: "http_\(status.code)", message: "\(status.code) \(status.reasonPhrase) for \(method) \(path)",
        hint: "see GET /openapi.json")
    }
  }
}

import HTTPTypes
import Hummingbird

/// Leaves the body out of every answer to `HEAD` (RFC 9110, 9.3.2), keeping its
/// `Content-Length`.
///
/// ``GovTagService`` answers `HEAD` on every `GET` route with the `GET` answer (load balancers
/// and uptime checkers probe `/healthz` so); a `HEAD` on another route gets that route's refusal
/// (405 with `Allow`, or 404), without its body too.
struct HeadRequestMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    guard request.method == .head else { return try await next(request, context) }
    let answer: Response
    do {
      answer = try await next(request, context)
    } catch let error as any HTTPResponseError {
      answer = try error.response(from: request, context: context)
    }
    var headers = answer.headers
    if headers[.contentLength] == nil, let length = answer.body.contentLength { headers[.contentLength] = String(length) }
    return Response(status: answer.status, headers: headers, body: ResponseBody())
  }
}

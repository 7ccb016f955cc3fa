import Hummingbird
import NIOCore

/// The request context of `govtag serve`: Hummingbird's basic one, and the request's connection,
/// so that an answer's writer can wait for the writes it has handed over
/// (``GovTagService/answer(_:contentType:lexiconVersion:channel:)``).
struct ServerRequestContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// The connection the request came on.
  let channel: any Channel

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    channel = source.channel
  }
}

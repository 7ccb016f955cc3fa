import Logging
import NIOCore

/// The deadline of a request's head, in front of NIO's HTTP parser: once the first byte of a
/// request has arrived, its head must be complete within `timeout`, else the connection is closed.
///
/// Hummingbird's idle timer restarts on every byte, so a client that trickles a head a byte at a
/// time held its connection for hours (NIO's header limits are in bytes), and enough of them
/// could fill `--max-connections` for as long. ``ConnectionGuard``, which sees the parsed
/// request, says when a head is complete (``headReceived()``) and when an answer has ended and
/// the next request may begin (``awaitNextHead()``). A keep-alive connection that sends nothing
/// is left to `--idle-timeout`.
final class HeadDeadline: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer

  private let timeout: TimeAmount
  private let logger: Logger
  private var awaitingHead = true
  private var deadline: Scheduled<Void>?

  init(timeout: TimeAmount, logger: Logger) {
    self.timeout = timeout
    self.logger = logger
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    deadline?.cancel()
    deadline = nil
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if awaitingHead, deadline == nil {
      deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
        deadline = nil
        logger.debug("request head not received within \(timeout.nanoseconds / 1_000_000_000) s; closing the connection")
        context.close(promise: nil)
      }
    }
    context.fireChannelRead(data)
  }

  func channelInactive(context: ChannelHandlerContext) {
    deadline?.cancel()
    deadline = nil
    context.fireChannelInactive()
  }

  /// A request's head has been parsed: its deadline is met.
  func headReceived() {
    awaitingHead = false
    deadline?.cancel()
    deadline = nil
  }

  /// An answer has ended: the next bytes begin a new request.
  func awaitNextHead() { awaitingHead = true }
}

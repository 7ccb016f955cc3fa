import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// One connection's deadlines and its orderly close, between NIO's HTTP codec and Hummingbird's
/// connection state handler.
///
/// - A request whose head says `Expect: 100-continue` and declares no more than `maxBodyBytes`
///   gets `100 Continue` at once, so that curl and libcurl send the body without waiting a
///   second for it (a larger one is refused with 413 by the route, which the client reads first).
/// - A request's head must arrive within `bodyTimeout` of its first byte (``HeadDeadline``), and
///   its body in full within `bodyTimeout` of its head. Hummingbird's idle
///   timer restarts on every byte, so a client that trickles a byte now and then would otherwise
///   keep its request open for ever. When the deadline passes, the request's body stream fails
///   with ``RequestBodyTimeout`` (the route answers 408) and whatever else the client sends is
///   dropped, so the connection closes.
/// - An answer's client must read it: when the connection's buffer stays full for
///   `drainTimeout` (the client reads nothing), the connection is closed, and the answer's
///   labelling slot with it. Hummingbird's idle timer does not run while an answer is written.
/// - A close waits until the bytes already written have reached the socket. NIO's close drops
///   the writes still queued, and Hummingbird closes a connection as soon as its last answer is
///   handed over when the server shuts down (SIGTERM), so a large answer was cut short after its
///   `200` head had gone out. A close that waits longer than `drainTimeout` happens anyway.
/// - After SIGTERM (NIO's quiesce event) the connection has `shutdownGrace` to finish its
///   request and write its answer; then it is closed, whatever it is doing. A client whose answer
///   had not started gets no status line; one whose answer was being written gets fewer bytes
///   than its `Content-Length`.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private let bodyTimeout: TimeAmount
  private let maxBodyBytes: Int
  private let drainTimeout: TimeAmount
  private let shutdownGrace: TimeAmount
  private let logger: Logger
  /// Writes handed to the channel whose bytes have not all reached the socket.
  private var unfinishedWrites = 0
  /// Closes asked for while writes were unfinished, in order.
  private var deferredCloses: [(mode: CloseMode, promise: EventLoopPromise<Void>?)] = []
  private var bodyDeadline: Scheduled<Void>?
  private var drainDeadline: Scheduled<Void>?
  private var graceDeadline: Scheduled<Void>?
  /// Set while the connection's buffer is full (its client is not reading).
  private var stallDeadline: Scheduled<Void>?
  /// Set when a body missed its deadline: everything read after it is dropped.
  private var bodyTimedOut = false
  /// From a request's head until its answer's end is written.
  private var answering = false
  /// Whether the 408 of a body that missed its deadline is still to be written: a close (by
  /// Hummingbird's idle timer, which fires at about the same time) waits for it.
  private var timeoutAnswerOwed = false

  /// The head's deadline, added in front of NIO's HTTP parser when this handler is added.
  private let headDeadline: HeadDeadline

  init(bodyTimeout: TimeAmount, maxBodyBytes: Int, drainTimeout: TimeAmount, shutdownGrace: TimeAmount, logger: Logger) {
    self.headDeadline = HeadDeadline(timeout: bodyTimeout, logger: logger)
    self.bodyTimeout = bodyTimeout
    self.maxBodyBytes = maxBodyBytes
    self.drainTimeout = drainTimeout
    self.shutdownGrace = shutdownGrace
    self.logger = logger
  }

  // MARK: - Reading

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard !bodyTimedOut else { return }
    switch unwrapInboundIn(data) {
    case .head(let head):
      answering = true
      headDeadline.headReceived()
      if head.headerFields[.expect]?.lowercased() == "100-continue",
        head.headerFields[.contentLength].flatMap({ Int($0) }).map({ $0 <= maxBodyBytes }) ?? true
      {
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
      }
      bodyDeadline?.cancel()
      bodyDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: bodyTimeout) { [self] in
        bodyDeadline = nil
        failBody(context: context)
      }
    case .end:
      bodyDeadline?.cancel()
      bodyDeadline = nil
    case .body:
      break
    }
    context.fireChannelRead(data)
  }

  /// Fails the request's body stream with ``RequestBodyTimeout`` (the route answers 408) and
  /// drops whatever the client sends after it.
  private func failBody(context: ChannelHandlerContext) {
    bodyTimedOut = true
    timeoutAnswerOwed = answering
    logger.debug("request body not received within \(bodyTimeout.nanoseconds / 1_000_000_000) s; closing the connection")
    context.fireErrorCaught(RequestBodyTimeout(seconds: Int(bodyTimeout.nanoseconds / 1_000_000_000)))
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is ChannelShouldQuiesceEvent, graceDeadline == nil {
      graceDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: shutdownGrace) { [self] in
        graceDeadline = nil
        logger.notice(
          "closing a connection whose request did not finish within the shutdown grace (\(shutdownGrace.nanoseconds / 1_000_000_000) s)"
        )
        closeNow(context: context, mode: .all)
      }
    }
    context.fireUserInboundEventTriggered(event)
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable {
      stallDeadline?.cancel()
      stallDeadline = nil
    } else if stallDeadline == nil {
      stallDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: drainTimeout) { [self] in
        stallDeadline = nil
        logger.debug("a client read none of its answer for \(drainTimeout.nanoseconds / 1_000_000_000) s; closing the connection")
        closeNow(context: context, mode: .all)
      }
    }
    context.fireChannelWritabilityChanged()
  }

  func channelInactive(context: ChannelHandlerContext) {
    cancelDeadlines()
    context.fireChannelInactive()
  }

  func handlerAdded(context: ChannelHandlerContext) {
    try? context.pipeline.syncOperations.addHandler(headDeadline, position: .first)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    cancelDeadlines()
  }

  // MARK: - Writing and closing

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = unwrapOutboundIn(data) {
      answering = false
      headDeadline.awaitNextHead()
      // The 408 of a body that missed its deadline ends the connection: what the client sends
      // after it is dropped, and Hummingbird's idle timer may be far off (--idle-timeout).
      if timeoutAnswerOwed { deferredCloses.append((.all, nil)) }
      timeoutAnswerOwed = false
    }
    let promise = promise ?? context.eventLoop.makePromise(of: Void.self)
    unfinishedWrites += 1
    promise.futureResult.assumeIsolated().whenComplete { [self] _ in
      unfinishedWrites -= 1
      if unfinishedWrites == 0, !timeoutAnswerOwed, !deferredCloses.isEmpty { closeNow(context: context) }
    }
    context.write(data, promise: promise)
  }

  func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
    // Hummingbird's idle timer closes a connection whose body stalls, at about the time the body
    // deadline passes (it counts from the last byte, the deadline from the head): the client
    // gets the 408 either way, not a bare close.
    if let deadline = bodyDeadline, mode != .input {
      deadline.cancel()
      bodyDeadline = nil
      failBody(context: context)
    }
    guard unfinishedWrites > 0 || timeoutAnswerOwed, mode != .input else {
      context.close(mode: mode, promise: promise)
      return
    }
    deferredCloses.append((mode, promise))
    if drainDeadline == nil {
      drainDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: drainTimeout) { [self] in
        drainDeadline = nil
        logger.debug("an answer was not read within \(drainTimeout.nanoseconds / 1_000_000_000) s; closing the connection")
        closeNow(context: context, mode: .all)
      }
    }
  }

  /// Closes the connection, answering every deferred close's promise; `mode` overrides the
  /// modes asked for (a deadline closes the whole connection, dropping what is still queued).
  private func closeNow(context: ChannelHandlerContext, mode: CloseMode? = nil) {
    drainDeadline?.cancel()
    drainDeadline = nil
    let closes = deferredCloses
    deferredCloses = []
    guard !closes.isEmpty else {
      context.close(mode: .all, promise: nil)
      return
    }
    for close in closes { context.close(mode: mode ?? close.mode, promise: close.promise) }
  }

  private func cancelDeadlines() {
    bodyDeadline?.cancel()
    drainDeadline?.cancel()
    graceDeadline?.cancel()
    stallDeadline?.cancel()
    stallDeadline = nil
    bodyDeadline = nil
    drainDeadline = nil
    graceDeadline = nil
  }
}

/// A request body that did not arrive in full within its deadline (`--body-timeout`).
struct RequestBodyTimeout: Error {
  var seconds: Int
}

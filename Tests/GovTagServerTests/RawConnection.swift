import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP connection to the test server that sends exactly the bytes it is given, when it is
/// told to: a client that stalls, trickles or goes away mid-request, which no HTTP client does.
final class RawConnection: Sendable {
  fileprivate let socket: Int32

  /// Connects to `port` on the loopback (IPv4, else IPv6: the live test server listens on
  /// `localhost`), with a kernel receive buffer of `receiveBuffer` bytes when given (a client
  /// that reads nothing then holds little of its answer in the kernel).
  init(port: Int, receiveBuffer: Int32? = nil) throws {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo("localhost", String(port), &hints, &list) == 0, let first = list else {
      throw POSIXError(.EADDRNOTAVAIL)
    }
    defer { freeaddrinfo(list) }
    var entry: UnsafeMutablePointer<addrinfo>? = first
    while let address = entry {
      let fd = Glibc.socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
      if fd >= 0, var size = receiveBuffer {
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
      }
      if fd >= 0, connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
        socket = fd
        return
      }
      if fd >= 0 { close(fd) }
      entry = address.pointee.ai_next
    }
    throw POSIXError(.ECONNREFUSED)
  }

  deinit { close(socket) }

  /// Sends `text`'s UTF-8 bytes.
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
  }

  /// Makes the connection's close a reset (`SO_LINGER` 0), as a client that is killed.
  func resetOnClose() {
    var linger = linger(l_onoff: 1, l_linger: 0)
    setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
  }

  /// Closes the connection (the client going away).
  func shutDown() { Glibc.shutdown(socket, Int32(SHUT_RDWR)) }

  /// Whether the server has sent nothing yet (a read would block).
  var nothingReceived: Bool {
    var byte: UInt8 = 0
    let count = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
    return count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
  }

  /// Everything the server sends until it closes the connection, waiting at most `seconds`;
  /// `nil` when the connection is still open then.
  func readUntilClosed(seconds: Double) -> String? {
    var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let deadline = Date().addingTimeInterval(seconds)
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count == 0 { return String(decoding: received, as: UTF8.self) }
      if count > 0 {
        received += buffer[0..<count]
      } else if errno == ECONNRESET {
        return String(decoding: received, as: UTF8.self)
      } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
        return nil
      }
    }
    return nil
  }
}

extension RawConnection {
  /// Ends the sending side only (`shutdown(SHUT_WR)`): the server reads the end of the stream,
  /// and this side still reads the answer.
  func shutDownSending() { Glibc.shutdown(socket, Int32(SHUT_WR)) }

  /// What the server sends within `seconds`, without waiting for it to close the connection.
  func receive(seconds: Double) -> String {
    var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let deadline = Date().addingTimeInterval(seconds)
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline {
      let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count == 0 { break }
      if count > 0 { received += buffer[0..<count] }
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// ``readUntilClosed(seconds:)`` on a thread of its own: a blocking read on one of Swift's
  /// few cooperative threads would keep the in-process server's routes from running.
  func closingAnswer(seconds: Double) async -> String? {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: self.readUntilClosed(seconds: seconds)) }
    }
  }

  /// The bytes the server sends until there are `count` of them or `seconds` have passed, on a
  /// thread of its own.
  func received(count: Int, seconds: Double) async -> Int {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(self.socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(seconds)
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while received < count, Date() < deadline {
          let read = buffer.withUnsafeMutableBytes { recv(self.socket, $0.baseAddress, $0.count, 0) }
          if read == 0 { break }
          if read > 0 { received += read }
        }
        continuation.resume(returning: received)
      }
    }
  }

  /// ``receive(seconds:)`` on a thread of its own.
  func received(seconds: Double) async -> String {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: self.receive(seconds: seconds)) }
    }
  }
}

internal import CFileStatus

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `stat` says about a file, in plain Swift types (read through the CFileStatus shim).
struct FileStatus: Equatable {
  /// The kinds of file GovTag tells apart.
  enum Kind: Equatable {
    case regular, directory, symbolicLink, other
  }

  var device: UInt64
  var inode: UInt64
  var kind: Kind
  var size: Int64
  /// Modification time: seconds and nanoseconds since 1970.
  var modifiedSeconds: Int64
  var modifiedNanoseconds: Int

  /// The file at `path`, following symbolic links unless `followingLinks` is false (`-` is
  /// standard input); `nil` when there is none.
  init?(_ path: String, followingLinks: Bool = true) {
    var info = govtag_file_status()
    let status = path == "-" ? govtag_fstat(0, &info) : govtag_stat(path, followingLinks ? 1 : 0, &info)
    guard status == 0 else { return nil }
    self.init(info)
  }

  /// The file open as `descriptor`; `nil` when `fstat` fails.
  init?(descriptor: Int32) {
    var info = govtag_file_status()
    guard govtag_fstat(descriptor, &info) == 0 else { return nil }
    self.init(info)
  }

  private init(_ info: govtag_file_status) {
    device = info.device
    inode = info.inode
    switch info.kind {
    case 0: kind = .regular
    case 1: kind = .directory
    case 2: kind = .symbolicLink
    default: kind = .other
    }
    size = info.size
    modifiedSeconds = info.modified_seconds
    modifiedNanoseconds = Int(info.modified_nanoseconds)
  }
}

/// Waits until `descriptor` (a pipe, a terminal) has data, an end or an error to read, asking
/// `stop` every quarter of a second.
///
/// - Returns: false when `stop` returned true first.
func waitUntilReadable(_ descriptor: Int32, unless stop: () -> Bool) -> Bool {
  var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
  while true {
    if stop() { return false }
    let ready = poll(&entry, 1, 250)
    if ready > 0 || (ready < 0 && errno != EINTR) { return true }  // read() reports any error
  }
}

/// Starts a detached thread with `stackSize` bytes of stack running `body`.
///
/// - Returns: `nil`, or the `pthread_create` error (`EAGAIN` when the process may not have more
///   threads or there is not enough memory for the stack).
func startDetachedThread(stackSize: Int, _ body: @escaping @Sendable () -> Void) -> Int32? {
  // Allocated rather than `pthread_attr_t()`, whose initializer this module cannot see.
  let attributes = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
  pthread_attr_init(attributes)
  defer {
    pthread_attr_destroy(attributes)
    attributes.deallocate()
  }
  pthread_attr_setstacksize(attributes, stackSize)
  pthread_attr_setdetachstate(attributes, Int32(PTHREAD_CREATE_DETACHED))
  let context = Unmanaged.passRetained(ThreadStart(body)).toOpaque()
  var thread: pthread_t = 0
  let status = pthread_create(
    &thread, attributes,
    { raw in
      guard let raw else { return nil }
      Unmanaged<ThreadStart>.fromOpaque(raw).takeRetainedValue().body()
      return nil
    }, context)
  guard status == 0 else {
    Unmanaged<ThreadStart>.fromOpaque(context).release()
    return status
  }
  return nil
}

/// The closure a new thread runs, boxed to pass through `pthread_create`'s context pointer.
private final class ThreadStart {
  let body: @Sendable () -> Void
  init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

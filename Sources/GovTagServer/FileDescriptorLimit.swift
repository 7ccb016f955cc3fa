#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's limit on open files (`ulimit -n`, systemd's `LimitNOFILE=`), and how many
/// connections fit under it.
///
/// Every connection is a file descriptor. When none is left, the kernel refuses the next
/// `open`, and libdispatch, which cannot do without one, traps (SIGILL): the server dies with
/// every request in flight. So at start the server raises its soft limit to the hard one, as
/// nginx and PostgreSQL do, and serves no more connections than fit under it with
/// ``reserve`` descriptors left for its own files.
package struct FileDescriptorLimit: Sendable, Equatable {
  /// The limit in force (the soft limit).
  package var soft: Int
  /// The most the soft limit may be raised to without privileges.
  package var hard: Int

  /// Descriptors kept for the server's own files: standard streams, the listening socket, the
  /// event loops' epoll and event descriptors (18 in all at start), the lexicon files read by a
  /// reload, and room to spare.
  package static let reserve = 64

  /// Creates a limit.
  package init(soft: Int, hard: Int) {
    self.soft = soft
    self.hard = hard
  }

  /// Raises the soft limit to the hard one, and returns the limit then in force; `nil` when the
  /// limit cannot be read.
  package static func raiseToHardLimit() -> FileDescriptorLimit? {
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else { return nil }
    if limit.rlim_cur < limit.rlim_max {
      var raised = limit
      raised.rlim_cur = limit.rlim_max
      if setrlimit(resource, &raised) == 0 { limit = raised }
    }
    return FileDescriptorLimit(soft: Int(clamping: limit.rlim_cur), hard: Int(clamping: limit.rlim_max))
  }

  #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
  #else
    private static let resource = RLIMIT_NOFILE
  #endif

  /// The most connections that fit: `requested`, or the soft limit less ``reserve`` when that is
  /// smaller (at least 1).
  package func connections(fitting requested: Int) -> Int {
    max(1, min(requested, soft - Self.reserve))
  }

  /// What the server says when `--max-connections` does not fit, with both numbers and what to
  /// do; `nil` when it fits.
  package func warning(maxConnections requested: Int) -> String? {
    let fitting = connections(fitting: requested)
    guard fitting < requested else { return nil }
    return "--max-connections \(requested) does not fit the limit of \(soft) open files (ulimit -n; the hard limit is "
      + "\(hard)): serving at most \(fitting) connections at once, keeping \(Self.reserve) files for the server's own; "
      + "raise the limit (LimitNOFILE= in the systemd unit, ulimit -n in a shell) or lower --max-connections"
  }
}

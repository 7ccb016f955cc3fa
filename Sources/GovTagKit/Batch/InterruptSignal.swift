import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag a batch run polls, so it can stop between
/// records and leave a resumable state instead of dying mid-write. A second signal exits at
/// once (the last saved state is still valid: it never runs ahead of the output).
public final class InterruptSignal: @unchecked Sendable {
  // @unchecked: `sources` is set once in init and only kept alive; the flag is atomic.
  private let flag = Atomic<Bool>(false)
  private let sources: [any DispatchSourceSignal]

  /// Starts catching SIGINT and SIGTERM.
  public init() {
    let queue = DispatchQueue(label: "govtag.signals")
    let sources: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      return DispatchSource.makeSignalSource(signal: number, queue: queue)
    }
    self.sources = sources
    for (source, number) in zip(sources, [SIGINT, SIGTERM]) {
      source.setEventHandler { [self] in
        if self.flag.exchange(true, ordering: .relaxed) {
          // Second signal: stop now, the way the signal would have.
          signal(number, SIG_DFL)
          raise(number)
        }
      }
      source.resume()
    }
  }

  /// Whether a signal arrived.
  public var isSet: Bool { flag.load(ordering: .relaxed) }
}

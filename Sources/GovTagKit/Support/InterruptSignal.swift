import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Turns Ctrl-C (SIGINT) and SIGTERM into a flag a batch run polls, so it can stop between
/// records and leave a resumable state instead of dying mid-write. A second signal exits at
/// once (the last saved state is still valid: it never runs ahead of the output).
///
/// The command exits with 128 + the signal's number, as a shell reports a process killed by
/// it: 130 for SIGINT, 143 for SIGTERM (``exitStatus``).
package final class InterruptSignal: @unchecked Sendable {
  // @unchecked: `sources` is set once in init and only kept alive; the flag is atomic.
  private let flag = Atomic<Bool>(false)
  private let number = Atomic<Int32>(0)
  /// Set by the first signal for any reader blocked on a pipe (``LineReader``): a run waiting
  /// for standard input must stop too, and readers know no run.
  private static let received = Atomic<Bool>(false)

  /// Whether SIGINT or SIGTERM arrived in this process since an `InterruptSignal` was made.
  package static var anyReceived: Bool { received.load(ordering: .relaxed) }
  private let sources: [any DispatchSourceSignal]

  /// Starts catching SIGINT and SIGTERM, except a signal ignored when the process started.
  ///
  /// A shell starts a script's background job (`govtag tag … &`) with SIGINT ignored, so that
  /// a Ctrl-C meant for the foreground job does not stop it; like other Unix tools, GovTag keeps
  /// such a signal ignored instead of catching it.
  package init() {
    let queue = DispatchQueue(label: "govtag.signals")
    // The dispatch source needs the signal ignored; `signal` also returns the disposition
    // inherited, and one that was already SIG_IGN stays so, with no source.
    let caught = [SIGINT, SIGTERM].filter { number in !Self.isIgnored(signal(number, SIG_IGN)) }
    let sources: [any DispatchSourceSignal] = caught.map { number in
      DispatchSource.makeSignalSource(signal: number, queue: queue)
    }
    self.sources = sources
    for (source, number) in zip(sources, caught) {
      source.setEventHandler { [self] in
        _ = self.number.compareExchange(expected: 0, desired: number, ordering: .sequentiallyConsistent)
        Self.received.store(true, ordering: .relaxed)
        if self.flag.exchange(true, ordering: .relaxed) {
          // Second signal: stop now, the way the signal would have.
          signal(number, SIG_DFL)
          raise(number)
        }
      }
      source.resume()
    }
  }

  /// Whether `handler` is `SIG_IGN`.
  private static func isIgnored(_ handler: __sighandler_t?) -> Bool {
    guard let handler else { return false }  // SIG_DFL is a null pointer
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Whether a signal arrived.
  package var isSet: Bool { flag.load(ordering: .relaxed) }

  /// The first signal's name, `SIGINT` or `SIGTERM`, or `nil` when none arrived.
  package var name: String? {
    switch number.load(ordering: .sequentiallyConsistent) {
    case SIGINT: "SIGINT"
    case SIGTERM: "SIGTERM"
    default: nil
    }
  }

  /// The exit status for a run the first signal stopped: 128 + its number (130 for SIGINT,
  /// 143 for SIGTERM); 130 when none arrived.
  package var exitStatus: Int32 {
    let received = number.load(ordering: .sequentiallyConsistent)
    return 128 + (received == 0 ? SIGINT : received)
  }
}

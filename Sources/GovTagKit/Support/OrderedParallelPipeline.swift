import Foundation

/// Thrown by ``OrderedParallelPipeline/run(isCancelled:makeWorker:produce:consume:)`` when
/// `isCancelled` turned true: results not consumed yet are abandoned.
struct PipelineCancelled: Error {}

/// Runs a function over a stream of work items on several threads and hands back the results
/// in input order, with a bounded number of items in flight.
///
/// The calling thread produces items and consumes results; `workers` threads process them, each
/// with its own state made by `makeWorker` on that thread (a ``Tagger`` with its ICU iterator,
/// which must not be shared). At most `window` items are between production and consumption,
/// so memory stays bounded however long the stream, and a slow item holds back at most
/// `window` results behind it. Results are consumed in exactly the order items were produced,
/// which is what makes the output identical for every worker count.
///
/// Threads rather than Swift tasks: the work is long, blocking C calls (ICU), and `--jobs 1`
/// must mean one busy core, which a fixed set of threads guarantees and the cooperative pool
/// does not. They are started with `pthread_create`, whose failure (too many threads, too
/// little memory) is reported as an error rather than waited on forever.
final class OrderedParallelPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  // @unchecked: every mutable property below is read and written only with `condition` held.
  private let condition = NSCondition()
  private var pending: [(Int, Input)] = []
  private var pendingHead = 0
  private var results: [Int: Output] = [:]
  private var finishedProducing = false
  private var workerError: (any Error)?
  private var liveWorkers = 0
  /// Set when the run was cancelled: workers stop after their current item.
  private var abandoned = false

  let workers: Int
  let window: Int
  /// Each worker thread's stack: a tagger's recursion is shallow, but ICU likes room.
  let stackSize: Int
  /// How the hints name the caller's setting for the number of workers (``SettingNames/Setting/jobs``).
  let names: SettingNames

  /// Creates a pipeline.
  ///
  /// - Parameters:
  ///   - workers: the number of threads, at least 1.
  ///   - window: the most items in flight, at least `workers`.
  ///   - stackSize: bytes of stack per worker thread.
  ///   - names: how hints name the caller's settings; the default words them for a program.
  init(workers: Int, window: Int, stackSize: Int = 8 << 20, names: SettingNames = SettingNames()) {
    self.workers = max(1, workers)
    self.window = max(window, self.workers)
    self.stackSize = stackSize
    self.names = names
  }

  /// Runs the pipeline.
  ///
  /// - Parameters:
  ///   - isCancelled: polled on the calling thread, about ten times a second, while it waits for
  ///     a result; when it returns true the run ends at once with ``PipelineCancelled``, without
  ///     waiting for the items being processed (their threads finish them and stop).
  ///   - makeWorker: called once on each worker thread; returns that thread's processing function.
  ///   - produce: called on the calling thread with an `emit` function; it emits every item, then returns.
  ///     `emit` blocks while the window is full, consuming finished results meanwhile.
  ///   - consume: called on the calling thread with each result, in input order.
  /// - Throws: the first error from `makeWorker`, `produce` or `consume`; workers are stopped
  ///   first. `GovTagError` when a worker thread cannot be started; ``PipelineCancelled``.
  func run(
    isCancelled: @escaping () -> Bool = { false },
    makeWorker: @escaping @Sendable () throws -> (Input) -> Output,
    produce: ((Input) throws -> Void) throws -> Void,
    consume: (Output) throws -> Void
  ) throws {
    let done = DispatchGroup()
    var cancelled = false
    defer {
      condition.lock()
      finishedProducing = true
      if cancelled {
        abandoned = true
        pending.removeAll()
        pendingHead = 0
      }
      condition.broadcast()
      condition.unlock()
      // A cancelled run does not wait: a worker may be inside one very long item.
      if !cancelled { done.wait() }
    }
    for index in 0..<workers {
      done.enter()
      condition.lock()
      liveWorkers += 1
      condition.unlock()
      let started = startDetachedThread(stackSize: stackSize) { [self] in
        defer { done.leave() }
        workerLoop(makeWorker: makeWorker)
      }
      if let failure = started {
        condition.lock()
        liveWorkers -= 1
        condition.unlock()
        done.leave()
        throw GovTagError(
          .io, "cannot start worker thread \(index + 1) of \(workers): \(String(cString: strerror(failure)))",
          hint: names[.jobs].map { "use a smaller \($0)" } ?? "use a smaller number of jobs")
      }
    }

    var produced = 0
    var consumed = 0
    // Takes the next result in order; with `wait`, blocks until it is ready. Returns nil when it
    // is not ready and `wait` is false.
    func takeNext(wait: Bool) throws -> Output? {
      condition.lock()
      defer { condition.unlock() }
      while wait && results[consumed] == nil && workerError == nil && liveWorkers > 0 {
        if isCancelled() {
          cancelled = true
          throw PipelineCancelled()
        }
        _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
      }
      if let error = workerError { throw error }
      if let result = results.removeValue(forKey: consumed) { return result }
      if wait { throw GovTagError(.io, "internal error: every worker stopped with work left") }
      return nil
    }
    // Consuming from inside `emit` is what bounds the window; the closure does not outlive `run`.
    try withoutActuallyEscaping(consume) { consume in
      try produce { item in
        while consumed < produced, let result = try takeNext(wait: produced - consumed >= window) {
          try consume(result)
          consumed += 1
        }
        condition.lock()
        pending.append((produced, item))
        condition.signal()
        condition.unlock()
        produced += 1
      }
    }
    while consumed < produced, let result = try takeNext(wait: true) {
      try consume(result)
      consumed += 1
    }
  }

  private func workerLoop(makeWorker: () throws -> (Input) -> Output) {
    let work: (Input) -> Output
    do {
      work = try makeWorker()
    } catch {
      condition.lock()
      if workerError == nil { workerError = error }
      liveWorkers -= 1
      condition.broadcast()
      condition.unlock()
      return
    }
    while true {
      condition.lock()
      while pendingHead == pending.count && !finishedProducing { condition.wait() }
      if pendingHead == pending.count || abandoned {
        liveWorkers -= 1
        condition.broadcast()
        condition.unlock()
        return
      }
      let (sequence, item) = pending[pendingHead]
      pendingHead += 1
      if pendingHead >= 64 {  // drop taken items, so the array holds only the window
        pending.removeFirst(pendingHead)
        pendingHead = 0
      }
      condition.unlock()
      let result = work(item)
      condition.lock()
      results[sequence] = result
      condition.broadcast()
      condition.unlock()
    }
  }
}

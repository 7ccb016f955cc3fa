import Foundation

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
/// does not.
final class OrderedParallelPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  // @unchecked: every mutable property below is read and written only with `condition` held.
  private let condition = NSCondition()
  private var pending: [(Int, Input)] = []
  private var pendingHead = 0
  private var results: [Int: Output] = [:]
  private var finishedProducing = false
  private var workerError: (any Error)?
  private var liveWorkers = 0

  let workers: Int
  let window: Int

  /// Creates a pipeline.
  ///
  /// - Parameters:
  ///   - workers: the number of threads, at least 1.
  ///   - window: the most items in flight, at least `workers`.
  init(workers: Int, window: Int) {
    self.workers = max(1, workers)
    self.window = max(window, self.workers)
  }

  /// Runs the pipeline.
  ///
  /// - Parameters:
  ///   - makeWorker: called once on each worker thread; returns that thread's processing function.
  ///   - produce: called on the calling thread with an `emit` function; it emits every item, then returns.
  ///     `emit` blocks while the window is full, consuming finished results meanwhile.
  ///   - consume: called on the calling thread with each result, in input order.
  /// - Throws: the first error from `makeWorker`, `produce` or `consume`; workers are stopped first.
  func run(
    makeWorker: @escaping @Sendable () throws -> (Input) -> Output,
    produce: ((Input) throws -> Void) throws -> Void,
    consume: (Output) throws -> Void
  ) throws {
    var threads: [Thread] = []
    let done = DispatchGroup()
    condition.lock()
    liveWorkers = workers
    condition.unlock()
    for index in 0..<workers {
      done.enter()
      let thread = Thread { [self] in
        defer { done.leave() }
        workerLoop(makeWorker: makeWorker)
      }
      thread.name = "govtag-worker-\(index)"
      thread.stackSize = 8 << 20
      threads.append(thread)
      thread.start()
    }
    defer {
      condition.lock()
      finishedProducing = true
      condition.broadcast()
      condition.unlock()
      done.wait()
    }

    var produced = 0
    var consumed = 0
    // Takes the next result in order; with `wait`, blocks until it is ready. Returns nil when it
    // is not ready and `wait` is false.
    func takeNext(wait: Bool) throws -> Output? {
      condition.lock()
      defer { condition.unlock() }
      while wait && results[consumed] == nil && workerError == nil && liveWorkers > 0 { condition.wait() }
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
      if pendingHead == pending.count {
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

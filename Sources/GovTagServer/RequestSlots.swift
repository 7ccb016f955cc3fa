import Synchronization

/// At most `capacity` labelling requests at once; the others wait their turn, first come first
/// served, with their body read.
///
/// Every connection's handler runs at once in Hummingbird, so without this a client could open
/// `--max-connections` connections and make the server parse and label that many requests and
/// hold their answers together. A request takes its slot only once its body has arrived: a
/// client slow to send one holds a connection (until `--body-timeout`), never a slot. The answers
/// waiting to be written are bounded apart (``AnswerBudget``), so that clients that do not read
/// cannot hold the slots. Written by hand because swift-async-algorithms has no semaphore and
/// this is a dozen lines over `Synchronization.Mutex`.
package final class RequestSlots: Sendable {
  private struct State {
    var available: Int
    var waiting: [CheckedContinuation<Void, Never>] = []
  }

  private let state: Mutex<State>

  /// Creates `capacity` slots.
  package init(capacity: Int) {
    state = Mutex(State(available: max(1, capacity)))
  }

  /// Runs `body` in a slot, waiting for one when all are taken.
  package func withSlot<T>(_ body: () async throws -> T) async rethrows -> T {
    await acquire()
    defer { release() }
    return try await body()
  }

  private func acquire() async {
    await withCheckedContinuation { continuation in
      let granted = state.withLock { state in
        if state.available > 0 {
          state.available -= 1
          return true
        }
        state.waiting.append(continuation)
        return false
      }
      if granted { continuation.resume() }
    }
  }

  private func release() {
    let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
      if state.waiting.isEmpty {
        state.available += 1
        return nil
      }
      return state.waiting.removeFirst()
    }
    next?.resume()
  }
}

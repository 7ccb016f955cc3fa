import Synchronization

/// The bytes of labelling answers held at once, waiting for their clients to read them.
///
/// A labelling slot is given back once the answer is built, so that clients that do not read
/// cannot keep others from being labelled; the answer then stays in memory until its client has
/// read it (or reads none of it for `--idle-timeout`, and its connection is closed). This bounds
/// those answers: an answer larger than ``smallAnswer`` takes its bytes from the budget until its
/// last piece has been handed to the connection, and one that does not fit is refused (503,
/// ``reserve(_:)``) rather than held. A client that reads slowly (at least 32 KiB per
/// `--idle-timeout`) keeps its share for as long as it reads. Small answers take nothing:
/// `--max-connections` of them are a few MB.
package final class AnswerBudget: Sendable {
  /// The bytes all large answers may hold at once.
  package let capacity: Int
  private let available: Mutex<Int>

  /// Answers of at most this many bytes (64 KiB) take nothing from the budget.
  package static let smallAnswer = 64 << 10

  /// Creates a budget of `capacity` bytes.
  package init(capacity: Int) {
    self.capacity = capacity
    available = Mutex(capacity)
  }

  /// The bytes held now.
  package var held: Int { capacity - available.withLock { $0 } }

  /// Takes `bytes` from the budget until the lease is released or dropped; `nil` when they do
  /// not fit now. A small answer gets a lease that holds nothing.
  package func reserve(_ bytes: Int) -> Lease? {
    var held = 0
    return reserve(bytes, heldIfRefused: &held)
  }

  /// ``reserve(_:)``, which sets `held` to the bytes held when it refused, read under the same
  /// lock (so that a refusal's message adds up).
  package func reserve(_ bytes: Int, heldIfRefused held: inout Int) -> Lease? {
    guard bytes > Self.smallAnswer else { return Lease(budget: nil, bytes: 0) }
    let capacity = capacity
    let refusedWith: Int? = available.withLock { available in
      guard available >= bytes else { return capacity - available }
      available -= bytes
      return nil
    }
    if let refusedWith {
      held = refusedWith
      return nil
    }
    return Lease(budget: self, bytes: bytes)
  }

  private func give(_ bytes: Int) { available.withLock { $0 += bytes } }

  /// Bytes held until ``release()`` or the lease's end, whichever comes first, so an answer
  /// whose body is never written (its client went away) cannot keep them.
  package final class Lease: Sendable {
    private let budget: AnswerBudget?
    private let bytes: Int
    private let released = Mutex(false)

    fileprivate init(budget: AnswerBudget?, bytes: Int) {
      self.budget = budget
      self.bytes = bytes
    }

    /// Gives the bytes back (once; later calls do nothing).
    package func release() {
      let first = released.withLock { released in
        defer { released = true }
        return !released
      }
      guard first, let budget else { return }
      budget.give(bytes)
    }

    deinit { release() }
  }
}

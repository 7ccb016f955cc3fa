import GovTagServer
import Synchronization
import Testing

@Suite("Request slots: at most so many labelling requests at once, the rest in arrival order")
struct RequestSlotsTests {
  /// How many bodies run at once, at most, and the order they started in.
  final class Probe: Sendable {
    let state = Mutex((running: 0, most: 0, started: [Int]()))
    func enter(_ id: Int) {
      state.withLock {
        $0.running += 1
        $0.most = max($0.most, $0.running)
        $0.started.append(id)
      }
    }
    func leave() { state.withLock { $0.running -= 1 } }
  }

  @Test("never more than the capacity at once, and every request runs", arguments: [1, 2, 3])
  func bounded(capacity: Int) async {
    let slots = RequestSlots(capacity: capacity)
    let probe = Probe()
    await withTaskGroup(of: Void.self) { group in
      for id in 0..<12 {
        group.addTask {
          await slots.withSlot {
            probe.enter(id)
            try? await Task.sleep(for: .milliseconds(5))
            probe.leave()
          }
        }
      }
    }
    let (running, most, started) = probe.state.withLock { $0 }
    #expect(running == 0)
    #expect(most <= capacity)
    #expect(most >= 1)
    #expect(started.sorted() == Array(0..<12))
  }

  @Test("a request that throws gives its slot back")
  func throwingReleases() async throws {
    struct Failure: Error {}
    let slots = RequestSlots(capacity: 1)
    await #expect(throws: Failure.self) { try await slots.withSlot { throw Failure() } }
    let value = await slots.withSlot { 42 }
    #expect(value == 42)
  }
}

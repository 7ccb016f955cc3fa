import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagKit

@Suite("Ordered parallel pipeline: starting and stopping workers")
struct PipelineTests {
  @Test(
    "a worker thread that cannot start is an error, not a wait forever; its hint names the setting as the caller does",
    .timeLimit(.minutes(1)),
    arguments: [(SettingNames(), "use a smaller number of jobs"), (SettingNames([.jobs: "--jobs"]), "use a smaller --jobs")])
  func threadCreationFails(names: SettingNames, hint: String) throws {
    // A stack no machine can map makes pthread_create fail, as too many threads would.
    let pipeline = OrderedParallelPipeline<Int, Int>(workers: 2, window: 4, stackSize: 1 << 52, names: names)
    do {
      try pipeline.run(makeWorker: { { $0 } }, produce: { emit in try emit(1) }, consume: { _ in })
      Issue.record("the run must fail")
    } catch let error as GovTagError {
      #expect(error.code == .io)
      #expect(error.description.hasPrefix("cannot start worker thread 1 of 2: "))
      #expect(error.hint == hint)
    }
  }

  @Test("cancelling while a worker is inside a long item returns at once", .timeLimit(.minutes(1)))
  func cancelDuringLongItem() throws {
    let pipeline = OrderedParallelPipeline<Int, Int>(workers: 1, window: 2)
    let started = Date()
    var consumed: [Int] = []
    #expect(throws: PipelineCancelled.self) {
      try pipeline.run(
        isCancelled: { Date().timeIntervalSince(started) > 0.3 },
        makeWorker: {
          { item in
            if item == 2 { Thread.sleep(forTimeInterval: 5) }
            return item * 10
          }
        }, produce: { emit in for item in 1...3 { try emit(item) } }, consume: { consumed.append($0) })
    }
    #expect(Date().timeIntervalSince(started) < 3)
    #expect(consumed == [10])
  }
}

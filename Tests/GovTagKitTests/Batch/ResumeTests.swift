import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Interrupt, resume and reuse")
struct ResumeTests {
  func configuration() -> BatchConfiguration {
    var configuration = BatchConfiguration(jobs: 2)
    configuration.chunkRecords = 5
    configuration.checkpointInterval = 0  // save after every chunk
    return configuration
  }

  @Test("a run stopped midway and resumed gives the uninterrupted output byte for byte", arguments: [3, 17, 60, 140])
  func resumeIsIdentical(stopAfter: Int) throws {
    let directory = Fixtures.temporaryDirectory()
    let first = Fixtures.write(BatchRunnerTests.corpus(), to: "a.jsonl", in: directory)
    let second = Fixtures.write(BatchRunnerTests.corpus(), to: "b.jsonl", in: directory)
    let errors = directory.appendingPathComponent("errors.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [first, second], destination: .init(output: whole, errors: errors + ".whole"))

    let resumed = directory.appendingPathComponent("resumed.jsonl").path
    var polls = 0
    let stopped = try runner.run(inputs: [first, second], destination: .init(output: resumed, errors: errors)) {
      polls += 1
      return polls > stopAfter
    }
    #expect(stopped.interrupted)
    #expect(!FileManager.default.fileExists(atPath: resumed))
    #expect(FileManager.default.fileExists(atPath: resumed + ".partial.state"))
    let finished = try runner.run(inputs: [first, second], destination: .init(output: resumed, errors: errors), resume: true)
    #expect(!finished.interrupted)
    #expect(try Data(contentsOf: URL(fileURLWithPath: resumed)) == Data(contentsOf: URL(fileURLWithPath: whole)))
    #expect(try Data(contentsOf: URL(fileURLWithPath: errors)) == Data(contentsOf: URL(fileURLWithPath: errors + ".whole")))
    #expect(finished.labelled == 588)
    #expect(finished.failed == 6)
    #expect(finished.inputsRead == 2)
    #expect(!FileManager.default.fileExists(atPath: resumed + ".partial.state"))
  }

  @Test("resume refuses when the lexicons or inputs changed, or when there is nothing to resume")
  func resumeRefuses() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "a.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    #expect(throws: GovTagError.self) { try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
    var polls = 0
    _ = try runner.run(inputs: [input], destination: .init(output: output)) {
      polls += 1
      return polls > 20
    }
    Fixtures.write(BatchRunnerTests.corpus() + "\n", to: "a.jsonl", in: directory)
    do {
      _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true)
      Issue.record("a changed input must not be resumed")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "\(output): cannot resume: \(input) changed since the interrupted run; start again without resuming")
    }
  }

  @Test("--previous copies unchanged records and labels changed ones again")
  func previousRun() throws {
    let directory = Fixtures.temporaryDirectory()
    let original = #"{"id":"a","text":"推进一网通办"}"# + "\n" + #"{"id":"b","text":"优化营商环境","year":2023}"# + "\n"
    let input = Fixtures.write(original, to: "in.jsonl", in: directory)
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let old = directory.appendingPathComponent("old.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: old))
    // b's text is unchanged but its year is not: it must be labelled again, not copied.
    Fixtures.write(
      original.replacingOccurrences(of: "2023", with: "2024") + #"{"id":"c","text":"应用人工智能"}"# + "\n", to: "in.jsonl",
      in: directory)
    let previous = try PreviousRun(path: old, rulesVersion: Fixtures.model.rulesVersion)
    #expect(previous.count == 2)
    let new = directory.appendingPathComponent("new.jsonl").path
    let summary = try runner.run(inputs: [input], destination: .init(output: new), previous: previous)
    #expect(summary.labelled == 3)
    #expect(summary.reused == 1)
    let fresh = directory.appendingPathComponent("fresh.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: fresh))
    #expect(try Data(contentsOf: URL(fileURLWithPath: new)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
  }
}

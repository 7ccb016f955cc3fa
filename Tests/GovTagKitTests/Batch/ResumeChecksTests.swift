import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// What a resume checks before it continues, and how a refusal names what differs
/// (/work/probes/reprocess.md D2, D3, D6).
@Suite("Resume: what is checked, and refusals that name what differs")
struct ResumeChecksTests {
  /// The command line's names, so messages read as a user sees them.
  static let names = SettingNames([
    .resume: "--resume", .errors: "--errors", .evidence: "--evidence", .reviewBand: "--review-band",
    .maxRecordBytes: "--max-record-bytes",
  ])

  func configuration(_ change: (inout BatchConfiguration) -> Void = { _ in }) -> BatchConfiguration {
    // One worker: a window of 4 chunks, so a stop after `polls` records has committed some.
    var configuration = BatchConfiguration(jobs: 1)
    configuration.chunkRecords = 5
    configuration.checkpointInterval = 0  // save after every chunk
    configuration.settingNames = Self.names
    change(&configuration)
    return configuration
  }

  /// Runs until `polls` polls of the stop flag, leaving an interrupted run; returns how many
  /// records of its input the state counts as handled.
  @discardableResult
  func interrupt(
    _ runner: BatchRunner, inputs: [String], output: String, errors: String? = nil, polls: Int = 60
  ) throws -> Int {
    var count = 0
    let summary = try runner.run(inputs: inputs, destination: .init(output: output, errors: errors)) {
      count += 1
      return count > polls
    }
    #expect(summary.interrupted)
    let state = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + ".partial.state")))
    let handled = try #require((state as? [String: Any])?["recordsInInput"] as? Int)
    #expect(handled > 0)
    return handled
  }

  /// Runs `body` and puts `path`'s modification and access times back as they were, to the
  /// nanosecond (`touch -r`), as an edit that keeps them would.
  func keepingTimes(of path: String, _ body: () -> Void) throws {
    let reference = path + ".times"
    for arguments in [["-r", path, reference], nil, ["-r", reference, path]] {
      guard let arguments else {
        body()
        continue
      }
      let touch = try Process.run(URL(fileURLWithPath: "/usr/bin/touch"), arguments: arguments)
      touch.waitUntilExit()
      #expect(touch.terminationStatus == 0)
    }
    try FileManager.default.removeItem(atPath: reference)
  }

  /// The message of the error `body` throws, or `nil`.
  func message(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return "\(error)"
    }
  }

  @Test("a file edited in place with the same size and modification time is refused, and the output is left as it was")
  func editedInPlace() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let handled = try interrupt(runner, inputs: [input], output: output)
    let partial = try Data(contentsOf: URL(fileURLWithPath: output + ".partial"))
    let state = try Data(contentsOf: URL(fileURLWithPath: output + ".partial.state"))
    // 一网通办 → 一网统办 in the first record: same byte length, and the old times kept.
    let edited = BatchRunnerTests.corpus().replacingOccurrences(of: "通办", with: "统办")
    #expect(edited.utf8.count == BatchRunnerTests.corpus().utf8.count)
    try keepingTimes(of: input) { Fixtures.write(edited, to: "in.jsonl", in: directory) }

    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: \(input) changed since the interrupted run, though its size and modification time did not: its first \(handled) records differ from those the interrupted run read; run without --resume to start again"
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: output + ".partial")) == partial)
    #expect(try Data(contentsOf: URL(fileURLWithPath: output + ".partial.state")) == state)
  }

  @Test("a refused resume leaves bytes written after the last state (a killed run's) in place; an accepted one cuts them")
  func refusalKeepsTheUnfinishedOutput() throws {
    let directory = Fixtures.temporaryDirectory()
    let original = BatchRunnerTests.corpus()
    let input = Fixtures.write(original, to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: whole))
    try interrupt(runner, inputs: [input], output: output)
    // As if the run had gone on writing after its last save, then been killed.
    let handle = try #require(FileHandle(forWritingAtPath: output + ".partial"))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"id":"written after the last save"#.utf8))
    try handle.close()
    let partial = try Data(contentsOf: URL(fileURLWithPath: output + ".partial"))
    try keepingTimes(of: input) {
      Fixtures.write(original.replacingOccurrences(of: "通办", with: "统办"), to: "in.jsonl", in: directory)
    }
    #expect(throws: GovTagError.self) { try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: output + ".partial")) == partial)
    try keepingTimes(of: input) { Fixtures.write(original, to: "in.jsonl", in: directory) }
    _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true)
    #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole))
  }

  @Test("the errors file must be the interrupted run's: leaving it out or adding it is refused, naming --errors")
  func errorsFileDiffers() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let errors = directory.appendingPathComponent("err.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    try interrupt(runner, inputs: [input], output: output, errors: errors)
    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: the interrupted run also wrote failed records to --errors \(errors) (its first part is \(errors).partial); add --errors \(errors) to continue, or run without --resume to start again"
    )
    let other = directory.appendingPathComponent("other.jsonl").path
    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: output, errors: other), resume: true) }
        == "\(output): cannot resume: --errors differs from the interrupted run's: \(other) now, \(errors) then; give the same --errors as the interrupted run to continue, or run without --resume to start again"
    )
    // The same file named another way is the same errors file: the run continues.
    let spelled = directory.path + "/./err.jsonl"
    let finished = try runner.run(inputs: [input], destination: .init(output: output, errors: spelled), resume: true)
    #expect(!finished.interrupted)
    #expect(finished.failed == 3)

    let fresh = directory.appendingPathComponent("fresh.jsonl").path
    try interrupt(runner, inputs: [input], output: fresh)
    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: fresh, errors: errors), resume: true) }
        == "\(fresh): cannot resume: --errors \(errors) was not given to the interrupted run, so it would miss the failed records read before the interruption; leave out --errors to continue, or run without --resume to start again"
    )
  }

  @Test("another output setting is named with both values")
  func optionDiffers() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    try interrupt(BatchRunner(model: Fixtures.model, configuration: configuration()), inputs: [input], output: output)
    let all = BatchRunner(model: Fixtures.model, configuration: configuration { $0.evidenceDetail = .all })
    #expect(
      message { _ = try all.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: --evidence differs from the interrupted run's: all now, standard then; give the same --evidence as the interrupted run to continue, or run without --resume to start again"
    )
    let limit = BatchRunner(model: Fixtures.model, configuration: configuration { $0.maxRecordBytes = 1000 })
    #expect(
      message { _ = try limit.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: --max-record-bytes differs from the interrupted run's: 1000 now, 16777216 then; give the same --max-record-bytes as the interrupted run to continue, or run without --resume to start again"
    )
  }

  @Test("another --review-band with calibrated lexicons is named as such, not as changed lexicons")
  func reviewBandDiffers() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let lexicons = Fixtures.repository.appendingPathComponent("Lexicons").path
    let standard = try ClassifierModel.load(lexiconDirectory: lexicons)
    var narrow = ClassifierConfiguration()
    narrow.reviewBand = 0.3...0.7
    let banded = try ClassifierModel.load(lexiconDirectory: lexicons, configuration: narrow)
    #expect(standard.rulesVersion != banded.rulesVersion)
    try interrupt(BatchRunner(model: standard, configuration: configuration()), inputs: [input], output: output)
    #expect(
      message {
        _ = try BatchRunner(model: banded, configuration: configuration()).run(
          inputs: [input], destination: .init(output: output), resume: true)
      }
        == "\(output): cannot resume: --review-band differs from the interrupted run's: 0.3,0.7 now, 0.2,0.8 then; give the same --review-band as the interrupted run to continue, or run without --resume to start again"
    )
  }

  @Test("the same input named another way (./, an absolute path, a link) resumes to the uninterrupted output")
  func sameFileAnotherSpelling() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let link = directory.appendingPathComponent("link.jsonl").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: whole))
    for (index, spelling) in [directory.path + "/./in.jsonl", link].enumerated() {
      let output = directory.appendingPathComponent("out\(index).jsonl").path
      try interrupt(runner, inputs: [input], output: output)
      let finished = try runner.run(inputs: [spelling], destination: .init(output: output), resume: true)
      #expect(!finished.interrupted)
      #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole))
    }
    let other = Fixtures.write(BatchRunnerTests.corpus(), to: "copy.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    try interrupt(runner, inputs: [input], output: output)
    #expect(
      message { _ = try runner.run(inputs: [other], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: the inputs differ from the interrupted run's: it read \(input), this run names \(other); run without --resume to start again"
    )
  }

  @Test("an unfinished output without a state (killed before its first save) says so and what to do")
  func partialWithoutState() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    Fixtures.write("{\"id\":\"r0\"", to: "out.jsonl.partial", in: directory)
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output): there is no interrupted run to resume: \(output).partial was left by a run stopped before it committed anything (\(output).partial.state does not exist); run without --resume to start again (it replaces \(output).partial), or remove \(output).partial"
    )
  }

  @Test("a state written by an earlier GovTag (format 1, without the skipped bytes' hash) is refused, saying so")
  func earlierStateFormat() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    Fixtures.write("", to: "out.jsonl.partial", in: directory)
    Fixtures.write(#"{"format": 1, "inputIndex": 0, "recordsInInput": 5}"#, to: "out.jsonl.partial.state", in: directory)
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    #expect(
      message { _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true) }
        == "\(output).partial.state: the resume state was written by another GovTag version; run without --resume to start again"
    )
  }

  @Test("a run stopped before its first record leaves a state that --resume continues")
  func stoppedBeforeFirstRecord() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let stopped = try runner.run(inputs: [input], destination: .init(output: output)) { true }
    #expect(stopped.interrupted)
    #expect(stopped.interruptedAt == "before the first record was read")
    #expect(FileManager.default.fileExists(atPath: output + ".partial.state"))
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: whole))
    _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true)
    #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole))
  }

  @Test("CSV, JSON array and .txt folder inputs resume byte-identical, and an edit that keeps size and time is seen")
  func otherFormats() throws {
    let directory = Fixtures.temporaryDirectory()
    var csv = "id,text\n"
    var json = "[\n"
    for index in 0..<60 {
      csv += "c\(index),推进一网通办第\(index + 100)号\n"
      json += (index == 0 ? "" : ",\n") + #"{"id":"j\#(index)","text":"优化营商环境第\#(index + 100)号"}"#
      Fixtures.write("应用人工智能第\(index + 100)号", to: "cases/\(String(format: "%03d", index)).txt", in: directory)
    }
    let inputs = [
      Fixtures.write(csv, to: "in.csv", in: directory), Fixtures.write(json + "\n]\n", to: "in.json", in: directory),
      directory.appendingPathComponent("cases").path,
    ]
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    for (index, input) in inputs.enumerated() {
      let whole = directory.appendingPathComponent("whole\(index).jsonl").path
      _ = try runner.run(inputs: [input], destination: .init(output: whole))
      let output = directory.appendingPathComponent("out\(index).jsonl").path
      try interrupt(runner, inputs: [input], output: output, polls: 30)
      _ = try runner.run(inputs: [input], destination: .init(output: output), resume: true)
      #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole), "\(input)")
    }
    // A .txt file rewritten with the same length and time: its folder's listing is unchanged.
    let output = directory.appendingPathComponent("edited.jsonl").path
    let handled = try interrupt(runner, inputs: [inputs[2]], output: output, polls: 30)
    try keepingTimes(of: inputs[2] + "/000.txt") { Fixtures.write("应用人工智能第199号", to: "cases/000.txt", in: directory) }
    #expect(
      message { _ = try runner.run(inputs: [inputs[2]], destination: .init(output: output), resume: true) }
        == "\(output): cannot resume: the folder \(inputs[2]) changed since the interrupted run, though its size and modification time did not: its first \(handled) records differ from those the interrupted run read; run without --resume to start again"
    )
  }

  @Test("--previous counts records and ids apart, and finds the first repeated id")
  func previousDuplicates() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(
      [#"{"id":"a","text":"推进一网通办"}"#, #"{"id":"b","text":"优化营商环境"}"#, #"{"id":"a","text":"应用人工智能"}"#].joined(separator: "\n")
        + "\n", to: "in.jsonl", in: directory)
    let old = directory.appendingPathComponent("old.jsonl").path
    _ = try BatchRunner(model: Fixtures.model, configuration: configuration()).run(
      inputs: [input], destination: .init(output: old))
    let previous = try PreviousRun(path: old, rulesVersion: Fixtures.model.rulesVersion)
    #expect(previous.records == 3)
    #expect(previous.count == 2)
    #expect(previous.duplicates == 1)
    #expect(previous.firstDuplicate?.id == "a")
    #expect(previous.firstDuplicate?.location.line == 3)
    #expect(previous.firstDuplicate?.first.line == 1)
  }
}

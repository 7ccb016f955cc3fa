import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// A program that runs a batch gets hints in its own terms: with the default ``SettingNames``
/// no message names a command-line flag (the command line passes its flags and keeps its wording;
/// the CLI tests pin that).
@Suite("Batch messages for a program name no command-line flag")
struct BatchMessagesTests {
  func runner(_ configure: (inout BatchConfiguration) -> Void = { _ in }) -> BatchRunner {
    var configuration = BatchConfiguration(jobs: 2)
    configure(&configuration)
    return BatchRunner(model: Fixtures.model, configuration: configuration)
  }

  /// The error a run throws, or `nil`.
  func error(of body: () throws -> Void) -> GovTagError? {
    do {
      try body()
      return nil
    } catch {
      return error as? GovTagError
    }
  }

  @Test("resuming: without an output file, and without an interrupted run")
  func resume() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(#"{"id":"a","text":"推进一网通办"}"# + "\n", to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let toStandardOutput = error { _ = try runner().run(inputs: [input], destination: .init(output: nil), resume: true) }
    #expect(toStandardOutput?.description == "resuming needs an output file; standard output cannot be resumed")
    let nothing = error { _ = try runner().run(inputs: [input], destination: .init(output: output), resume: true) }
    #expect(
      nothing?.description
        == "\(output): there is no interrupted run to resume; \(output).partial.state does not exist; run without resuming")
  }

  @Test("an unfinished output that cannot be reopened or is too short: start again without resuming")
  func unfinishedOutput() throws {
    let directory = Fixtures.temporaryDirectory()
    let output = directory.appendingPathComponent("out.jsonl").path
    let missing = error { _ = try OutputFile.resuming(output, at: 10) }
    #expect(
      missing?.description
        == "\(output).partial: cannot reopen the unfinished output: No such file or directory; start again without resuming")
    Fixtures.write("12345", to: "out.jsonl.partial", in: directory)
    let short = error { _ = try OutputFile.resuming(output, at: 10) }
    #expect(
      short?.description
        == "\(output).partial: the unfinished output is shorter than its resume state says; start again without resuming")
  }

  @Test("an output that is an input, or the errors file that is the output, is named as such")
  func overlap() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(#"{"id":"a","text":"推进一网通办"}"# + "\n", to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let ownInput = error { _ = try runner().run(inputs: [input], destination: .init(output: input)) }
    #expect(
      ownInput?.description
        == "\(input): the output \(input) is the same file as the input \(input); the run would replace its own input; write the output to another file"
    )
    let twice = error { _ = try runner().run(inputs: [input], destination: .init(output: output, errors: output)) }
    #expect(
      twice?.description
        == "\(output): the errors file \(output) is the same file as the output \(output); give each output its own file")
  }

  @Test("a record over the size limit, a file read as a text folder, a folder read as a file")
  func limitsAndFormats() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(#"{"id":"a","text":"推进一网通办"}"# + "\n", to: "in.jsonl", in: directory)
    let folder = directory.appendingPathComponent("cases").path
    Fixtures.write("推进一网通办", to: "cases/a.txt", in: directory)
    var failures: [String] = []
    let output = directory.appendingPathComponent("out.jsonl").path
    func collect(_ event: BatchRunner.Event) {
      switch event {
      case .recordFailed(let error): failures.append(error.description)
      case .inputFailed(let error): failures.append(error.description)
      case .fieldsReplaced, .progress: break
      }
    }
    _ = try runner { $0.maxRecordBytes = 10 }.run(inputs: [input], destination: .init(output: output), onEvent: collect)
    _ = try runner { $0.inputFormat = .txt }.run(inputs: [input], destination: .init(output: output), onEvent: collect)
    _ = try runner { $0.inputFormat = .jsonl }.run(inputs: [folder], destination: .init(output: output), onEvent: collect)
    let size = #"{"id":"a","text":"推进一网通办"}"#.utf8.count
    #expect(
      failures == [
        "\(input):1: the record is \(size) bytes, more than the limit of 10; split its text, or raise the record size limit",
        "\(input): the txt input format needs a folder of .txt files",
        "\(folder): the input is a directory; name the files inside it, or choose the txt input format for a folder of .txt files",
      ])
  }
}

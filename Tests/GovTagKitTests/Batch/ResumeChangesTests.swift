import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Resume: changed text folders, and a signal after the last record")
struct ResumeChangesTests {
  func configuration() -> BatchConfiguration {
    var configuration = BatchConfiguration(jobs: 1)
    configuration.chunkRecords = 1
    configuration.checkpointInterval = 0
    return configuration
  }

  /// A folder of four .txt files, one in a subfolder.
  func makeFolder(in directory: URL) -> String {
    for (name, text) in [("a.txt", "推进一网通办"), ("b.txt", "优化营商环境"), ("sub/c.txt", "应用人工智能"), ("d.txt", "建设物联网")] {
      Fixtures.write(text, to: "cases/\(name)", in: directory)
    }
    return directory.appendingPathComponent("cases").path
  }

  struct FolderChange: Sendable, CustomTestStringConvertible {
    var id: String
    var change: @Sendable (URL) throws -> Void
    var reason: String
    var testDescription: String { id }
  }

  static let changes: [FolderChange] = [
    FolderChange(
      id: "a file added in a subfolder", change: { Fixtures.write("新增", to: "cases/sub/e.txt", in: $0) },
      reason: "it held 4 .txt files, now 5"),
    FolderChange(
      id: "a file removed", change: { try FileManager.default.removeItem(at: $0.appendingPathComponent("cases/d.txt")) },
      reason: "it held 4 .txt files, now 3"),
    FolderChange(
      id: "a file grown", change: { Fixtures.write("推进一网通办改革", to: "cases/a.txt", in: $0) },
      reason: "its .txt files held 69 bytes, now 75"),
    FolderChange(
      id: "a file renamed",
      change: {
        try FileManager.default.moveItem(
          at: $0.appendingPathComponent("cases/b.txt"), to: $0.appendingPathComponent("cases/e.txt"))
      }, reason: "a .txt file was renamed, replaced or modified"),
    FolderChange(
      id: "a file touched (same name and size, new modification time)",
      change: {
        let path = $0.appendingPathComponent("cases/sub/c.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)], ofItemAtPath: path)
      }, reason: "a .txt file was renamed, replaced or modified"),
  ]

  @Test("--resume with a .txt folder refuses, saying what changed", arguments: changes)
  func folderChanged(_ item: FolderChange) throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = makeFolder(in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    var polls = 0
    let stopped = try runner.run(inputs: [folder], destination: .init(output: output)) {
      polls += 1
      return polls > 2
    }
    #expect(stopped.interrupted)
    try item.change(directory)
    do {
      _ = try runner.run(inputs: [folder], destination: .init(output: output), resume: true)
      Issue.record("a changed folder must not be resumed")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "\(output): cannot resume: the folder \(folder) changed since the interrupted run: \(item.reason); start again without resuming"
      )
    }
  }

  @Test("a change inside a linked subfolder, or in a folder given as a link, is seen too", arguments: [false, true])
  func linkedFolderChanged(givenAsLink: Bool) throws {
    let directory = Fixtures.temporaryDirectory()
    let real = makeFolder(in: directory)
    Fixtures.write("建设物联网感知", to: "elsewhere/x.txt", in: directory)
    try FileManager.default.createSymbolicLink(
      atPath: real + "/linked", withDestinationPath: directory.appendingPathComponent("elsewhere").path)
    var folder = real
    if givenAsLink {
      folder = directory.appendingPathComponent("cases-link").path
      try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: real)
    }
    let output = directory.appendingPathComponent("out.jsonl").path
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    var polls = 0
    let stopped = try runner.run(inputs: [folder], destination: .init(output: output)) {
      polls += 1
      return polls > 2
    }
    #expect(stopped.interrupted)
    Fixtures.write("建设物联网感知网络", to: "elsewhere/x.txt", in: directory)
    do {
      _ = try runner.run(inputs: [folder], destination: .init(output: output), resume: true)
      Issue.record("a changed linked folder must not be resumed")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "\(output): cannot resume: the folder \(folder) changed since the interrupted run: its .txt files held 90 bytes, now 96; start again without resuming"
      )
    }
  }

  @Test("an unchanged folder resumes to the uninterrupted output")
  func folderUnchanged() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = makeFolder(in: directory)
    let runner = BatchRunner(model: Fixtures.model, configuration: configuration())
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [folder], destination: .init(output: whole))
    let output = directory.appendingPathComponent("out.jsonl").path
    var polls = 0
    _ = try runner.run(inputs: [folder], destination: .init(output: output)) {
      polls += 1
      return polls > 2
    }
    Fixtures.write("not a case", to: "cases/notes.md", in: directory)  // not a .txt file: no change
    let finished = try runner.run(inputs: [folder], destination: .init(output: output), resume: true)
    #expect(finished.labelled == 4)
    #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole))
  }

  @Test("a signal after every record was read still interrupts: no output, resumable, identical once resumed")
  func signalAfterLastRecord() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(BatchRunnerTests.corpus(), to: "in.jsonl", in: directory)
    let runner = BatchRunner(model: Fixtures.model, configuration: BatchConfiguration(jobs: 2))
    let whole = directory.appendingPathComponent("whole.jsonl").path
    _ = try runner.run(inputs: [input], destination: .init(output: whole))
    let output = directory.appendingPathComponent("out.jsonl").path
    var readEverything = false
    let stopped = try runner.run(inputs: [input], destination: .init(output: output)) {
      // True only once the input's end was written: every record had been read.
      readEverything
    } onEvent: { event in
      if case .progress(let summary) = event, summary.inputsRead == 1 { readEverything = true }
    }
    #expect(stopped.interrupted)
    #expect(stopped.interruptedAt == "after every record was read, before the output was finished")
    #expect(!FileManager.default.fileExists(atPath: output))
    let finished = try runner.run(inputs: [input], destination: .init(output: output), resume: true)
    #expect(!finished.interrupted)
    #expect(FileManager.default.contentsEqual(atPath: output, andPath: whole))
  }
}

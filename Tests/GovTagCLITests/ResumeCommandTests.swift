import Foundation
import GovTagTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("govtag tag: Ctrl-C and --resume")
struct ResumeCommandTests {
  @Test("Ctrl-C stops with status 130 and a resumable state; --resume finishes byte-identical output")
  func interruptAndResume() throws {
    let directory = Fixtures.temporaryDirectory()
    var lines: [String] = []
    for index in 0..<4000 {
      lines.append(#"{"id":"r\#(index)","text":"推进一网通办，优化营商环境，应用人工智能，深圳市南山区建设物联网。第\#(index)号"}"#)
    }
    Fixtures.write(lines.joined(separator: "\n") + "\n", to: "in.jsonl", in: directory)
    let lexicons = ["--lexicons", Fixtures.lexiconDirectory, "--jobs", "2"]
    let whole = try CommandRunner.run(["tag", "in.jsonl", "-o", "whole.jsonl", "-q"] + lexicons, in: directory)
    #expect(whole.status == 0)

    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["tag", "in.jsonl", "-o", "resumed.jsonl", "-q"] + lexicons
    process.currentDirectoryURL = directory
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    // Wait until the first state is saved, so the interrupt lands mid-run.
    let state = directory.appendingPathComponent("resumed.jsonl.partial.state").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: state) && process.isRunning && Date() < deadline { usleep(20_000) }
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    if process.terminationStatus == 0 {
      // The run finished before the signal: nothing to resume, and the output must be whole.
      #expect(
        FileManager.default.contentsEqual(
          atPath: directory.appendingPathComponent("resumed.jsonl").path,
          andPath: directory.appendingPathComponent("whole.jsonl").path))
      return
    }
    #expect(process.terminationStatus == 130)
    #expect(message.contains("govtag: the output is unfinished; run the same command with --resume to continue"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("resumed.jsonl").path))
    let resumed = try CommandRunner.run(["tag", "in.jsonl", "-o", "resumed.jsonl", "--resume"] + lexicons, in: directory)
    #expect(resumed.status == 0)
    #expect(resumed.stderr.contains("resumed after"))
    #expect(
      FileManager.default.contentsEqual(
        atPath: directory.appendingPathComponent("resumed.jsonl").path,
        andPath: directory.appendingPathComponent("whole.jsonl").path))
  }

  @Test("--resume without an interrupted run says so")
  func nothingToResume() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(#"{"id":"a","text":"x"}"# + "\n", to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(
      ["tag", "in.jsonl", "-o", "out.jsonl", "--resume", "--lexicons", Fixtures.lexiconDirectory], in: directory)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: out.jsonl: there is no interrupted run to resume; out.jsonl.partial.state does not exist; run without --resume\n"
    )
  }

  /// Records for a run long enough to interrupt.
  static func records(_ count: Int) -> [String] {
    (0..<count).map { #"{"id":"r\#($0)","text":"推进一网通办，优化营商环境，应用人工智能，深圳市南山区建设物联网。第\#($0)号"}"# }
  }

  /// Starts `govtag arguments…` in `directory` (through `launcher` when given), its standard error in a pipe.
  static func start(
    _ arguments: [String], in directory: URL, input: Pipe? = nil, launcher: [String] = []
  ) throws -> (Process, Pipe) {
    let process = Process()
    if launcher.isEmpty {
      process.executableURL = CommandRunner.executable
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: launcher[0])
      process.arguments = Array(launcher.dropFirst()) + [CommandRunner.executable.path] + arguments
    }
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["GOVTAG_LEXICONS"] = nil
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    if let input { process.standardInput = input }
    try process.run()
    return (process, errors)
  }

  /// Waits until `path` exists (and holds at least `bytes` bytes) or the process ends.
  static func wait(for path: String, bytes: Int = 0, while process: Process) {
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning && Date() < deadline {
      if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue >= bytes {
        return
      }
      usleep(20_000)
    }
  }

  @Test(
    "--resume with standard input: the same stream finishes byte-identical; another or a shorter one is refused, changing nothing"
  )
  func standardInput() throws {
    let directory = Fixtures.temporaryDirectory()
    let lines = Self.records(1500)
    let full = lines.joined(separator: "\n") + "\n"
    let lexicons = ["--lexicons", Fixtures.lexiconDirectory, "--jobs", "2"]
    let whole = try CommandRunner.run(["tag", "-", "-o", "whole.jsonl", "-q"] + lexicons, in: directory, stdin: full)
    #expect(whole.status == 0)

    // Send the first 1000 lines and keep the pipe open: the run waits for more, and is
    // interrupted once output has reached the disk.
    let input = Pipe()
    let (process, errors) = try Self.start(["tag", "-", "-o", "resumed.jsonl", "-q"] + lexicons, in: directory, input: input)
    input.fileHandleForWriting.write(Data((lines[..<1000].joined(separator: "\n") + "\n").utf8))
    Self.wait(for: directory.appendingPathComponent("resumed.jsonl.partial").path, bytes: 1, while: process)
    usleep(300_000)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    try input.fileHandleForWriting.close()
    _ = errors.fileHandleForReading.readDataToEndOfFile()
    #expect(process.terminationStatus == 130)
    let partial = directory.appendingPathComponent("resumed.jsonl.partial")
    let statePath = directory.appendingPathComponent("resumed.jsonl.partial.state")
    let state = try JSONSerialization.jsonObject(with: Data(contentsOf: statePath)) as? [String: Any]
    let handled = try #require(state?["recordsInInput"] as? Int)
    #expect(handled > 0)
    let partialBytes = try Data(contentsOf: partial)
    let stateBytes = try Data(contentsOf: statePath)

    let resume = ["tag", "-", "-o", "resumed.jsonl", "--resume"] + lexicons
    let shuffled = try CommandRunner.run(resume, in: directory, stdin: lines.reversed().joined(separator: "\n") + "\n")
    #expect(shuffled.status == 2)
    #expect(
      shuffled.stderr
        == "govtag: error: resumed.jsonl: cannot resume: the standard input is not the one the interrupted run read: its first \(handled) records differ from those the interrupted run read; pipe in the same input to continue, or run without --resume to start again\n"
    )
    let shorter = try CommandRunner.run(resume, in: directory, stdin: lines[..<10].joined(separator: "\n") + "\n")
    #expect(shorter.status == 2)
    #expect(
      shorter.stderr
        == "govtag: error: resumed.jsonl: cannot resume: the standard input is not the one the interrupted run read: it ends after 10 records, but the interrupted run had read \(handled); pipe in the same input to continue, or run without --resume to start again\n"
    )
    #expect(try Data(contentsOf: partial) == partialBytes)
    #expect(try Data(contentsOf: statePath) == stateBytes)

    let same = try CommandRunner.run(resume, in: directory, stdin: full)
    #expect(same.status == 0)
    #expect(same.stderr.contains("; resumed after \(handled) records ("))
    #expect(
      FileManager.default.contentsEqual(
        atPath: directory.appendingPathComponent("resumed.jsonl").path,
        andPath: directory.appendingPathComponent("whole.jsonl").path))
  }

  @Test("a SIGINT ignored when govtag started (a script's background job) stays ignored; SIGTERM still stops the run")
  func inheritedIgnoredInterrupt() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.records(6000).joined(separator: "\n") + "\n", to: "in.jsonl", in: directory)
    let arguments = ["tag", "in.jsonl", "-o", "out.jsonl", "--lexicons", Fixtures.lexiconDirectory, "--jobs", "1"]
    // `trap '' INT` sets SIGINT to ignored, and exec keeps it so, as a shell does for `cmd &`.
    let launcher = ["/bin/sh", "-c", #"trap '' INT; exec "$0" "$@""#]
    let (process, errors) = try Self.start(arguments, in: directory, launcher: launcher)
    Self.wait(for: directory.appendingPathComponent("out.jsonl.partial").path, while: process)
    kill(process.processIdentifier, SIGINT)
    usleep(500_000)
    let runningAfterInterrupt = process.isRunning
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    if runningAfterInterrupt {
      #expect(process.terminationStatus == 143)
      #expect(message.contains("govtag: interrupted by SIGTERM "))
      #expect(!message.contains("SIGINT"))
    } else {
      // The run finished before the SIGTERM: the SIGINT did not stop it.
      #expect(process.terminationStatus == 0)
      #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
    }
  }

  @Test("a SIGTERM while the lexicons load exits 143 with a message and a state that --resume continues")
  func earlyTermination() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.records(300).joined(separator: "\n") + "\n", to: "in.jsonl", in: directory)
    let lexicons = ["--lexicons", Fixtures.repository.appendingPathComponent("Lexicons").path, "--jobs", "1"]
    let whole = try CommandRunner.run(["tag", "in.jsonl", "-o", "whole.jsonl", "-q"] + lexicons, in: directory)
    #expect(whole.status == 0)
    // The signal must land after the handler is installed and before the first record: try
    // later and later until one does (a signal before the process has started kills it, as
    // for any program).
    var caught = false
    for delay in [10_000, 20_000, 40_000, 60_000, 90_000, 130_000, 200_000] where !caught {
      let output = directory.appendingPathComponent("early.jsonl").path
      try? FileManager.default.removeItem(atPath: output)
      let (process, errors) = try Self.start(["tag", "in.jsonl", "-o", "early.jsonl"] + lexicons, in: directory)
      usleep(UInt32(delay))
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      guard process.terminationReason == .exit, process.terminationStatus == 143 else { continue }
      // However early it was caught, 143 means the run can be resumed.
      #expect(message.hasSuffix("govtag: the output is unfinished; run the same command with --resume to continue\n"))
      #expect(FileManager.default.fileExists(atPath: output + ".partial.state"))
      caught = message.contains("govtag: interrupted by SIGTERM before the first record was read: read 0 records")
      let resumed = try CommandRunner.run(["tag", "in.jsonl", "-o", "early.jsonl", "--resume", "-q"] + lexicons, in: directory)
      #expect(resumed.status == 0)
      #expect(FileManager.default.contentsEqual(atPath: output, andPath: directory.appendingPathComponent("whole.jsonl").path))
    }
    #expect(caught)
  }
}

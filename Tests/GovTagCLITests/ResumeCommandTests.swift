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
}

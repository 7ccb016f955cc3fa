import Foundation
import GovTagTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("govtag tag: limits, signals and what reaches the terminal")
struct TagLimitsCommandTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  @Test("a record over --max-record-bytes becomes an error record in its place, with source and line")
  func oversizeRecord() throws {
    let long = #"{"id":"long","text":""# + String(repeating: "推进一网通办", count: 20) + #""}"#
    let input = #"{"id":"a","text":"推进一网通办"}"# + "\n" + long + "\n" + #"{"id":"b","text":"优化营商环境"}"# + "\n"
    let result = try CommandRunner.run(["tag", "-", "--max-record-bytes", "200", "-q"] + lexicons, stdin: input)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "govtag: error: <stdin>:2: the record is \(long.utf8.count) bytes, more than the limit of 200; split its text, or raise --max-record-bytes\n"
    )
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"id":"a","#))
    #expect(
      lines[1].hasPrefix(
        #"{"id":null,"error":{"source":"<stdin>","line":2,"reason":"the record is \#(long.utf8.count) bytes, more than the limit of 200""#
      ))
    #expect(lines[2].hasPrefix(#"{"id":"b","#))
    // The default (16 MiB) labels it.
    let normal = try CommandRunner.run(["tag", "-"] + lexicons, stdin: input)
    #expect(normal.status == 0)
  }

  @Test("--jobs beyond the cap is a usage error that names the cap")
  func jobsCap() throws {
    let result = try CommandRunner.run(["tag", "-", "--jobs", "40000"] + lexicons, stdin: "")
    #expect(result.status == 64)
    let cores = ProcessInfo.processInfo.activeProcessorCount
    #expect(
      result.stderr.hasPrefix(
        "Error: --jobs must be between 1 and 256 (this machine has \(cores) cores; more workers than cores gain nothing)\n"))
    let help = try CommandRunner.run(["tag", "--help"])
    #expect(help.stdout.contains("Worker threads, 1 to 256 (default: all cores)."))
  }

  @Test("control characters in ids and input are escaped in messages")
  func escapedMessages() throws {
    let input = #"{"id":"evil\u001b[2J\u0007\r\nforged","title":1}"# + "\n"
    let result = try CommandRunner.run(["tag", "-", "-q"] + lexicons, stdin: input)
    #expect(result.status == 1)
    #expect(
      result.stderr
        == #"govtag: error: <stdin>:1: record "evil\u{1B}[2J\u{7}\r\nforged": the record has no "text" field; put the narrative in "text""#
        + "\n")
    // ArgumentParser's messages quote arguments as given: escaped too, usage lines kept.
    let option = try CommandRunner.run(["tag", "--bo\u{1B}[2J\u{7}gus", "-"])
    #expect(option.status == 64)
    #expect(
      option.stderr
        == #"Error: Unknown option '--bo\u{1B}[2J\u{7}gus'"#
        + "\nUsage: govtag tag [<options>] [<inputs> ...]\n  See 'govtag tag --help' for more information.\n")
  }

  @Test("SIGTERM in the middle of one long record stops at once with 143 and says what it cut short")
  func termDuringLongRecord() throws {
    let directory = Fixtures.temporaryDirectory()
    // About 1 MB of text: seconds of labelling in a debug build, so the signal lands inside it.
    let text = String(repeating: "本市推进一网通办改革，优化营商环境，应用人工智能建设物联网。", count: 12_000)
    Fixtures.write(
      #"{"id":"long","text":"\#(text)"}"# + "\n" + #"{"id":"b","text":"推进一网通办"}"# + "\n", to: "in.jsonl", in: directory)
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["tag", "in.jsonl", "-o", "out.jsonl", "--jobs", "1"] + lexicons
    process.currentDirectoryURL = directory
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let partial = directory.appendingPathComponent("out.jsonl.partial").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: partial) && Date() < deadline { usleep(10_000) }
    usleep(200_000)
    let sent = Date()
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    let waited = Date().timeIntervalSince(sent)
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 143)
    #expect(waited < 5)
    #expect(
      message.hasPrefix("govtag: interrupted by SIGTERM while labelling in.jsonl:1 and the records after it: read 0 records"))
    #expect(message.hasSuffix("govtag: the output is unfinished; run the same command with --resume to continue\n"))
    #expect(FileManager.default.fileExists(atPath: partial + ".state"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
  }

  @Test("SIGTERM while standard input sends nothing stops at once with 143 and says where it was reading")
  func termWhileWaitingForInput() throws {
    let directory = Fixtures.temporaryDirectory()
    let process = Process()
    process.executableURL = CommandRunner.executable
    process.arguments = ["tag", "-", "-o", "out.jsonl"] + lexicons
    process.currentDirectoryURL = directory
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardError = errors
    try process.run()
    // One record, then the writer stays silent with the pipe open.
    input.fileHandleForWriting.write(Data((#"{"id":"a","text":"推进一网通办"}"# + "\n").utf8))
    let partial = directory.appendingPathComponent("out.jsonl.partial").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: partial) && Date() < deadline { usleep(10_000) }
    usleep(300_000)
    let sent = Date()
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    let waited = Date().timeIntervalSince(sent)
    try input.fileHandleForWriting.close()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 143)
    #expect(waited < 5)
    #expect(message.hasPrefix("govtag: interrupted by SIGTERM while reading <stdin>:2: read "))
    #expect(message.hasSuffix("govtag: the output is unfinished; run the same command with --resume to continue\n"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
  }

  @Test("tag --help states each default once, not this machine's core count")
  func helpDefaults() throws {
    let help = try CommandRunner.run(["tag", "--help"]).stdout
    #expect(help.contains("Worker threads, 1 to 256 (default: all cores).\n"))
    #expect(help.contains("instead of being labelled (default 16 MiB).\n"))
    #expect(!help.contains("(default: 16777216)"))
    #expect(!help.contains("(default: \(ProcessInfo.processInfo.activeProcessorCount))"))
    let padding = String(repeating: " ", count: 26)
    #expect(help.contains("CSV column holding the id (without one, ids are row\n\(padding)numbers). (default: id)"))
  }

  @Test(
    "a negative number gets the option's range message, not 'Missing value'",
    arguments: [
      (["tag", "x", "--jobs", "-1"], "Error: --jobs must be between 1 and 256"),
      (["tag", "x", "--max-record-bytes", "-5"], "Error: --max-record-bytes must be at least 1"),
      (["audit", "x", "--top", "-1"], "Error: --top must be 0 or more"),
      (["diff", "a", "b", "--ids", "-1"], "Error: --ids must be 0 or more"),
      (["eval", "x", "--review-band", "-0.1,0.5"], "Error: --review-band takes LOW,HIGH with 0 ≤ LOW ≤ HIGH ≤ 1"),
      (["lexicon", "suggest", "x", "--min-count", "-2"], "Error: --min-count must be at least 1"),
      (["calibrate", "x", "--folds", "-3", "-o", "y"], "Error: --folds must be at least 2"),
    ])
  func negativeNumbers(arguments: [String], message: String) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
  }
}

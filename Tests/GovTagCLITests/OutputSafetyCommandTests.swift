import Foundation
import GovTagTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("govtag tag and report: outputs never replace inputs, each other, links or devices")
struct OutputSafetyCommandTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory, "-q"]
  static let record = #"{"id":"a","text":"推进一网通办"}"# + "\n"

  struct SameFileCase: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var message: String
    var testDescription: String { id }
  }

  static let sameFileCases: [SameFileCase] = [
    SameFileCase(
      id: "-o spelled differently from the input", arguments: ["tag", "in.jsonl", "-o", "./sub/../in.jsonl"],
      message:
        "govtag: error: ./sub/../in.jsonl: -o ./sub/../in.jsonl is the same file as the input in.jsonl; the run would replace its own input; write the output to another file\n"
    ),
    SameFileCase(
      id: "-o a symbolic link to the input", arguments: ["tag", "in.jsonl", "-o", "link.jsonl"],
      message:
        "govtag: error: link.jsonl: -o link.jsonl is the same file as the input in.jsonl; the run would replace its own input; write the output to another file\n"
    ),
    SameFileCase(
      id: "--errors the input", arguments: ["tag", "in.jsonl", "-o", "out.jsonl", "--errors", "in.jsonl"],
      message:
        "govtag: error: in.jsonl: --errors in.jsonl is the same file as the input in.jsonl; the run would replace its own input; write the output to another file\n"
    ),
    SameFileCase(
      id: "--errors equal to -o, neither existing yet",
      arguments: ["tag", "in.jsonl", "-o", "new.jsonl", "--errors", "sub/../new.jsonl"],
      message:
        "govtag: error: sub/../new.jsonl: --errors sub/../new.jsonl is the same file as -o new.jsonl; give each output its own file\n"
    ),
    SameFileCase(
      id: "report -o its input", arguments: ["report", "in.jsonl", "-o", "link.jsonl"],
      message:
        "govtag: error: link.jsonl: -o link.jsonl is the same file as the input in.jsonl; the run would replace its own input; write the output to another file\n"
    ),
    SameFileCase(
      id: "audit --csv its input", arguments: ["audit", "in.jsonl", "--csv", "./in.jsonl"],
      message:
        "govtag: error: ./in.jsonl: --csv ./in.jsonl is the same file as the input in.jsonl; the run would replace its own input; write the output to another file\n"
    ),
  ]

  @Test("an output that is an input, or the other output, is refused and nothing is touched", arguments: sameFileCases)
  func sameFile(_ item: SameFileCase) throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.record, to: "in.jsonl", in: directory)
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("link.jsonl").path, withDestinationPath: "in.jsonl")
    let result = try CommandRunner.run(
      item.arguments + (item.arguments[0] == "report" ? ["-q"] : ["--lexicons", Fixtures.lexiconDirectory]), in: directory)
    #expect(result.status == 2)
    #expect(result.stderr == item.message)
    #expect(try String(contentsOf: directory.appendingPathComponent("in.jsonl"), encoding: .utf8) == Self.record)
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(left == ["in.jsonl", "link.jsonl", "sub"])
  }

  @Test("a second run writing the same output fails at once and leaves the first run's file alone")
  func concurrentRuns() throws {
    let directory = Fixtures.temporaryDirectory()
    let fifo = directory.appendingPathComponent("in.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // The first run reads a FIFO nobody writes yet, so it holds its output open.
    let first = Process()
    first.executableURL = CommandRunner.executable
    first.arguments = ["tag", "--input-format", "jsonl", "in.fifo", "-o", "out.jsonl"] + lexicons
    first.currentDirectoryURL = directory
    try first.run()
    let partial = directory.appendingPathComponent("out.jsonl.partial").path
    let deadline = Date().addingTimeInterval(60)
    while !FileManager.default.fileExists(atPath: partial) && Date() < deadline { usleep(20_000) }
    let second = try CommandRunner.run(["tag", "-", "-o", "out.jsonl"] + lexicons, in: directory, stdin: Self.record)
    #expect(second.status == 2)
    #expect(
      second.stderr
        == "govtag: error: out.jsonl: another run is writing this output (out.jsonl.partial is locked); wait for that run to finish, or write to another file\n"
    )
    // Let the first run finish: its output is whole and holds only its own record.
    let writer = open(fifo, O_WRONLY | O_NONBLOCK)  // never blocks, even if the first run died
    _ = Self.record.withCString { write(writer, $0, strlen($0)) }
    close(writer)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    let output = try String(contentsOf: directory.appendingPathComponent("out.jsonl"), encoding: .utf8)
    #expect(output.split(separator: "\n").count == 1)
    #expect(output.hasPrefix(#"{"id":"a","text":"推进一网通办","labels":"#))
  }

  @Test("a symbolic link planted as OUT.partial is not written through")
  func plantedPartialLink() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.record, to: "in.jsonl", in: directory)
    Fixtures.write("precious\n", to: "victim", in: directory)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("out.jsonl.partial").path,
      withDestinationPath: directory.appendingPathComponent("victim").path)
    let result = try CommandRunner.run(["tag", "in.jsonl", "-o", "out.jsonl"] + lexicons, in: directory)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: out.jsonl: out.jsonl.partial is a symbolic link, not an unfinished GovTag output; refusing to write through it; remove out.jsonl.partial\n"
    )
    #expect(try String(contentsOf: directory.appendingPathComponent("victim"), encoding: .utf8) == "precious\n")
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
  }

  @Test("-o a FIFO or a null device writes into it; -o a link replaces its target and keeps the link")
  func nonRegularTargets() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(Self.record, to: "in.jsonl", in: directory)
    let expected = try CommandRunner.run(["tag", "in.jsonl"] + lexicons, in: directory).stdout

    // A null device of the test's own (as root; elsewhere mknod fails and this part is skipped),
    // so that a regression replaces a node in the test's folder, not the machine's /dev/null.
    let device = directory.appendingPathComponent("null").path
    if mknod(device, S_IFCHR | 0o666, 0x103) == 0 {
      let toDevice = try CommandRunner.run(["tag", "in.jsonl", "-o", "null"] + lexicons, in: directory)
      #expect(toDevice.status == 0)
      #expect(toDevice.stderr == "")
      #expect(try FileManager.default.attributesOfItem(atPath: device)[.type] as? FileAttributeType == .typeCharacterSpecial)
      #expect(!FileManager.default.fileExists(atPath: device + ".partial"))
      #expect(!FileManager.default.fileExists(atPath: device + ".partial.state"))
    }

    let fifo = directory.appendingPathComponent("out.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    nonisolated(unsafe) var received = Data()
    let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
    reader.start()
    let toFIFO = try CommandRunner.run(["tag", "in.jsonl", "-o", "out.fifo"] + lexicons, in: directory)
    let deadline = Date().addingTimeInterval(30)
    while !reader.isFinished && Date() < deadline { usleep(10_000) }
    if !reader.isFinished {
      // The run never opened the FIFO: open it here so the reading thread can end.
      Issue.record("govtag did not write into the FIFO")
      close(open(fifo, O_WRONLY | O_NONBLOCK))
    }
    #expect(toFIFO.status == 0)
    #expect(String(decoding: received, as: UTF8.self) == expected)
    #expect(try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType == .typeUnknown)
    #expect(!FileManager.default.fileExists(atPath: fifo + ".partial"))

    Fixtures.write("old\n", to: "target.jsonl", in: directory)
    let link = directory.appendingPathComponent("link.jsonl").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.jsonl")
    let throughLink = try CommandRunner.run(["tag", "in.jsonl", "-o", "link.jsonl"] + lexicons, in: directory)
    #expect(throughLink.status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.jsonl")
    #expect(try String(contentsOf: directory.appendingPathComponent("target.jsonl"), encoding: .utf8) == expected)
  }

  @Test("a run that could read nothing leaves no output file behind")
  func nothingRead() throws {
    let directory = Fixtures.temporaryDirectory()
    let result = try CommandRunner.run(
      ["tag", "nosuch.jsonl", "-o", "X", "--errors", "E", "--lexicons", Fixtures.lexiconDirectory], in: directory)
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == "govtag: error: nosuch.jsonl: cannot open the input: No such file or directory; check the path")
    #expect(lines.last == "govtag: no input could be read, so X was not written")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }
}

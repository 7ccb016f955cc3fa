import Foundation
import GovTagTestSupport
import Testing

/// Issue #14, end to end: what used to crash or mislead `govtag tag`.
@Suite("govtag tag: hostile input")
struct TagHardeningTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  /// The issue's reproduction: an extra field nested `depth` levels deep.
  static func deepRecord(_ id: String, _ depth: Int) -> String {
    #"{"id":"\#(id)","text":"一网通办","x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
  }

  @Test("a record nested 64 to 600 levels deep is an error record in filter mode: one line out per line in, exit 1")
  func deepNestingInFilterMode() throws {
    let depths = [63, 64, 65, 100, 511, 512, 513, 600]
    let input = depths.map { Self.deepRecord(String(format: "%03d", $0), $0) }.joined(separator: "\n") + "\n"
    let result = try CommandRunner.run(["tag", "-", "--quiet"] + lexicons, stdin: input)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == depths.count)
    let records = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    #expect(records.first??["id"] as? String == "063")
    #expect(records.first??["labels"] != nil)
    for record in records.dropFirst() {
      let error = record?["error"] as? [String: Any]
      #expect(error?["reason"] as? String == "nested deeper than 64 levels at byte 102")
    }
    #expect(result.stderr.split(separator: "\n").count == depths.count - 1)
  }

  @Test(
    "a compressed input is refused once, naming its format and the command that decompresses it",
    arguments: [
      ([0x1F, 0x8B, 0x08, 0x00], "gzip", "zcat"), ([0x28, 0xB5, 0x2F, 0xFD, 0x00], "zstd", "zstdcat"),
      ([0x42, 0x5A, 0x68, 0x39], "bzip2", "bzcat"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "xzcat"),
      ([0x50, 0x4B, 0x03, 0x04], "zip (an .xlsx or .docx is one too: save a spreadsheet as CSV)", "unzip -p"),
    ] as [([UInt8], String, String)])
  func compressedInput(magic: [UInt8], format: String, command: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The magic bytes, then bytes that are not UTF-8, as in a real archive.
    try Data(magic + [0xFF, 0xFE, 0x0A, 0x80, 0x0A]).write(to: directory.appendingPathComponent("cases.jsonl.z"))
    for extraArguments in [["--input-format", "jsonl"], ["--input-format", "json"], ["--input-format", "csv"]] {
      let result = try CommandRunner.run(["tag", "cases.jsonl.z", "-o", "out.jsonl"] + extraArguments + lexicons, in: directory)
      #expect(result.status == 1)
      #expect(
        result.stderr.hasPrefix(
          "govtag: error: cases.jsonl.z: the input is \(format)-compressed; GovTag reads uncompressed text; "
            + "decompress it on the way in: \(command) cases.jsonl.z | govtag … - (standard input)\n"),
        "\(extraArguments): \(result.stderr)")
      #expect(result.stderr.components(separatedBy: "error:").count == 2)
    }
    // Among other inputs, it fails alone: the others are still counted (exit 1, not 2).
    let labelled = Fixtures.path("report/labelled.jsonl")
    let stats = try CommandRunner.run(["stats", labelled, "cases.jsonl.z"], in: directory)
    #expect(stats.status == 1)
    #expect(stats.stdout.hasPrefix("# GovTag statistics: 8 cases"))
    #expect(stats.stderr.contains("the input is \(format)-compressed"))
    #expect(stats.stderr.hasSuffix("read 8 records from 2 inputs: 8 counted, 0 failed; 1 input could not be read\n"))
  }

  @Test("standard input named twice is a usage error; a JSON array in a .jsonl file says how it is read")
  func stdinTwiceAndArrayInJSONL() throws {
    let twice = try CommandRunner.run(["tag", "-", "-"] + lexicons, stdin: "")
    #expect(twice.status == 64)
    #expect(twice.stderr.hasPrefix("Error: standard input (-) can be read only once; name it once\n"))
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write(#"[{"id":"a","text":"一网通办"}]"# + "\n", to: "array.jsonl", in: directory)
    let array = try CommandRunner.run(["tag", "array.jsonl", "-o", "out.jsonl"] + lexicons, in: directory)
    #expect(array.status == 1)
    #expect(
      array.stderr.hasPrefix(
        "govtag: error: array.jsonl:1: a record must be a JSON object, found an array; each line must hold one JSON object "
          + "(a file that is one JSON array is read as one when its name ends in .json)\n"))
  }

  @Test("input fields named like GovTag's are reported once per input, naming them; --quiet silences it")
  func replacedFieldsWarning() throws {
    let input = #"{"id":"a","text":"x","labels":["mine"]}"# + "\n" + #"{"id":"b","text":"x","labels":[]}"# + "\n"
    let result = try CommandRunner.run(["tag", "-"] + lexicons, stdin: input)
    #expect(result.status == 0)
    #expect(
      result.stderr.split(separator: "\n").first
        == #"govtag: warning: <stdin>:1: the records carry "labels", named like fields GovTag writes: the output has GovTag's values in their place (reported once per input); rename the input fields to keep them"#
    )
    #expect(try CommandRunner.run(["tag", "-", "--quiet"] + lexicons, stdin: input).stderr == "")
  }

  @Test(
    "an unreadable subfolder of a .txt folder is reported with its path, not skipped (as nobody when the tests run as root)",
    .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func unreadableSubfolder() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write("推进一网通办", to: "cases/a.txt", in: directory)
    Fixtures.write("x", to: "cases/locked/l.txt", in: directory)
    let locked = directory.appendingPathComponent("cases/locked").path
    chmod(locked, 0)
    defer {
      chmod(locked, 0o755)
      try? FileManager.default.removeItem(at: directory)
    }
    // Root reads every folder: drop to nobody to see what a user sees. Nobody may not reach the
    // checkout (a clone in a 0700 folder from mktemp -d), so the binary and the lexicons it
    // runs with are copied into this test's own folder first.
    let process = Process()
    if getuid() == 0 {
      let binary = directory.appendingPathComponent("govtag")
      let copiedLexicons = directory.appendingPathComponent("lexicons")
      try FileManager.default.copyItem(at: CommandRunner.executable, to: binary)
      try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.lexiconDirectory), to: copiedLexicons)
      chmod(directory.path, 0o755)
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "tag", directory.appendingPathComponent("cases").path]
        + ["--quiet", "--lexicons", copiedLexicons.path]
    } else {
      let arguments = ["tag", directory.appendingPathComponent("cases").path, "--quiet"] + lexicons
      process.executableURL = CommandRunner.executable
      process.arguments = arguments
    }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(
      stderr
        == "govtag: error: \(locked): record \"locked\": cannot read the folder: Permission denied; its files are not labelled\n")
    #expect(stdout.split(separator: "\n").count == 1)
    #expect(stdout.hasPrefix(#"{"id":"a.txt","#))
  }
}

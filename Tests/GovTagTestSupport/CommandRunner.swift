package import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `govtag` binary and captures what it prints, like a user's shell would.
package enum CommandRunner {
  /// What a run printed and how it exited.
  package struct Result: Sendable {
    package var stdout: String
    package var stderr: String
    package var status: Int32
  }

  /// The `govtag` executable built beside the test bundle.
  package static let executable: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("govtag")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return Fixtures.repository.appendingPathComponent(".build/debug/govtag")
  }()

  /// Runs `govtag arguments…` in `directory` with `stdin` as standard input.
  ///
  /// The child gets this process's environment without `GOVTAG_LEXICONS` (so a value set in the
  /// developer's shell cannot change what tests see), plus `environment`.
  ///
  /// - Parameters:
  ///   - arguments: the arguments after `govtag`.
  ///   - directory: the working directory; the repository by default.
  ///   - stdin: standard input; empty by default.
  ///   - environment: variables to set for this run.
  ///   - executable: another copy of `govtag` to run (an installed one); the built one by default.
  /// Whether starting a process failed with ETXTBSY ("Text file busy"), directly or underneath.
  static func isTextFileBusy(_ error: NSError) -> Bool {
    if error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY) { return true }
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return isTextFileBusy(underlying) }
    return error.localizedDescription.contains("Text file busy")
  }

  /// - Returns: what the run printed and its exit status.
  package static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: String? = nil, environment: [String: String] = [:],
    executable: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable ?? Self.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? Fixtures.repository
    var variables = ProcessInfo.processInfo.environment
    variables["GOVTAG_LEXICONS"] = nil
    variables.merge(environment) { $1 }
    process.environment = variables
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    // A binary a test has just copied (an installation test) can be "busy" for a moment: a
    // process that another test forked meanwhile inherited the copy's write descriptor until it
    // calls exec. Retry then; any other error is thrown at once.
    for attempt in 1... {
      do {
        try process.run()
        break
      } catch let error as NSError where attempt < 50 && Self.isTextFileBusy(error) {
        Thread.sleep(forTimeInterval: 0.02)
      }
    }
    // Read both pipes while the process runs, so neither can fill up and block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data()
    nonisolated(unsafe) var errData = Data()
    DispatchQueue.global().async(group: group) { outData = output.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = errors.fileHandleForReading.readDataToEndOfFile() }
    if let stdin {
      // A run may stop reading before the end (a refused resume): its closed pipe must fail
      // this write, not kill the test process with SIGPIPE.
      signal(SIGPIPE, SIG_IGN)
      try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
    }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    group.wait()
    return Result(
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }
}

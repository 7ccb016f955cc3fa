import ArgumentParser
import Foundation
import GovTagKit

/// `govtag`: labels Chinese digital-government case narratives. Lists subcommands, and answers
/// `--version` itself because the answer includes the lexicons it would use.
@main
struct GovTagCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "govtag",
    abstract: "Label Chinese digital-government case narratives (数字政府建设案例) with explainable lexicon rules.",
    discussion: """
      Exit status: 0 success; 1 the run finished but some record or input failed; 2 a fatal \
      error (lexicons, configuration, I/O); 64 usage; 130 interrupted by Ctrl-C, 143 by SIGTERM \
      (resume with --resume).

      Lexicons: --lexicons DIR, else $GOVTAG_LEXICONS, else ../share/govtag/Lexicons beside the \
      executable, else ./Lexicons; govtag --version says which one a run would use.
      """,
    subcommands: [
      Tag.self, Explain.self, Segment.self, Lexicon.self,
      Eval.self,
      Calibrate.self,
      Audit.self,
      Stats.self,
      Report.self,
      Diff.self, Export.self, Import.self,
      Serve.self,
    ]
  )

  @Flag(help: "Show the GovTag and ICU versions, and the lexicon directory and version a run would use.")
  var version = false

  func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(Self.versionText(lexicons: LexiconDirectory.resolve(option: nil, names: .commandLine)))
  }

  /// ArgumentParser's `main`, except that its error messages, which quote the arguments as
  /// given, have their control characters escaped like every other message (line breaks of
  /// the usage text kept).
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var server = command as? any AsyncParsableCommand {
        try await server.run()
      } else {
        try command.run()
      }
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { Swift.print(message) }  // --help, --version: GovTag's own text
      } else if !message.isEmpty {
        let escaped = message.split(separator: "\n", omittingEmptySubsequences: false)
          .map { String($0).escapingControlCharacters }.joined(separator: "\n")
        FileHandle.standardError.write(Data((escaped + "\n").utf8))
      }
      Foundation.exit(code.rawValue)
    }
  }
}

import ArgumentParser
import GovTagKit

/// `govtag`: labels Chinese digital-government case narratives. Lists subcommands, and answers
/// `--version` itself because the answer includes the lexicons it would use.
@main
struct GovTagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "govtag",
    abstract: "Label Chinese digital-government case narratives (数字政府建设案例) with explainable lexicon rules.",
    discussion: """
      Exit status: 0 success; 1 the run finished but some record or input failed; 2 a fatal \
      error (lexicons, configuration, I/O); 64 usage; 130 interrupted (resume with --resume).

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
      Diff.self,
    ]
  )

  @Flag(help: "Show the GovTag and ICU versions, and the lexicon directory and version a run would use.")
  var version = false

  func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(Self.versionText(lexicons: LexiconDirectory.resolve(option: nil)))
  }
}

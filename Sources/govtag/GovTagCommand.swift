import ArgumentParser
import GovTagKit

/// `govtag`: labels Chinese digital-government case narratives. Only lists subcommands.
@main
struct GovTagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "govtag",
    abstract: "Label Chinese digital-government case narratives (数字政府建设案例) with explainable lexicon rules.",
    discussion: """
      Exit status: 0 success; 1 the run finished but some record or input failed; 2 a fatal \
      error (lexicons, configuration, I/O); 64 usage; 130 interrupted (resume with --resume).
      """,
    version: "govtag \(GovTagVersion.current) (ICU \(ICU.version))",
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
}

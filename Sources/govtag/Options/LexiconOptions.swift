import ArgumentParser
import GovTagKit

/// Where the lexicons are; shared by every subcommand that classifies.
struct LexiconOptions: ParsableArguments {
  @Option(name: .customLong("lexicons"), help: "The folder of lexicon files (with gazetteer.yaml and scope.yaml).")
  var directory = "Lexicons"

  /// Loads and compiles the lexicons, gazetteer and scope cues, printing every problem and
  /// exiting with status 2 on failure. A missing `scope.yaml` or `gazetteer.yaml` is printed as
  /// a warning (`govtag: warning: …`), even with `--quiet`: it switches scope or location off.
  func loadModel() throws -> ClassifierModel {
    try Diagnostics.orExit {
      try ClassifierModel.load(lexiconDirectory: directory) { Diagnostics.warning($0.description) }
    }
  }
}

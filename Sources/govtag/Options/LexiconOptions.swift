import ArgumentParser
import GovTagKit

/// Where the lexicons are; shared by every subcommand that classifies.
struct LexiconOptions: ParsableArguments {
  @Option(name: .customLong("lexicons"), help: "The folder of lexicon files (with gazetteer.yaml and scope.yaml).")
  var directory = "Lexicons"

  /// Loads and compiles the lexicons, gazetteer and scope cues, printing every problem and
  /// exiting with status 2 on failure.
  func loadModel(configuration: ClassifierConfiguration = ClassifierConfiguration()) throws -> ClassifierModel {
    try Diagnostics.orExit { try ClassifierModel.load(lexiconDirectory: directory, configuration: configuration) }
  }
}

import ArgumentParser
import GovTagKit

/// Where the lexicons are; shared by every subcommand that classifies.
struct LexiconOptions: ParsableArguments {
  @Option(name: .customLong("lexicons"), help: "The folder of lexicon files.")
  var directory = "Lexicons"

  /// Loads and compiles the lexicons, printing every problem and exiting with status 2 on failure.
  func loadModel() throws -> ClassifierModel {
    let lexicons = try Diagnostics.orExit { try LexiconLoader().load(directory: directory) }
    return ClassifierModel(lexicons: lexicons)
  }
}

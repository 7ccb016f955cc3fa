import ArgumentParser
import GovTagKit

/// Where the lexicons are; shared by every subcommand that classifies.
struct LexiconOptions: ParsableArguments {
  @Option(
    name: .customLong("lexicons"),
    help: ArgumentHelp(
      "The folder of lexicon files (with gazetteer.yaml and scope.yaml).",
      discussion: "Default: $GOVTAG_LEXICONS, else ../share/govtag/Lexicons beside the executable, else ./Lexicons.",
      valueName: "dir"))
  var directory: String?

  /// The directory this run uses, and the rule that chose it.
  var resolved: LexiconDirectory { LexiconDirectory.resolve(option: directory, names: .commandLine) }

  /// Loads only the folder's gazetteer, for commands that check place names but classify
  /// nothing (stats, report); `nil` when the folder has no `gazetteer.yaml` (a warning, when
  /// `warns`, says names are then taken as written) or when no folder was named and there is no
  /// `./Lexicons`. A folder that cannot be read or a broken file exits with status 2, as
  /// ``loadModel(configuration:)`` does.
  ///
  /// - Parameter warns: whether to warn of a folder without `gazetteer.yaml` (not when no
  ///   province name is read).
  func loadGazetteer(warns: Bool = true) throws -> Gazetteer? {
    try Diagnostics.orExit {
      try resolved.loadGazetteer { if warns { Diagnostics.warning($0.description) } }
    }
  }

  /// Loads and compiles the lexicons, gazetteer, scope cues and calibration, printing every
  /// problem (each naming the directory and the rule that chose it) and exiting with status 2 on
  /// failure. What loads but switches a rule off is printed as a warning (`govtag: warning: …`)
  /// for every command that loads lexicons (explain, eval, audit, tag...): a missing `scope.yaml`
  /// or `gazetteer.yaml` (scope or location is off), a file named like a lexicon file but not
  /// read (`traits.yml`), a deleted category, and a stale `calibration.yaml`, once per run (the
  /// confidences, the labels decided by confidence and the review flags then come from curves
  /// fitted to other lexicons).
  ///
  /// - Parameters:
  ///   - configuration: the scoring rules outside the files.
  ///   - quiet: `true` under `--quiet` ("nothing on standard error but errors"): the warnings are
  ///     not printed; `lexicon check` still prints them.
  func loadModel(configuration: ClassifierConfiguration = ClassifierConfiguration(), quiet: Bool = false) throws
    -> ClassifierModel
  {
    try Diagnostics.orExit {
      try resolved.loadModel(configuration: configuration) { if !quiet { Diagnostics.warning($0.description) } }
    }
  }
}

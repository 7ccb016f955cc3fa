import Foundation

extension CalibrationModel {
  /// The field the gold labels are read from unless another is chosen.
  package static let defaultField = "gold"

  /// How a calibration file is made: the gold files, the file written, the field, the folds and
  /// the lexicon folder. ``command(_:names:)`` words it as a command; `govtag calibrate` writes
  /// its own run into the file's header so, and a hint about a file read builds it from what the
  /// file records (``remakeRecipe(file:)``).
  package struct Recipe: Hashable, Sendable {
    /// The gold-labelled files, as given.
    package var inputs: [String]
    /// The file written.
    package var output: String
    /// The record field that holds the gold labels.
    package var field = CalibrationModel.defaultField
    /// Cross-validation folds (unused with ``foldsByPart``).
    package var folds = CalibrationFitter().folds
    /// The seed of the fold assignment (unused with ``foldsByPart``).
    package var seed = CalibrationFitter().seed
    /// Whether one part of the records is held out at a time instead of random folds.
    package var foldsByPart = false
    /// The lexicon folder fitted against, or `nil` for the one chosen by default.
    package var lexicons: String?

    /// Creates a recipe; the options left out are the defaults.
    package init(inputs: [String], output: String) {
      self.inputs = inputs
      self.output = output
    }
  }

  /// The recipe that remakes this model's file at `file` for the lexicons of its folder: the
  /// inputs, field, folds (or parts) and seed the file records.
  ///
  /// - Parameter file: the calibration file's path (`DIR/calibration.yaml`).
  package func remakeRecipe(file: String) -> Recipe {
    var recipe = Recipe(inputs: inputs, output: file)
    recipe.field = field
    recipe.folds = folds
    recipe.seed = seed
    recipe.foldsByPart = foldsByPart
    let directory = (file as NSString).deletingLastPathComponent
    recipe.lexicons = directory.isEmpty ? "." : directory
    return recipe
  }

  /// `recipe` as a command, in backquotes, with the caller's names (``SettingNames/Setting/calibrate``
  /// and the flags of its options), or `nil` when the caller has no name for
  /// ``SettingNames/Setting/calibrate`` (a program). The options that keep their default are
  /// left out: `` `govtag calibrate g.jsonl -o L/calibration.yaml --folds 2 --lexicons L` ``.
  ///
  /// `(make calibrate)` follows when the recipe is the Makefile's: `Corpus/dev.jsonl` by part into
  /// the working directory's `Lexicons`, next to a `Makefile` (a checkout; `make calibrate` fits
  /// that folder and writes into it, never into a copy).
  ///
  /// - Parameters:
  ///   - recipe: what the file is made from.
  ///   - names: how the caller names the command and its options.
  /// - Returns: the command, or `nil`.
  package static func command(_ recipe: Recipe, names: SettingNames) -> String? {
    guard let calibrate = names[.calibrate] else { return nil }
    var words = [calibrate] + recipe.inputs.map(shellWord)
    func option(_ setting: SettingNames.Setting, _ value: String? = nil) {
      guard let name = names[setting] else { return }
      words.append(name)
      if let value { words.append(shellWord(value)) }
    }
    option(.output, recipe.output)
    if recipe.foldsByPart { option(.foldsByPart) }
    if recipe.field != defaultField { option(.field, recipe.field) }
    let defaults = Recipe(inputs: [], output: "")
    if !recipe.foldsByPart, recipe.folds != defaults.folds { option(.folds, String(recipe.folds)) }
    if !recipe.foldsByPart, recipe.seed != defaults.seed { option(.seed, String(recipe.seed)) }
    if let lexicons = recipe.lexicons { option(.lexicons, lexicons) }
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    func inWorking(_ path: String) -> String { URL(fileURLWithPath: path, relativeTo: working).standardizedFileURL.path }
    let repositoryLexicons = working.appendingPathComponent("Lexicons").standardizedFileURL.path
    let make =
      recipe.inputs == ["Corpus/dev.jsonl"] && recipe.foldsByPart && recipe.field == defaultField
      && inWorking(recipe.output) == repositoryLexicons + "/" + fileName
      && (recipe.lexicons.map(inWorking) ?? repositoryLexicons) == repositoryLexicons
      && FileManager.default.fileExists(atPath: working.appendingPathComponent("Makefile").path)
    return "`" + words.joined(separator: " ") + "`" + (make ? " (`make calibrate`)" : "")
  }

  /// How to remake this model's file at `file`, to follow "remake it" in a hint: `with` the
  /// command built from what the file records (``remakeRecipe(file:)``), or, for a caller
  /// without a name for ``SettingNames/Setting/calibrate``, with the command on the file's
  /// `Made by` line (``unreadRemakeCommand``).
  ///
  /// - Parameters:
  ///   - file: the calibration file's path.
  ///   - names: how the caller names the command and its options.
  package func remakeCommand(file: String, names: SettingNames) -> String {
    Self.command(remakeRecipe(file: file), names: names) ?? Self.unreadRemakeCommand
  }

  /// What a hint about a file that cannot be read or used names after "remake it with": the
  /// command the file's header gives.
  package static let unreadRemakeCommand = "the command on the `Made by` line at the top of the file"
}

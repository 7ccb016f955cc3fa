/// How messages name the settings a caller can change, so that a hint says what to do in the
/// caller's own words: a program's, or the command line's flags.
///
/// A library message that suggests changing a setting ("use a smaller number of jobs", "start
/// again without resuming") asks the caller's `SettingNames` for that setting's name, and words
/// the suggestion around it; when the setting has no name, the message words it for a program,
/// with no command-line word in it:
///
///     hint: names[.jobs].map { "use a smaller \($0)" } ?? "use a smaller number of jobs"
///
/// `SettingNames()`, every API's default, names nothing, so programs get the neutral wording
/// without asking for it. The command line passes its own instance (`SettingNames.commandLine`,
/// in `Sources/govtag`, the one place that spells GovTag's flags for messages), and the same
/// message reads `use a smaller --jobs`. The wording stays next to the code that gives it; only
/// the names come from here.
///
/// Settings are keys (``Setting``), like ``GovTagError/Code`` values: the core declares the ones
/// its own messages use (``Setting/lexicons``), and GovTagKit adds the others beside its code.
package struct SettingNames: Hashable, Sendable {
  /// A setting a message may refer to, e.g. ``lexicons``: the folder of lexicon files.
  package struct Setting: Hashable, Sendable, CustomStringConvertible {
    /// The setting's identifier, e.g. `lexicons`; names nothing the user sees.
    package let id: String

    /// Creates a setting key; declare each one once, as a `static let` beside the code that uses it.
    package init(_ id: String) { self.id = id }

    package var description: String { id }

    /// The folder the lexicon files are read from (``LexiconDirectory``, ``LexiconLoader``).
    package static let lexicons = Setting("lexicons")
    /// The output file of a run (of a batch, of a calibration fit).
    package static let output = Setting("output")
    /// The record field that holds people's labels (`gold`, `manual`).
    package static let field = Setting("field")
    /// What fits a calibration file (``CalibrationModel``) on gold records: a command, named with
    /// the words that start it (`govtag calibrate`); a hint that names it gives the whole command
    /// that remakes a file (``CalibrationModel/command(_:names:)``).
    package static let calibrate = Setting("calibrate")
    /// The cross-validation folds of a calibration fit (``CalibrationFitter/folds``).
    package static let folds = Setting("folds")
    /// The seed of a calibration fit's fold assignment (``CalibrationFitter/seed``).
    package static let seed = Setting("seed")
    /// Holding out one part of the gold records at a time instead of random folds
    /// (``CalibrationModel/foldsByPart``).
    package static let foldsByPart = Setting("foldsByPart")
  }

  private var names: [Setting: String]

  /// Creates names for some settings; the others are worded neutrally.
  ///
  /// - Parameter names: each setting's name as the caller's users know it, e.g.
  ///   `[.lexicons: "--lexicons"]`; `[:]` (the default) for a program.
  package init(_ names: [Setting: String] = [:]) { self.names = names }

  /// The caller's name for `setting`, or `nil` when messages word it neutrally.
  package subscript(setting: Setting) -> String? {
    get { names[setting] }
    set { names[setting] = newValue }
  }
}

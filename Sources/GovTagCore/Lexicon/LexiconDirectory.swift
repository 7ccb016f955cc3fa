import Foundation

/// The lexicon directory a run uses, and the rule that chose it.
///
/// GovTag looks for its lexicons the way users expect a tool to find its data, first match wins:
///
/// 1. `--lexicons DIR`, when given;
/// 2. the `GOVTAG_LEXICONS` environment variable, when set and not empty;
/// 3. `../share/govtag/Lexicons` relative to the real path of the executable, when that folder
///    exists: the copy `make install` and the `make dist` tarball put there;
/// 4. `Lexicons` in the working directory (a checkout of the repository).
///
/// Its `description` names the directory and the rule, e.g. `lexicons from GOVTAG_LEXICONS=/x`;
/// every lexicon error is prefixed with it (see ``loadModel()``), so a user who did not choose the
/// directory learns which one was read. The caller's option is named as ``names`` names
/// ``SettingNames/Setting/lexicons`` (`--lexicons` for the command line), else not at all.
public struct LexiconDirectory: Hashable, Sendable, CustomStringConvertible {
  /// Which rule chose the directory.
  public enum Rule: Hashable, Sendable, CustomStringConvertible {
    /// The caller's setting for the folder (`--lexicons DIR` on the command line).
    case option
    /// The `GOVTAG_LEXICONS` environment variable.
    case environment
    /// `../share/govtag/Lexicons` beside the executable (an installation or an unpacked tarball).
    case installation
    /// `Lexicons` in the working directory.
    case workingDirectory
    /// The folder a program passed to `GovTag(lexicons:)`: messages name no command-line flag.
    case argument

    /// How the rule is named; ``LexiconDirectory/ruleDescription`` names ``option`` as the caller does.
    public var description: String {
      switch self {
      case .argument: "the program's argument"
      case .option: "the caller's setting"
      case .environment: LexiconDirectory.environmentVariable
      case .installation: "beside the executable"
      case .workingDirectory: "the working directory"
      }
    }
  }

  /// The environment variable that names the lexicon directory.
  public static let environmentVariable = "GOVTAG_LEXICONS"

  /// Where an installation keeps the lexicons, relative to the folder of the executable.
  package static let installedRelativePath = "../share/govtag/Lexicons"

  /// The fallback, relative to the working directory.
  package static let workingDirectoryPath = "Lexicons"

  /// The directory, as given or found (relative paths are left relative, so messages stay short).
  public var path: String
  /// The rule that chose it.
  public var rule: Rule
  /// The folder looked for beside the executable, when the executable's path is known; named in
  /// the description of the working-directory fallback, so that a user sees where an installed
  /// copy was expected.
  public var installedPath: String?
  /// How the description and the hints name the caller's option (``SettingNames/Setting/lexicons``).
  package var names: SettingNames

  /// Creates a directory chosen by `rule`.
  ///
  /// - Parameters:
  ///   - path: the folder.
  ///   - rule: the rule that chose it.
  ///   - installedPath: the folder looked for beside the executable, named by the working-directory rule.
  ///   - names: how messages name the caller's option; the default words them for a program.
  package init(path: String, rule: Rule, installedPath: String? = nil, names: SettingNames = SettingNames()) {
    self.path = path
    self.rule = rule
    self.installedPath = installedPath
    self.names = names
  }

  /// Chooses the lexicon directory by the four rules of ``LexiconDirectory``.
  ///
  /// The defaults read the real process; tests pass their own.
  ///
  /// - Parameters:
  ///   - option: the value of the caller's option (`--lexicons`), or `nil` when it was not given.
  ///   - names: how messages name that option (``SettingNames/Setting/lexicons``).
  ///   - environment: the environment variables; this process's when `nil`.
  ///   - executable: the real path of the running executable (symbolic links resolved), or `nil`
  ///     when it cannot be known.
  ///   - isDirectory: whether a path names an existing folder.
  /// - Returns: the directory and the rule that chose it. The directory is not read here: a
  ///   directory named by `--lexicons` or `GOVTAG_LEXICONS` is used even if it does not exist, and
  ///   loading it reports the problem.
  package static func resolve(
    option: String?,
    names: SettingNames = SettingNames(),
    environment: [String: String]? = nil,
    executable: String? = LexiconDirectory.executablePath(),
    isDirectory: (String) -> Bool = LexiconDirectory.isDirectory
  ) -> LexiconDirectory {
    if let option { return LexiconDirectory(path: option, rule: .option, names: names) }
    let environment = environment ?? ProcessInfo.processInfo.environment
    if let value = environment[environmentVariable], !value.isEmpty {
      return LexiconDirectory(path: value, rule: .environment, names: names)
    }
    let installed = executable.map(installedPath(besideExecutable:))
    if let installed, isDirectory(installed) {
      return LexiconDirectory(path: installed, rule: .installation, names: names)
    }
    return LexiconDirectory(path: workingDirectoryPath, rule: .workingDirectory, installedPath: installed, names: names)
  }

  /// `../share/govtag/Lexicons` from the executable's folder, without the `..`:
  /// `/usr/local/bin/govtag` gives `/usr/local/share/govtag/Lexicons`.
  package static func installedPath(besideExecutable executable: String) -> String {
    URL(fileURLWithPath: executable).deletingLastPathComponent()
      .appendingPathComponent(installedRelativePath).standardizedFileURL.path
  }

  /// The real path of the running executable: `/proc/self/exe` resolved, so that a symbolic link
  /// on `PATH` (`/usr/local/bin/govtag → /opt/govtag/bin/govtag`) finds the lexicons of the
  /// installation it points into. `nil` when it cannot be resolved.
  package static func executablePath() -> String? {
    for candidate in ["/proc/self/exe", CommandLine.arguments.first ?? ""] where candidate.contains("/") {
      if let resolved = realpath(candidate, nil) {
        defer { free(resolved) }
        return String(cString: resolved)
      }
    }
    return nil
  }

  /// Whether `path` names an existing folder (following symbolic links).
  package static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// The rule that chose the directory, as `govtag --version` names it: ``Rule/description``, or
  /// for ``Rule/option`` the caller's name for it (`--lexicons`) when ``names`` has one.
  public var ruleDescription: String {
    rule == .option ? names[.lexicons] ?? rule.description : rule.description
  }

  /// `lexicons from --lexicons lex` (`lexicons from lex` when ``names`` names no option),
  /// `lexicons from GOVTAG_LEXICONS=/x`,
  /// `lexicons from /opt/govtag/share/govtag/Lexicons (beside the executable)` or
  /// `lexicons from ./Lexicons (the working directory; none installed at /usr/local/share/govtag/Lexicons)`.
  public var description: String {
    switch rule {
    case .argument:
      return "lexicons from \(path)"
    case .option:
      return "lexicons from " + (names[.lexicons].map { "\($0) " } ?? "") + path
    case .environment:
      return "lexicons from \(Self.environmentVariable)=\(path)"
    case .installation:
      return "lexicons from \(path) (beside the executable)"
    case .workingDirectory:
      let shown = path.hasPrefix("/") ? path : "./" + path
      guard let installedPath else { return "lexicons from \(shown) (the working directory)" }
      return "lexicons from \(shown) (the working directory; none installed at \(installedPath))"
    }
  }
}

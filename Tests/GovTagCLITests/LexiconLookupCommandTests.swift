import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// Where `govtag` finds its lexicons when it is not given `--lexicons`: `GOVTAG_LEXICONS`, then
/// `../share/govtag/Lexicons` beside the real executable, then `./Lexicons`; and what every
/// lexicon error and `govtag --version` say about it.
@Suite("Finding the lexicons without --lexicons")
struct LexiconLookupCommandTests {
  /// What a lexicon error says when the folder does not exist.
  static let missingFolder = "cannot read the lexicon directory: no such folder"
  static let directoryHint = "name the folder that holds the lexicon .yaml files with --lexicons DIR or GOVTAG_LEXICONS=DIR"

  /// The last line of `lexicon check` on the test lexicons.
  var checkSummary: String {
    "lexicons OK: 10 terms, version \(Fixtures.model.rulesVersion) (data_element, traits and innovation off: see above)\n"
  }

  /// Where the built binary would look for an installed copy.
  var builtInstalledPath: String {
    LexiconDirectory.installedPath(besideExecutable: CommandRunner.executable.resolvingSymlinksInPath().path)
  }

  /// A copy of the test lexicons at `folder`.
  func copyFixtureLexicons(to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Fixtures.lexiconDirectory, toPath: folder.path)
  }

  @Test("GOVTAG_LEXICONS names the folder, from any working directory")
  func environment() throws {
    let elsewhere = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let check = try CommandRunner.run(
      ["lexicon", "check"], in: elsewhere, environment: ["GOVTAG_LEXICONS": Fixtures.lexiconDirectory])
    #expect(check.status == 0)
    #expect(check.stdout.hasSuffix(checkSummary))
    let version = try CommandRunner.run(["--version"], in: elsewhere, environment: ["GOVTAG_LEXICONS": Fixtures.lexiconDirectory])
    #expect(
      version.stdout
        == "govtag \(GovTagVersion.current)\nICU \(ICU.version)\nlexicons \(Fixtures.lexiconDirectory) (GOVTAG_LEXICONS), version \(Fixtures.model.rulesVersion)\n"
    )
  }

  @Test("a GOVTAG_LEXICONS that names no folder is an error that says so")
  func environmentMissing() throws {
    let result = try CommandRunner.run(["explain", "一网通办"], environment: ["GOVTAG_LEXICONS": "/nonexistent-govtag-lexicons"])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: lexicons from GOVTAG_LEXICONS=/nonexistent-govtag-lexicons: /nonexistent-govtag-lexicons: \(Self.missingFolder); \(Self.directoryHint)\n"
    )
  }

  @Test("--lexicons wins over GOVTAG_LEXICONS, and its errors name it")
  func optionFirst() throws {
    let environment = ["GOVTAG_LEXICONS": "/nonexistent-govtag-lexicons"]
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", Fixtures.lexiconDirectory], environment: environment)
    #expect(check.status == 0)
    #expect(check.stdout.hasSuffix(checkSummary))
    let missing = try CommandRunner.run(["lexicon", "check", "--lexicons", "no-such-folder"], environment: environment)
    #expect(missing.status == 2)
    #expect(
      missing.stderr
        == "govtag: error: lexicons from --lexicons no-such-folder: no-such-folder: \(Self.missingFolder); \(Self.directoryHint)\n"
    )
  }

  @Test("a file named as the lexicon folder is refused as a file, with the same hint")
  func fileForFolder() throws {
    let file = Fixtures.lexiconDirectory + "/scope.yaml"
    let result = try CommandRunner.run(["lexicon", "check", "--lexicons", file])
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: lexicons from --lexicons \(file): \(file): cannot read the lexicon directory: it is a file, not a folder; \(Self.directoryHint)\n"
    )
  }

  @Test("an installed copy is found beside the real executable, through a symbolic link, from any directory")
  func installation() throws {
    let root = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let prefix = root.appendingPathComponent("prefix")
    let binary = prefix.appendingPathComponent("bin/govtag")
    try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: CommandRunner.executable.resolvingSymlinksInPath(), to: binary)
    let installed = prefix.appendingPathComponent("share/govtag/Lexicons")
    try copyFixtureLexicons(to: installed)
    // A link on PATH elsewhere: the lookup follows it to the installation.
    let link = root.appendingPathComponent("link/govtag")
    try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
    let elsewhere = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let installedPath = installed.resolvingSymlinksInPath().path

    for executable in [binary, link] {
      let check = try CommandRunner.run(["lexicon", "check"], in: elsewhere, executable: executable)
      #expect(check.status == 0)
      #expect(check.stdout.hasSuffix(checkSummary))
      let version = try CommandRunner.run(["--version"], in: elsewhere, executable: executable)
      #expect(
        version.stdout
          == "govtag \(GovTagVersion.current)\nICU \(ICU.version)\nlexicons \(installedPath) (beside the executable), version \(Fixtures.model.rulesVersion)\n"
      )
    }

    // GOVTAG_LEXICONS still wins over the installed copy.
    let overridden = try CommandRunner.run(
      ["explain", "一网通办"], in: elsewhere, environment: ["GOVTAG_LEXICONS": "/nonexistent-govtag-lexicons"], executable: binary)
    #expect(overridden.status == 2)
    #expect(overridden.stderr.hasPrefix("govtag: error: lexicons from GOVTAG_LEXICONS=/nonexistent-govtag-lexicons: "))

    // A broken installed lexicon: the message says it is the installed copy.
    try Data("dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 30\n".utf8)
      .write(to: installed.appendingPathComponent("capability.yaml"))
    let broken = try CommandRunner.run(["tag", "-"], in: elsewhere, stdin: "", executable: link)
    #expect(broken.status == 2)
    #expect(
      broken.stderr
        == "govtag: error: lexicons from \(installedPath) (beside the executable): \(installedPath)/capability.yaml:5:13: weight 30 of term \"一网通办\" is out of range; use a number greater than 0 and at most 10\ngovtag: 1 problem found\n"
    )
  }

  @Test("./Lexicons in the working directory is the last resort")
  func workingDirectory() throws {
    let folder = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try copyFixtureLexicons(to: folder.appendingPathComponent("Lexicons"))
    let check = try CommandRunner.run(["lexicon", "check"], in: folder)
    #expect(check.status == 0)
    #expect(check.stdout.hasPrefix("Lexicons/capability.yaml: capability, "))
    #expect(check.stdout.hasSuffix(checkSummary))
    let version = try CommandRunner.run(["--version"], in: folder)
    #expect(
      version.stdout
        == "govtag \(GovTagVersion.current)\nICU \(ICU.version)\nlexicons ./Lexicons (the working directory), version \(Fixtures.model.rulesVersion)\n"
    )
  }

  @Test("with no lexicons anywhere, the error lists where they were looked for")
  func nowhere() throws {
    let empty = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try CommandRunner.run(["tag", "-"], in: empty, stdin: "")
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: lexicons from ./Lexicons (the working directory; none installed at \(builtInstalledPath)): Lexicons: \(Self.missingFolder); \(Self.directoryHint)\n"
    )
    let version = try CommandRunner.run(["--version"], in: empty)
    #expect(version.status == 0)
    #expect(
      version.stdout
        == "govtag \(GovTagVersion.current)\nICU \(ICU.version)\nlexicons ./Lexicons (the working directory), not usable: \(Self.missingFolder)\n"
    )
  }

  @Test("govtag with no subcommand prints its help, which says where lexicons are looked for")
  func help() throws {
    let result = try CommandRunner.run([])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Lexicons: --lexicons DIR, else $GOVTAG_LEXICONS, else"))
  }
}

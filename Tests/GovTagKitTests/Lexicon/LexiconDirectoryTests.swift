import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Where the lexicons are found")
struct LexiconDirectoryTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var option: String?
    /// How the caller names its option: the command line's flag here, none for a program.
    var names = SettingNames([.lexicons: "--lexicons"])
    var environment: [String: String] = [:]
    var executable: String? = "/opt/govtag/bin/govtag"
    /// The folders that exist.
    var folders: Set<String> = []
    var path: String
    var rule: LexiconDirectory.Rule
    var description: String
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "--lexicons wins over everything", option: "lex", environment: ["GOVTAG_LEXICONS": "/env"],
      folders: ["/opt/govtag/share/govtag/Lexicons"], path: "lex", rule: .option,
      description: "lexicons from --lexicons lex"),
    Case(
      id: "a program's option is named by its folder only", option: "lex", names: SettingNames(), path: "lex", rule: .option,
      description: "lexicons from lex"),
    Case(
      id: "GOVTAG_LEXICONS wins over an installation", environment: ["GOVTAG_LEXICONS": "/srv/lex"],
      folders: ["/opt/govtag/share/govtag/Lexicons"], path: "/srv/lex", rule: .environment,
      description: "lexicons from GOVTAG_LEXICONS=/srv/lex"),
    Case(
      id: "GOVTAG_LEXICONS is used even when the folder does not exist", environment: ["GOVTAG_LEXICONS": "/missing"],
      path: "/missing", rule: .environment, description: "lexicons from GOVTAG_LEXICONS=/missing"),
    Case(
      id: "an empty GOVTAG_LEXICONS counts as unset", environment: ["GOVTAG_LEXICONS": ""],
      folders: ["/opt/govtag/share/govtag/Lexicons"], path: "/opt/govtag/share/govtag/Lexicons", rule: .installation,
      description: "lexicons from /opt/govtag/share/govtag/Lexicons (beside the executable)"),
    Case(
      id: "the installed copy beside the executable", folders: ["/opt/govtag/share/govtag/Lexicons"],
      path: "/opt/govtag/share/govtag/Lexicons", rule: .installation,
      description: "lexicons from /opt/govtag/share/govtag/Lexicons (beside the executable)"),
    Case(
      id: "./Lexicons when nothing is installed", path: "Lexicons", rule: .workingDirectory,
      description: "lexicons from ./Lexicons (the working directory; none installed at /opt/govtag/share/govtag/Lexicons)"),
    Case(
      id: "./Lexicons when the executable's path is unknown", executable: nil, path: "Lexicons",
      rule: .workingDirectory, description: "lexicons from ./Lexicons (the working directory)"),
  ]

  @Test("the four rules, in order", arguments: cases)
  func resolve(_ item: Case) {
    let directory = LexiconDirectory.resolve(
      option: item.option, names: item.names, environment: item.environment, executable: item.executable,
      isDirectory: { item.folders.contains($0) })
    #expect(directory.path == item.path)
    #expect(directory.rule == item.rule)
    #expect(directory.description == item.description)
  }

  @Test("the installed path is ../share/govtag/Lexicons from the executable's folder, normalised")
  func installedPath() {
    #expect(LexiconDirectory.installedPath(besideExecutable: "/usr/local/bin/govtag") == "/usr/local/share/govtag/Lexicons")
    #expect(LexiconDirectory.installedPath(besideExecutable: "/a/b/../bin/govtag") == "/a/share/govtag/Lexicons")
  }

  @Test("the executable's path is real: the test runner's own file, symbolic links resolved")
  func executablePath() throws {
    let path = try #require(LexiconDirectory.executablePath())
    #expect(path.hasPrefix("/"))
    #expect(FileManager.default.isExecutableFile(atPath: path))
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil)
  }

  @Test(
    "every load error names the directory and the rule that chose it, and the caller's option as the caller names it",
    arguments: [
      (SettingNames(), "pass the folder that holds the lexicon .yaml files, or set GOVTAG_LEXICONS=DIR"),
      (
        SettingNames([.lexicons: "--lexicons"]),
        "name the folder that holds the lexicon .yaml files with --lexicons DIR or GOVTAG_LEXICONS=DIR"
      ),
    ])
  func loadErrors(names: SettingNames, hint: String) throws {
    let missing = LexiconDirectory(path: "/nonexistent-govtag", rule: .environment, names: names)
    #expect(throws: GovTagError.self) { try missing.loadModel() }
    do {
      _ = try missing.loadModel()
    } catch let error as GovTagError {
      #expect(error.code == .io)
      #expect(error.context == "lexicons from GOVTAG_LEXICONS=/nonexistent-govtag")
      #expect(
        error.description.hasPrefix(
          "lexicons from GOVTAG_LEXICONS=/nonexistent-govtag: /nonexistent-govtag: cannot read the lexicon directory: no such folder"
        ))
      #expect(error.hint == hint)
    }

    let folder = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    Fixtures.write(
      "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 30\n", to: "capability.yaml", in: folder)
    let broken = LexiconDirectory(path: folder.path, rule: .installation)
    do {
      _ = try broken.loadModel()
      Issue.record("broken lexicons loaded")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          "lexicons from \(folder.path) (beside the executable): \(folder.path)/capability.yaml:5:13: weight 30 of term \"一网通办\" is out of range; use a number greater than 0 and at most 10"
        ])
    }
  }

  @Test("a good directory loads the same model as the plain loader")
  func loads() throws {
    let model = try LexiconDirectory(path: Fixtures.lexiconDirectory, rule: .option).loadModel()
    #expect(model.rulesVersion == Fixtures.model.rulesVersion)
  }
}

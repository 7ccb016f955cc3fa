import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("govtag lexicon: export and import never replace a lexicon file, and check names what it read and skipped")
struct LexiconSafetyCommandTests {
  /// A copy of the test lexicons in `directory/lx`, plus a README that is not a lexicon file.
  static func copyLexicons(from source: String = Fixtures.lexiconDirectory, into directory: URL) throws -> URL {
    let folder = directory.appendingPathComponent("lx")
    try FileManager.default.copyItem(atPath: source, toPath: folder.path)
    Fixtures.write("notes\n", to: "README.md", in: folder)
    return folder
  }

  /// Every file of `folder` and its content.
  static func contents(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  /// What `lexicon check` says of the test lexicons' missing dimensions (they have capability and
  /// technology only: a folder may leave dimensions out, so no warning, but the report says so).
  static func missingLine(_ ids: [String]) -> String {
    let list = ids.count < 2 ? ids.joined() : ids.dropLast().joined(separator: ", ") + " and " + (ids.last ?? "")
    return
      "no lexicon file for \(list) (\(ids.map { $0 + ".yaml" }.joined(separator: ", ")) expected): records get no labels in \(ids.count == 1 ? "this dimension" : "these dimensions")"
  }

  struct ExportCase: Sendable, CustomTestStringConvertible {
    var id: String
    var arguments: [String]
    var message: String
    var testDescription: String { id }
  }

  static let exportCases: [ExportCase] = [
    ExportCase(
      id: "-o a dimension file", arguments: ["--format", "liwc", "--lexicons", "lx", "-o", "lx/capability.yaml"],
      message:
        "govtag: error: lx/capability.yaml: -o lx/capability.yaml is the same file as the lexicon folder's file lx/capability.yaml; the run would replace its own input; write the output to another file\n"
    ),
    ExportCase(
      id: "-o scope.yaml spelled with ./, folder as the argument",
      arguments: ["--format", "jieba", "lx", "-o", "./lx/scope.yaml"],
      message:
        "govtag: error: ./lx/scope.yaml: -o ./lx/scope.yaml is the same file as the lexicon folder's file lx/scope.yaml; the run would replace its own input; write the output to another file\n"
    ),
    ExportCase(
      id: "-o a symbolic link to gazetteer.yaml", arguments: ["--format", "quanteda", "--lexicons", "lx", "-o", "link.yaml"],
      message:
        "govtag: error: link.yaml: -o link.yaml is the same file as the lexicon folder's file lx/gazetteer.yaml; the run would replace its own input; write the output to another file\n"
    ),
    ExportCase(
      id: "-o a file of the folder that is no lexicon",
      arguments: ["--format", "cntext", "--lexicons", "lx", "-o", "sub/../lx/README.md"],
      message:
        "govtag: error: sub/../lx/README.md: -o sub/../lx/README.md is the same file as the lexicon folder's file lx/README.md; the run would replace its own input; write the output to another file\n"
    ),
  ]

  @Test("lexicon export refuses an -o that is a file of the lexicon folder, however spelled", arguments: exportCases)
  func exportIntoFolder(_ item: ExportCase) throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(into: directory)
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("link.yaml").path, withDestinationPath: "lx/gazetteer.yaml")
    let before = try Self.contents(of: folder)
    let result = try CommandRunner.run(["lexicon", "export"] + item.arguments, in: directory)
    #expect(result.status == 2)
    #expect(result.stderr == item.message)
    #expect(try Self.contents(of: folder) == before)
  }

  @Test("lexicon export names the version lexicon check ends with and tag writes")
  func exportVersion() throws {
    let directory = Fixtures.temporaryDirectory()
    _ = try Self.copyLexicons(into: directory)
    let version = Fixtures.model.rulesVersion
    let export = try CommandRunner.run(
      ["lexicon", "export", "--format", "quanteda", "--lexicons", "lx", "-o", "dict.yaml"], in: directory)
    #expect(export.status == 0)
    #expect(export.stderr.hasPrefix("govtag: quanteda cannot carry "))
    #expect(
      export.stderr.hasSuffix("govtag: wrote 6 categories, 10 terms (lexicon version \(version)) as quanteda → dict.yaml\n"))
    let dictionary = try String(contentsOf: directory.appendingPathComponent("dict.yaml"), encoding: .utf8)
    #expect(dictionary.hasPrefix("# GovTag lexicon version \(version) as a quanteda dictionary"))
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "lx"], in: directory)
    #expect(
      check.stdout.hasSuffix("lexicons OK: 10 terms, version \(version) (data_element, traits and innovation off: see above)\n"))
    let tag = try CommandRunner.run(["tag", "-", "-q", "--lexicons", "lx"], in: directory, stdin: #"{"id":"a","text":"一网通办"}"#)
    #expect(tag.stdout.contains(#""lexicon_version":"\#(version)""#))
  }

  @Test("lexicon import refuses to replace an existing file unless --force is given")
  func importOverExisting() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(into: directory)
    let export = try CommandRunner.run(
      ["lexicon", "export", "--format", "liwc", "--lexicons", "lx", "-o", "govtag.dic"], in: directory)
    #expect(export.status == 0)
    let curated = try Data(contentsOf: folder.appendingPathComponent("technology.yaml"))
    let arguments = [
      "lexicon", "import", "--format", "liwc", "govtag.dic", "--dimension", "technology", "-o", "lx/technology.yaml",
    ]
    let refused = try CommandRunner.run(arguments, in: directory)
    #expect(refused.status == 2)
    #expect(
      refused.stderr
        == "govtag: error: lx/technology.yaml: -o names an existing file, which the import would replace; pass --force to replace it, or choose another path\n"
    )
    #expect(try Data(contentsOf: folder.appendingPathComponent("technology.yaml")) == curated)
    let fresh = try CommandRunner.run(
      ["lexicon", "import", "--format", "liwc", "govtag.dic", "--dimension", "technology", "-o", "technology.new.yaml"],
      in: directory)
    #expect(fresh.status == 0)
    let forced = try CommandRunner.run(arguments + ["--force"], in: directory)
    #expect(forced.status == 0)
    #expect(
      forced.stderr.hasSuffix(
        "govtag: wrote technology: 3 categories, 3 terms → lx/technology.yaml; check it with govtag lexicon check\n"))
    #expect(try Data(contentsOf: folder.appendingPathComponent("technology.yaml")) != curated)
    #expect(
      try Data(contentsOf: folder.appendingPathComponent("technology.yaml"))
        == Data(contentsOf: directory.appendingPathComponent("technology.new.yaml")))
  }

  @Test("lexicon check warns of a dimension file renamed to .yml, names every file read and the dimensions without a file")
  func renamedDimensionFile() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(into: directory)
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent("technology.yaml"), to: folder.appendingPathComponent("technology.yml"))
    Fixtures.write("x\n", to: "capability.yaml.bak", in: folder)
    Fixtures.write("x\n", to: ".capability.yaml.swp", in: folder)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "lx"], in: directory)
    #expect(check.status == 0)
    #expect(
      check.stderr
        == """
        govtag: warning: lexicons from --lexicons lx: lx/capability.yaml.bak: ignored: lexicon files end in .yaml, so this file is not read; move it out of the lexicon folder if it is a copy, or rename it to end in .yaml
        govtag: warning: lexicons from --lexicons lx: lx/technology.yml: ignored: lexicon files end in .yaml, so this file is not read; rename it to technology.yaml if it is a lexicon file
        govtag: warning: lexicons from --lexicons lx: lx/capability.yaml: market_supervision, social_management, environmental_protection and government_transparency have no entry in capability.yaml: no record can get them; add a block for each under categories: (their terms may come later), or restore those deleted

        """)
    let capability = try #require(check.stdout.split(separator: "\n").first)
    #expect(
      check.stdout
        == """
        \(capability)
        lx/scope.yaml: scope rules, \(NumberText.count(Fixtures.model.scope.cues.count, "cue")), \(NumberText.count(Fixtures.model.scope.frames.count, "frame"))
        lx/gazetteer.yaml: \(Self.gazetteerSummary)
        \(Self.missingLine(["data_element", "traits", "innovation", "technology"]))
        lexicons OK: \(Fixtures.model.lexicons.dimensions[0].categories.reduce(0) { $0 + $1.terms.count }) terms, version \(try Self.version(of: folder)) (data_element, traits, innovation and technology off: see above)

        """)
    #expect(capability.hasPrefix("lx/capability.yaml: capability, "))
  }

  @Test("tag warns of a dimension file renamed to .yml that calibration.yaml was fitted with; not with --quiet")
  func renamedBundledDimension() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(from: Fixtures.repository.appendingPathComponent("Lexicons").path, into: directory)
    try FileManager.default.moveItem(
      at: folder.appendingPathComponent("traits.yaml"), to: folder.appendingPathComponent("traits.yml"))
    let input = #"{"id":"a","text":"杭州市推进政务服务一网通办"}"#
    let quiet = try CommandRunner.run(["tag", "-", "-q", "--lexicons", "lx"], in: directory, stdin: input)
    #expect(quiet.status == 0 && quiet.stderr == "")
    let tag = try CommandRunner.run(["tag", "-", "-o", "out.jsonl", "--lexicons", "lx"], in: directory, stdin: input)
    #expect(tag.status == 0)
    // Without traits the calibration is stale too, and says that data_market alone still labels by
    // confidence.
    let model = try ClassifierModel.load(lexiconDirectory: folder.path)
    // The warnings come first, then the run's summary line.
    #expect(
      tag.stderr.hasPrefix(
        """
        govtag: warning: lexicons from --lexicons lx: lx/traits.yml: ignored: lexicon files end in .yaml, so this file is not read; rename it to traits.yaml if it is a lexicon file
        govtag: warning: lexicons from --lexicons lx: lx/traits.yaml: no lexicon file defines dimension traits (案例特征), which calibration.yaml was fitted with: records get no traits labels; restore traits.yaml (with dimension: traits), or remake calibration.yaml with `govtag calibrate Corpus/dev.jsonl -o lx/calibration.yaml --folds-by-part --lexicons lx`
        govtag: warning: lx/calibration.yaml was fitted against lexicon version \(try Self.calibrationStamp()), but the lexicons are now \(model.lexiconRulesVersion) (both versions leave calibration.yaml out; with it, the lexicons are version \(model.rulesVersion)): the confidences, the labels of the categories labelled by confidence (data_element.data_market) and the review flags come from curves fitted to other lexicons until it is remade with `govtag calibrate Corpus/dev.jsonl -o lx/calibration.yaml --folds-by-part --lexicons lx`

        """))
  }

  /// The lexicon version the bundled calibration.yaml was fitted against.
  static func calibrationStamp() throws -> String {
    let text = try String(
      contentsOf: Fixtures.repository.appendingPathComponent("Lexicons/calibration.yaml"), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("lexicon_version: ") })
    return line.dropFirst("lexicon_version: ".count).replacingOccurrences(of: "\"", with: "")
  }

  /// How lexicon check summarises the test gazetteer.
  static var gazetteerSummary: String {
    let gazetteer = Fixtures.model.gazetteer
    let cities = gazetteer?.cities.count ?? 0
    return
      "\(NumberText.count(gazetteer?.provinces.count ?? 0, "province")), \(cities) \(cities == 1 ? "city" : "cities"), \(NumberText.count(gazetteer?.districts.count ?? 0, "district")), \(NumberText.count(gazetteer?.nameCount ?? 0, "name")) matched"
  }

  /// The rules version of the lexicons in `folder`.
  static func version(of folder: URL) throws -> String {
    try ClassifierModel.load(lexiconDirectory: folder.path).rulesVersion
  }

  @Test("lexicon check rejects a province listed twice in gazetteer.yaml, with both lines")
  func duplicateProvince() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(from: Fixtures.repository.appendingPathComponent("Lexicons").path, into: directory)
    let path = folder.appendingPathComponent("gazetteer.yaml")
    let text = try String(contentsOf: path, encoding: .utf8)
    try text.replacingOccurrences(of: "  - name: 天津\n", with: "  - name: 北京\n").write(to: path, atomically: true, encoding: .utf8)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "lx"], in: directory)
    #expect(check.status == 2)
    #expect(
      check.stderr
        == """
        govtag: error: lexicons from --lexicons lx: lx/gazetteer.yaml:29:11: province "北京" is listed twice (first at line 23); give each province its own entry: rename this one, or merge the two
        govtag: error: lexicons from --lexicons lx: lx/gazetteer.yaml:1279:8: service brand "津心办" names an unknown province "天津"; use a province's short name as in provinces: (重庆, 广东, 内蒙古)
        govtag: 2 problems found

        """)
  }

  struct CalibrationCase: Sendable, CustomTestStringConvertible {
    var id: String
    /// The line of the bundled calibration.yaml replaced, and its new text.
    var line: Int
    var replacement: String
    var message: String
    var testDescription: String { id }
  }

  static let calibrationCases: [CalibrationCase] = [
    CalibrationCase(
      id: "a misspelt category", line: 56, replacement: "      public_servic:",
      message:
        "lx/calibration.yaml:56:7: unknown category \"public_servic\" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency, or remake the file with the command on the `Made by` line at the top of the file"
    ),
    CalibrationCase(
      id: "an unknown key in a curve", line: 57, replacement: "        examples: 524\n        colour: red",
      message:
        "lx/calibration.yaml:58:9: unknown key \"colour\" in capability.public_service; expected examples, positives, regularisation, cv_log_loss, labels, cv_f1, intercept, coefficients"
    ),
    CalibrationCase(
      id: "an unknown dimension", line: 26, replacement: "  capabilities:",
      message:
        "lx/calibration.yaml:26:3: unknown dimension \"capabilities\"; use one of capability, data_element, traits, innovation, technology, or remake the file with the command on the `Made by` line at the top of the file"
    ),
  ]

  @Test("lexicon check rejects calibration.yaml ids the taxonomy lacks and unknown keys", arguments: calibrationCases)
  func calibrationIDs(_ item: CalibrationCase) throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = try Self.copyLexicons(from: Fixtures.repository.appendingPathComponent("Lexicons").path, into: directory)
    let path = folder.appendingPathComponent("calibration.yaml")
    var lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
    lines[item.line - 1] = item.replacement
    try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "lx"], in: directory)
    #expect(check.status == 2)
    #expect(check.stderr == "govtag: error: lexicons from --lexicons lx: \(item.message)\ngovtag: 1 problem found\n")
  }

  @Test("the calibration's own version is named as the version without calibration.yaml")
  func calibrationVersionNamed() throws {
    let bundled = try ClassifierModel.load(lexiconDirectory: Fixtures.repository.appendingPathComponent("Lexicons").path)
    let check = try CommandRunner.run(["lexicon", "check"])
    #expect(check.status == 0)
    #expect(
      check.stdout.contains(
        "Lexicons/calibration.yaml: 28 confidence curves, fitted on 524 gold records against these lexicons (version \(bundled.lexiconRulesVersion), counted without calibration.yaml)\nlexicons OK: "
      ))
    #expect(check.stdout.hasSuffix("version \(bundled.rulesVersion)\n"))
  }

  @Test("lexicon export with a folder and a different --lexicons is a usage error, not the positional folder silently")
  func exportFolderTwice() throws {
    let result = try CommandRunner.run([
      "lexicon", "export", "Lexicons", "--lexicons", "other", "--format", "liwc", "-o", "x.dic",
    ])
    #expect(result.status == 64)
    #expect(
      result.stderr.hasPrefix("Error: the lexicon folder is named twice, Lexicons and --lexicons other; give one of them\n"))
  }
}

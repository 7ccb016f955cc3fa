import Foundation
import GovTagTestSupport
import Testing

/// What a curator meets after editing a copy of the bundled lexicons: a stale calibration named
/// by every command that prints confidences, hints that name the copied folder, a deleted
/// category, `tag --previous` saying why nothing is reused, Latin letters kept in their case.
@Suite("Curating a copy of the lexicons, end to end")
struct LexiconCurationCommandTests {
  /// A copy of the bundled Lexicons as `L` in a new directory, with one term added to
  /// capability.yaml (so its calibration.yaml is stale), and five gold records of dev as g.jsonl.
  static func editedCopy(edit: Bool = true) throws -> URL {
    let directory = Fixtures.temporaryDirectory()
    let folder = directory.appendingPathComponent("L")
    try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("Lexicons"), to: folder)
    if edit {
      let capability = folder.appendingPathComponent("capability.yaml")
      let text = try String(contentsOf: capability, encoding: .utf8)
      try text.replacingOccurrences(of: "      营商环境: 3\n", with: "      营商环境: 3\n      停车诱导: 3\n").write(
        to: capability, atomically: true, encoding: .utf8)
    }
    let dev = try String(contentsOf: Fixtures.repository.appendingPathComponent("Corpus/dev.jsonl"), encoding: .utf8)
    Fixtures.write(dev.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n", to: "g.jsonl", in: directory)
    return directory
  }

  /// The stale-calibration warning for the folder `L`, with the versions read from `stderr`.
  static func staleLines(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains("calibration.yaml was fitted against lexicon version ") }
  }

  @Test(
    "explain, eval and audit warn once of a stale calibration, say what it decides and how to remake it; explain's JSON says so")
  func staleEverywhere() throws {
    let directory = try Self.editedCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = "该区新建停车位300个，并上线停车诱导系统。"
    let explain = try CommandRunner.run(["explain", text, "--lexicons", "L"], in: directory)
    #expect(explain.status == 0)
    let lines = Self.staleLines(explain.stderr)
    #expect(lines.count == 1)
    let line = try #require(lines.first)
    #expect(line.hasPrefix("govtag: warning: L/calibration.yaml was fitted against lexicon version "))
    #expect(
      line.hasSuffix(
        "): the confidences, the labels of the categories labelled by confidence (data_element.data_market, traits.platform) and the review flags come from curves fitted to other lexicons until it is remade with `govtag calibrate Corpus/dev.jsonl -o L/calibration.yaml --folds-by-part --lexicons L`"
      ))
    #expect(explain.stderr == String(line) + "\n")

    let json = try CommandRunner.run(["explain", text, "--lexicons", "L", "--format", "json"], in: directory)
    #expect(json.status == 0 && Self.staleLines(json.stderr).count == 1)
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(answer["calibration_stale"] as? Bool == true)
    let fresh = try CommandRunner.run(["explain", text, "--format", "json"])
    let current = try #require(try JSONSerialization.jsonObject(with: Data(fresh.stdout.utf8)) as? [String: Any])
    #expect(current["calibration_stale"] as? Bool == false)
    #expect(fresh.stderr == "")

    let eval = try CommandRunner.run(["eval", "g.jsonl", "--lexicons", "L"], in: directory)
    #expect(eval.status == 0)
    #expect(Self.staleLines(eval.stderr) == [line])
    let audit = try CommandRunner.run(["audit", "g.jsonl", "--field", "gold", "--lexicons", "L"], in: directory)
    #expect(audit.status == 0)
    #expect(Self.staleLines(audit.stderr) == [line])
    let tag = try CommandRunner.run(["tag", "g.jsonl", "-o", "out.jsonl", "--lexicons", "L"], in: directory)
    #expect(tag.status == 0)
    #expect(Self.staleLines(tag.stderr) == [line])

    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "L"], in: directory)
    #expect(check.status == 0)
    #expect(check.stderr == "")
    #expect(check.stdout.contains("L/calibration.yaml: STALE: L/calibration.yaml was fitted against lexicon version "))
  }

  @Test("the stale-calibration warning names the command that remakes the file as it was fitted: its inputs, folds and seed")
  func staleRemakeCommand() throws {
    let directory = try Self.editedCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("L/calibration.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let refitted = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
      if line.hasPrefix("fitted_on: ") { return #"fitted_on: ["my gold.jsonl"]"# }
      if line.hasPrefix("folds: ") { return "folds: 5" }
      if line.hasPrefix("seed: ") { return "seed: 3" }
      return line == "folds_by: part" ? nil : String(line)
    }
    try refitted.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let explain = try CommandRunner.run(["explain", "停车诱导", "--lexicons", "L"], in: directory)
    #expect(explain.status == 0)
    let line = try #require(Self.staleLines(explain.stderr).first)
    #expect(
      line.hasSuffix(" until it is remade with `govtag calibrate 'my gold.jsonl' -o L/calibration.yaml --seed 3 --lexicons L`"))
  }

  @Test("tag --quiet prints no warning of a stale calibration; without it, tag prints the warning once")
  func quietStale() throws {
    let directory = try Self.editedCopy()
    defer { try? FileManager.default.removeItem(at: directory) }
    let quiet = try CommandRunner.run(["tag", "g.jsonl", "-o", "quiet.jsonl", "--lexicons", "L", "-q"], in: directory)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "")
    let tag = try CommandRunner.run(["tag", "g.jsonl", "-o", "out.jsonl", "--lexicons", "L"], in: directory)
    #expect(tag.status == 0)
    let lines = tag.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(Self.staleLines(tag.stderr).count == 1)
    #expect(lines.first?.hasPrefix("govtag: warning: L/calibration.yaml was fitted against lexicon version ") == true)
    #expect(lines.last?.hasPrefix("govtag: read 5 records from 1 input: 5 labelled") == true)
  }

  @Test("calibrate writes the command it ran into the header: its -o and --lexicons")
  func calibrateHeader() throws {
    let directory = try Self.editedCopy(edit: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let dev = try String(contentsOf: Fixtures.repository.appendingPathComponent("Corpus/dev.jsonl"), encoding: .utf8)
    Fixtures.write(dev.split(separator: "\n").prefix(40).joined(separator: "\n") + "\n", to: "g.jsonl", in: directory)
    let result = try CommandRunner.run(
      ["calibrate", "g.jsonl", "-o", "L/calibration.yaml", "--folds", "2", "--lexicons", "L"], in: directory)
    #expect(result.status == 0)
    let made = try String(contentsOf: directory.appendingPathComponent("L/calibration.yaml"), encoding: .utf8)
    #expect(
      made.split(separator: "\n")[3] == "# Made by `govtag calibrate g.jsonl -o L/calibration.yaml --folds 2 --lexicons L`,")
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "L"], in: directory)
    #expect(!check.stdout.contains("STALE"))
    // A folder named by GOVTAG_LEXICONS is named in the header too: the command refits it, not
    // the repository's Lexicons.
    let environment = try CommandRunner.run(
      ["calibrate", "g.jsonl", "-o", "L/calibration.yaml", "--folds", "2"], in: directory,
      environment: ["GOVTAG_LEXICONS": "L"])
    #expect(environment.status == 0)
    let remade = try String(contentsOf: directory.appendingPathComponent("L/calibration.yaml"), encoding: .utf8)
    #expect(
      remade.split(separator: "\n")[3] == "# Made by `govtag calibrate g.jsonl -o L/calibration.yaml --folds 2 --lexicons L`,")
  }

  @Test("a category block deleted from its file: lexicon check and every load warn, naming the curve left")
  func deletedCategory() throws {
    let directory = try Self.editedCopy(edit: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let capability = directory.appendingPathComponent("L/capability.yaml")
    let lines = try String(contentsOf: capability, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "  social_management:"))
    let end = try #require(lines[(start + 1)...].firstIndex { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
    try (lines[..<start] + lines[end...]).joined(separator: "\n").write(to: capability, atomically: true, encoding: .utf8)
    let warning =
      "govtag: warning: lexicons from --lexicons L: L/capability.yaml: social_management has no entry in capability.yaml: no record can get it (calibration.yaml still has a curve for it); add a social_management: block under categories: (its terms may come later), or restore the one deleted"
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "L"], in: directory)
    #expect(check.status == 0)
    #expect(check.stderr == warning + "\n")
    #expect(check.stdout.contains("L/capability.yaml: capability, 6 categories, "))
    let tag = try CommandRunner.run(["tag", "g.jsonl", "-o", "out.jsonl", "--lexicons", "L"], in: directory)
    #expect(tag.status == 0)
    #expect(tag.stderr.split(separator: "\n").filter { $0.contains("has no entry in") } == [Substring(warning)])
    // --quiet: nothing on standard error but errors.
    let quiet = try CommandRunner.run(["tag", "g.jsonl", "-o", "quiet.jsonl", "--lexicons", "L", "-q"], in: directory)
    #expect(quiet.status == 0 && quiet.stderr == "")
  }

  @Test("lexicon check names every category a folder without calibration leaves out, one warning per file")
  func missingCategoriesWithoutCalibration() throws {
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", Fixtures.lexiconDirectory])
    #expect(check.status == 0)
    let path = Fixtures.lexiconDirectory
    let lines = check.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "govtag: warning: lexicons from --lexicons \(path): \(path)/capability.yaml: market_supervision, social_management, environmental_protection and government_transparency have no entry in capability.yaml: no record can get them; add a block for each under categories: (their terms may come later), or restore those deleted",
        "govtag: warning: lexicons from --lexicons \(path): \(path)/technology.yaml: big_data, cloud, blockchain, digital_twin and video have no entry in technology.yaml: no record can get them; add a block for each under categories: (their terms may come later), or restore those deleted",
      ])
    // Loading alone (tag) does not warn of them: a folder for trying a lexicon may leave them out.
    let tag = try CommandRunner.run(
      ["tag", "-", "--lexicons", Fixtures.lexiconDirectory, "-q"], stdin: #"{"id":"a","text":"推进一网通办"}"# + "\n")
    #expect(tag.status == 0 && tag.stderr == "")
  }

  @Test("tag --previous says why records are not reused: another lexicon version, changed text")
  func previousReasons() throws {
    let directory = try Self.editedCopy(edit: false)
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = try CommandRunner.run(["tag", "g.jsonl", "-o", "old.jsonl", "--lexicons", "L", "-q"], in: directory)
    #expect(first.status == 0)
    let old = try String(contentsOf: directory.appendingPathComponent("old.jsonl"), encoding: .utf8)
    let oldVersion = try #require(old.firstMatch(of: /"lexicon_version":"([0-9a-f]+)"/)?.1)
    // One record's text changes: it is labelled again, and the run says so.
    let gold = try String(contentsOf: directory.appendingPathComponent("g.jsonl"), encoding: .utf8)
    let edited = gold.split(separator: "\n").enumerated().map {
      $0.offset == 1 ? $0.element.replacingOccurrences(of: "。", with: "！") : String($0.element)
    }
    Fixtures.write(edited.joined(separator: "\n") + "\n", to: "g2.jsonl", in: directory)
    let same = try CommandRunner.run(
      ["tag", "g2.jsonl", "--previous", "old.jsonl", "-o", "new.jsonl", "--lexicons", "L"], in: directory)
    #expect(same.status == 0)
    let sameLines = same.stderr.split(separator: "\n").map(String.init)
    #expect(sameLines.first == "govtag: 5 records of old.jsonl can be reused if unchanged")
    #expect(sameLines.contains("govtag: 1 record of old.jsonl was labelled again: the text or another input field changed"))
    #expect(
      sameLines.last?.hasPrefix("govtag: read 5 records from 1 input: 5 labelled (4 reused from --previous), 0 failed") == true)

    // After an edit of the lexicons, nothing is reused, and the reason is given with both versions.
    let capability = directory.appendingPathComponent("L/capability.yaml")
    let text = try String(contentsOf: capability, encoding: .utf8)
    try text.replacingOccurrences(of: "      营商环境: 3\n", with: "      营商环境: 3\n      停车诱导: 3\n").write(
      to: capability, atomically: true, encoding: .utf8)
    let version = try #require(
      try CommandRunner.run(["lexicon", "check", "--lexicons", "L"], in: directory).stdout.firstMatch(
        of: /version ([0-9a-f]{16})\n/)?.1)
    let edit = try CommandRunner.run(
      ["tag", "g.jsonl", "--previous", "old.jsonl", "-o", "new2.jsonl", "--lexicons", "L"], in: directory)
    let lines = edit.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains("govtag: 0 records of old.jsonl can be reused if unchanged"))
    #expect(
      lines.contains(
        "govtag: 5 records of old.jsonl are labelled again: 5 labelled with lexicon version \(oldVersion) (these lexicons are \(version))"
      ))
  }

  @Test("lexicon check notes terms written in lower-case Latin letters: they match only in that case")
  func latinCase() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("lx")
    try FileManager.default.copyItem(atPath: Fixtures.lexiconDirectory, toPath: folder.path)
    let technology = folder.appendingPathComponent("technology.yaml")
    let text = try String(contentsOf: technology, encoding: .utf8)
    // A mixed-case brand (ChatGPT) and a brand mixing Latin and Chinese (i深圳) are written as texts
    // write them; an all lower-case term is noted.
    try (text + "      ChatGPT: 3\n      city brain: 3\n      i深圳: 3\n").write(to: technology, atomically: true, encoding: .utf8)
    let check = try CommandRunner.run(["lexicon", "check", "--lexicons", "lx"], in: directory)
    #expect(check.status == 0)
    let lines = check.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.filter { $0.hasPrefix("note: ") } == [
        "note: Latin letters match in their exact case, so 1 term written in lower-case Latin letters matches only as written: \"city brain\" (lx/technology.yaml:15:7); write the case the texts use, or add each form as a term"
      ])
    #expect(
      lines.firstIndex { $0.hasPrefix("note: ") } == lines.firstIndex { $0.hasPrefix("lx/technology.yaml: ") }.map { $0 + 1 })
    // The shipped lexicons' only lower-case Latin is the brand i深圳: no note.
    #expect(!(try CommandRunner.run(["lexicon", "check"]).stdout.contains("note: ")))
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("govtag segment, explain and lexicon check")
struct InspectCommandTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  @Test("segment prints merged tokens, one line per input line")
  func segment() throws {
    let result = try CommandRunner.run(["segment", "推进人工智能和数字化转型\n坚持财政务实管理"] + lexicons)
    #expect(result.status == 0)
    #expect(result.stdout == "推进|人工智能|和|数字|化|转型\n坚持|财政|务实|管理\n")
    let raw = try CommandRunner.run(["segment", "--raw", "实现一网通办"])
    #expect(raw.stdout == "实现|一|网|通|办\n")
  }

  @Test("segment reads standard input and prints JSON")
  func segmentJSON() throws {
    let result = try CommandRunner.run(["segment", "-", "--json"] + lexicons, stdin: "一网通办")
    #expect(
      result.stdout
        == #"[{"token":"一网通办","start":0,"end":4,"kind":"ideographic","lexicon_term":true}]"# + "\n")
  }

  @Test("segment splits a file's CRLF lines as it splits LF lines")
  func segmentCRLF() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write("推进人工智能\r\n数字化转型\r\n", to: "crlf.txt", in: directory)
    let result = try CommandRunner.run(["segment", "crlf.txt"] + lexicons, in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "推进|人工智能\n数字|化|转型\n")
  }

  static let noSuchFile =
    "no such file; check the path; to use these characters as the text itself, send them on standard input (echo '…' | govtag … -)"

  @Test(
    "explain refuses what was surely meant as a file: a folder, a file of records, a missing path",
    arguments: [
      (
        "folder",
        "folder: this is a folder, not a text; give one text file, the text itself, or - for standard input; "
          + "label a folder of .txt files with govtag tag"
      ),
      (
        "cases.jsonl",
        "cases.jsonl: this is a file of records (jsonl), not one text; label its records with govtag tag "
          + "cases.jsonl, or give one record's text (a .txt file, the text itself, or -)"
      ),
      ("notes.txt", "notes.txt: " + noSuchFile),
      ("in/case.txt", "in/case.txt: " + noSuchFile),
    ])
  func explainRefusesPaths(argument: String, message: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
    Fixtures.write("{\"id\":\"a\",\"text\":\"一网通办\"}\n", to: "cases.jsonl", in: directory)
    let result = try CommandRunner.run(["explain", argument] + lexicons, in: directory)
    #expect(result.status == 2)
    #expect(result.stderr == "govtag: error: " + message + "\n")
    #expect(result.stdout.isEmpty)
  }

  @Test("explain still reads text that only resembles a path: a number, Chinese with a slash")
  func explainTextLikePath() throws {
    for text in ["3.5", "一网通办/一网统管", "24/7 hotline"] {
      let result = try CommandRunner.run(["explain", text] + lexicons)
      #expect(result.status == 0, "\(text): \(result.stderr)")
    }
  }

  @Test("explain --format json prints the front door's explanation, as POST /v1/explain answers it")
  func explainJSON() throws {
    let result = try CommandRunner.run(["explain", "推进一网通办，坚持财政务实管理", "--format", "json"] + lexicons)
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let text = try CommandRunner.run(["explain", "推进一网通办，坚持财政务实管理"] + lexicons)
    #expect(object["report"] as? String == text.stdout)
    let record = try #require(object["record"] as? [String: Any])
    let labels = try #require(record["labels"] as? [String: Any])
    #expect(labels["capability"] as? [String] == ["public_service"])
    let evidence = try #require(record["evidence"] as? [[String: Any]])
    #expect(evidence.contains { $0["term"] as? String == "政务" && $0["status"] as? String == "crosses_word_boundary" })
  }

  @Test("explain lists counted hits, near misses, scores and labels")
  func explain() throws {
    let result = try CommandRunner.run(["explain", "推进一网通办，坚持财政务实管理"] + lexicons)
    #expect(result.status == 0)
    #expect(result.stdout.contains("capability     public_service (公共服务)"))
    #expect(result.stdout.contains("✓ capability.public_service"))
    #expect(result.stdout.contains("Hits that did not count (2)"))
    #expect(result.stdout.contains("政务  text [10,12)  …推进一网通办，坚持财【政务】实管理…  — starts or ends inside a word of the segmentation"))
    #expect(result.stdout.contains("通办  text [4,6)"))
  }

  @Test("explain: a thousands separator does not end the negation's clause (bundled lexicons)")
  func thousandsSeparator() throws {
    let bundled = ["--lexicons", Fixtures.repository.appendingPathComponent("Lexicons").path]
    let result = try CommandRunner.run(["explain", "该市尚未实现1,400个部门数据共享"] + bundled)
    #expect(result.status == 0)
    #expect(result.stdout.contains("  data_element   —\n"))
    #expect(result.stdout.contains("Hits that counted (0)"))
    #expect(result.stdout.contains("数据共享  text [14,18)  …尚未实现1,400个部门【数据共享】…  — negated by \"尚未\" in its clause"))
  }

  @Test("lexicon check names every file it read and the dimensions it lacks")
  func lexiconCheck() throws {
    let result = try CommandRunner.run(["lexicon", "check"] + lexicons)
    #expect(result.status == 0)
    let folder = Fixtures.lexiconDirectory
    #expect(
      result.stdout == """
        \(folder)/capability.yaml: capability, 3 categories, 7 terms
        \(folder)/technology.yaml: technology, 3 categories, 3 terms
        \(folder)/scope.yaml: scope rules, 6 cues, 0 frames
        \(folder)/gazetteer.yaml: 8 provinces, 6 cities, 9 districts, 35 names matched
        no lexicon file for data_element, traits and innovation (data_element.yaml, traits.yaml, innovation.yaml expected): records get no labels in these dimensions
        lexicons OK: 10 terms, version \(Fixtures.model.rulesVersion) (data_element, traits and innovation off: see above)

        """)
  }

  @Test("lexicon check fails when a rule would be lost, and warns when dimensions, scope or location are off")
  func lexiconCheckLostRules() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = Fixtures.write(
      "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n    terms:\n      數據共享: 2\n",
      to: "capability.yaml", in: directory)
    let failed = try CommandRunner.run(["lexicon", "check", "--lexicons", directory.path])
    #expect(failed.status == 2)
    #expect(
      failed.stderr == """
        govtag: error: lexicons from --lexicons \(directory.path): \(file):6:5: duplicate key "terms" in category public_service (first at line 4): only the first is read, so the rules under this one would be lost; merge the two into one "terms:"
        govtag: 1 problem found

        """)
    Fixtures.write(
      "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 3\n", to: "capability.yaml", in: directory)
    let warned = try CommandRunner.run(["lexicon", "check", "--lexicons", directory.path])
    #expect(warned.status == 0)
    #expect(
      warned.stderr.hasPrefix(
        "govtag: warning: lexicons from --lexicons \(directory.path): \(directory.path)/scope.yaml: no scope.yaml: scope is off"))
    #expect(
      warned.stderr.contains(
        "govtag: warning: lexicons from --lexicons \(directory.path): \(directory.path)/gazetteer.yaml: no gazetteer.yaml: location is off"
      ))
    #expect(
      warned.stdout.hasSuffix(
        """
        no lexicon file for data_element, traits, innovation and technology (data_element.yaml, traits.yaml, innovation.yaml, technology.yaml expected): records get no labels in these dimensions
        lexicons OK: 1 terms, version \(try ClassifierModel.load(lexiconDirectory: directory.path).rulesVersion) (data_element, traits, innovation, technology, scope and location off: see above)

        """))
  }

  @Test("lexicon check names the contexts, and explain says which hit lacked its context")
  func contexts() throws {
    let directory = Fixtures.temporaryDirectory()
    _ = Fixtures.write(
      """
      dimension: data_element
      contexts:
        data: {words: [数据]}
      categories:
        data_standards:
          threshold: 2
          terms:
            管理办法: {weight: 2, near: data}
      """, to: "data_element.yaml", in: directory)
    let lexicons = ["--lexicons", directory.path]
    let check = try CommandRunner.run(["lexicon", "check"] + lexicons)
    #expect(check.status == 0)
    #expect(
      check.stdout.hasPrefix(
        "\(directory.path)/data_element.yaml: data_element, 1 categories, 1 terms, 1 of them needing a context (data)\n"))
    let explain = try CommandRunner.run(["explain", "出台互联网医院管理办法。另行制定公共数据管理办法"] + lexicons)
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("✓ data_element.data_standards"))
    #expect(explain.stdout.contains(#"needs the context "data" in its sentence, which lacks it"#))
  }
}

import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag tag, end to end")
struct TagCommandTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  @Test("labels good records and reports every kind of bad input with file and line")
  func badInputs() throws {
    let directory = Fixtures.temporaryDirectory()
    var bytes = Data(
      """
      {"id":"good1","title":"一网通办","text":"😀推进一网通办，优化营商环境"}
      not json
      {"id":"notext","title":"x"}

      {"id":"good2","text":"应用人工智能"}

      """.utf8)
    bytes.append(Data(#"{"id":"gbk","text":""#.utf8) + Data([0xD5, 0xFE]) + Data("\"}\n".utf8))
    _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("in.jsonl").path, contents: bytes)
    Fixtures.write("", to: "empty.jsonl", in: directory)
    let result = try CommandRunner.run(
      ["tag", "in.jsonl", "empty.jsonl", "missing.jsonl", "-o", "out/labelled.jsonl", "--jobs", "2"] + lexicons, in: directory)
    #expect(result.status == 1)
    #expect(result.stdout == "")
    let lines = result.stderr.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "govtag: error: empty.jsonl: the input holds no records; give a file with one record per line (JSON Lines), a JSON array, a CSV file or a folder of .txt files"
      ))
    #expect(lines.contains("govtag: error: missing.jsonl: cannot open the input: No such file or directory; check the path"))
    #expect(
      lines.contains("govtag: error: in.jsonl:2: not valid JSON: invalid value at column 2; each line must hold one JSON object"))
    #expect(
      lines.contains(#"govtag: error: in.jsonl:3: record "notext": the record has no "text" field; put the narrative in "text""#))
    #expect(
      lines.contains(
        "govtag: error: in.jsonl:6: invalid UTF-8 at byte 21 of the line; convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)"
      ))
    #expect(
      lines.last?.hasPrefix(
        "govtag: read 5 records from 2 inputs: 2 labelled, 3 failed, 1 blank line skipped; 2 inputs could not be read") == true)
    let output = try String(contentsOf: directory.appendingPathComponent("out/labelled.jsonl"), encoding: .utf8)
    let records = output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    #expect(records.map { $0?["id"] as? String } == ["good1", "good2"])
    let first = try #require(records[0])
    #expect((first["labels"] as? [String: [String]])?["capability"] == ["public_service", "economic_regulation"])
    // Offsets point at their term in the original text (the compact layout: dimension →
    // category → term → [field, start, end, contribution]).
    let evidence = try #require(first["evidence"] as? [String: [String: [String: [[Any]]]]])
    var hits = 0
    for (_, categories) in evidence {
      for (_, terms) in categories {
        for (term, list) in terms {
          for hit in list {
            let fieldName = try #require(hit[0] as? String)
            let field = try #require(first[fieldName] as? String)
            let scalars = Array(field.unicodeScalars)
            let start = try #require(hit[1] as? Int)
            let end = try #require(hit[2] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == term)
            hits += 1
          }
        }
      }
    }
    #expect(hits == 3)
  }

  @Test("standard input to standard output: one output line per input line, records only on stdout")
  func streaming() throws {
    let input = """
      {"id":"a","text":"推进一网通办"}
      oops
      {"id":"b","text":"优化营商环境"}

      """
    let result = try CommandRunner.run(["tag", "-", "--quiet"] + lexicons, stdin: input)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix(#"{"id":"a","text":"推进一网通办","labels":{"capability":["public_service"]"#))
    #expect(lines[1].hasPrefix(#"{"id":null,"error":{"source":"<stdin>","line":2,"reason":"not valid JSON"#))
    #expect(lines[2].hasPrefix(#"{"id":"b""#))
    #expect(
      result.stderr
        == "govtag: error: <stdin>:2: not valid JSON: invalid value at column 1; each line must hold one JSON object\n")
  }

  @Test("an empty standard input with --format json still gives a valid (empty) JSON array on standard output")
  func emptyJSONArrayOnStandardOutput() throws {
    let result = try CommandRunner.run(["tag", "-", "--quiet", "--format", "json"] + lexicons, stdin: "")
    #expect(result.status == 1)
    #expect(result.stdout == "[]\n")
    #expect(result.stderr.hasPrefix("govtag: error: <stdin>: the input holds no records"))
  }

  @Test("a killed or failed run leaves no finished-looking output")
  func noPartialOutput() throws {
    let directory = Fixtures.temporaryDirectory()
    let result = try CommandRunner.run(["tag", "missing.jsonl", "-o", "out.jsonl"] + lexicons, in: directory)
    #expect(result.status == 1)
    // Nothing could be read: no output appears (an empty file would look like a finished run).
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl").path))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.jsonl.partial").path))
  }

  @Test("usage errors exit with 64")
  func usage() throws {
    let result = try CommandRunner.run(["tag"] + lexicons)
    #expect(result.status == 64)
    #expect(result.stderr.contains("Error: name at least one input file, or - for standard input"))
  }

  @Test("a broken lexicon stops the run with status 2 and names the line")
  func brokenLexicon() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      "dimension: capability\ncategories:\n  public_service:\n    terms:\n      一网通办: 30\n", to: "lex/capability.yaml",
      in: directory)
    let result = try CommandRunner.run(["tag", "-", "--lexicons", "lex"], in: directory, stdin: "")
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "govtag: error: lexicons from --lexicons lex: lex/capability.yaml:5:13: weight 30 of term \"一网通办\" is out of range; use a number greater than 0 and at most 10\ngovtag: 1 problem found\n"
    )
  }
}

import Foundation
import GovTagTestSupport
import Testing

@Suite("govtag report, end to end")
struct ReportCommandTests {
  let fixture = Fixtures.path("report/labelled.jsonl")

  @Test("writes one self-contained HTML file with every case")
  func report() throws {
    let directory = Fixtures.temporaryDirectory()
    let result = try CommandRunner.run(["report", fixture, "-o", "out/report.html", "--title", "评审 & <复核>"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout == "")
    #expect(result.stderr == "govtag: read 8 records from 1 input: 8 in the report, 0 failed → out/report.html\n")
    let html = try String(contentsOf: directory.appendingPathComponent("out/report.html"), encoding: .utf8)
    #expect(html.contains("<h1>评审 &amp; &lt;复核&gt;</h1>"))
    for id in ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"] { #expect(html.contains(#"{"id":"\#(id)","#)) }
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 6)
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/report.html.partial").path))
  }

  @Test("a bad line is reported and skipped, the report still written, the exit status 1")
  func badLine() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      #"{"id":"ok","text":"推进一网通办","labels":{"capability":["public_service"]}}"# + "\n"
        + #"{"id":"bad","text":"x","labels":{"capability":["public_servise"]}}"# + "\n",
      to: "in.jsonl", in: directory)
    let result = try CommandRunner.run(["report", "in.jsonl", "-o", "report.html"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        govtag: error: in.jsonl:2: record "bad": unknown category "public_servise" in "labels"."capability"; did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does
        govtag: read 2 records from 1 input: 1 in the report, 1 failed → report.html

        """)
    let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.contains(#"{"id":"ok","#))
    #expect(!html.contains(#"{"id":"bad","#))
  }

  @Test("--field picks the reference labels shown beside GovTag's")
  func field() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write(
      #"{"id":"a","text":"x","labels":{"capability":[]},"gold":{"capability":["public_service"]},"manual":{"capability":[]}}"#
        + "\n",
      to: "in.jsonl", in: directory)
    _ = try CommandRunner.run(["report", "in.jsonl", "-o", "gold.html", "--field", "gold", "-q"], in: directory)
    let html = try String(contentsOf: directory.appendingPathComponent("gold.html"), encoding: .utf8)
    #expect(html.contains(#""labels":[],"ref":[3],"refField":"gold""#))
  }

  @Test("no file is written when no input could be read, or when no record has the --field named")
  func nothingToReport() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let missing = try CommandRunner.run(["report", "nope.jsonl", "-o", "r.html"], in: directory)
    #expect(missing.status == 1)
    #expect(
      missing.stderr == """
        govtag: error: nope.jsonl: cannot open the input: No such file or directory; check the path
        govtag: read 0 records from 1 input: 0 in the report, 0 failed; 1 input could not be read
        govtag: no input could be read, so r.html was not written

        """)
    let field = try CommandRunner.run(["report", fixture, "-o", "r.html", "--field", "manul"], in: directory)
    #expect(field.status == 2)
    #expect(
      field.stderr
        == "govtag: error: \(fixture): none of the 8 records has a \"manul\" field of labels, so r.html was not written; "
        + "name the field that holds people's labels (manual, gold) with --field, or leave --field out to show GovTag's labels alone\n"
    )
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("r.html").path))
  }

  @Test("-o is required")
  func usage() throws {
    let result = try CommandRunner.run(["report", fixture])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Error: Missing expected argument '--output <output>'"))
  }
}

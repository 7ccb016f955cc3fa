import Foundation
import GovTagTestSupport
import Testing

/// Issue #14, end to end: what used to crash or mislead `govtag tag`.
@Suite("govtag tag: hostile input")
struct TagHardeningTests {
  let lexicons = ["--lexicons", Fixtures.lexiconDirectory]

  /// The issue's reproduction: an extra field nested `depth` levels deep.
  static func deepRecord(_ id: String, _ depth: Int) -> String {
    #"{"id":"\#(id)","text":"一网通办","x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
  }

  @Test("a record nested 64 to 600 levels deep is an error record in filter mode: one line out per line in, exit 1")
  func deepNestingInFilterMode() throws {
    let depths = [63, 64, 65, 100, 511, 512, 513, 600]
    let input = depths.map { Self.deepRecord(String(format: "%03d", $0), $0) }.joined(separator: "\n") + "\n"
    let result = try CommandRunner.run(["tag", "-", "--quiet"] + lexicons, stdin: input)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == depths.count)
    let records = lines.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    #expect(records.first??["id"] as? String == "063")
    #expect(records.first??["labels"] != nil)
    for record in records.dropFirst() {
      let error = record?["error"] as? [String: Any]
      #expect(error?["reason"] as? String == "nested deeper than 64 levels at byte 102")
    }
    #expect(result.stderr.split(separator: "\n").count == depths.count - 1)
  }

  @Test("input fields named like GovTag's are reported once per input, naming them; --quiet silences it")
  func replacedFieldsWarning() throws {
    let input = #"{"id":"a","text":"x","labels":["mine"]}"# + "\n" + #"{"id":"b","text":"x","labels":[]}"# + "\n"
    let result = try CommandRunner.run(["tag", "-"] + lexicons, stdin: input)
    #expect(result.status == 0)
    #expect(
      result.stderr.split(separator: "\n").first
        == #"govtag: warning: <stdin>:1: the records carry "labels", named like fields GovTag writes: the output has GovTag's values in their place (reported once per input); rename the input fields to keep them"#
    )
    #expect(try CommandRunner.run(["tag", "-", "--quiet"] + lexicons, stdin: input).stderr == "")
  }
}

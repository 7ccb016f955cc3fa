import GovTagTestSupport
import Testing

@testable import GovTagKit

/// The audit's and eval's hints and notes for a program: the default ``SettingNames`` name no
/// command-line flag; the command line's names give its own wording back.
@Suite("Audit messages for a program name no command-line flag")
struct AuditMessagesTests {
  func at(_ line: Int) -> GovTagKit.SourceLocation { GovTagKit.SourceLocation(file: "in.jsonl", line: line) }

  @Test("a record without its reference field: add the labels or name the field")
  func missingReferenceField() {
    guard case .failure(let problem) = ReferenceLabels.parse(ReferenceLabels.Field(name: "gold"), in: [:]) else {
      Issue.record("a record without its field must be a problem")
      return
    }
    #expect(
      problem
        == ReferenceLabels.Problem(
          reason: #"the record has no "gold" field"#,
          hint: #"add its labels as "gold": {"capability": [...], ...}, or name the field that holds them"#))
  }

  @Test("no record has the field: read one the records have, or add the labels")
  func noRecordHasTheField() {
    var check = LabelFieldCheck<String>(field: "manual", option: nil)
    _ = check.problem("2", missingField: true, at: at(2), labelFields: ["labels"])
    _ = check.problem("3", missingField: true, at: at(3), labelFields: ["gold", "labels"])
    #expect(
      check.finish().error?.description
        == #"in.jsonl:2: none of the 2 records has a "manual" field; the records have "labels" (2 records), "gold" (1 record); read the field "labels" or "gold" instead"#
    )
    var bare = LabelFieldCheck<String>(field: "gold", option: nil)
    _ = bare.problem("1", missingField: true, at: at(1))
    #expect(
      bare.finish().error?.description
        == #"in.jsonl:1: the record has no "gold" field, nor any other field of labels ({"capability": [...], ...}); add the labels to the records, or name the field that holds them"#
    )
    // GovTag's own labels missing (export): tag the records first, whoever asks.
    var govtag = LabelFieldCheck<String>(field: "labels", option: nil, readsGovTagLabels: true)
    _ = govtag.problem("1", missingField: true, at: at(1), labelFields: ["gold"])
    #expect(
      govtag.finish().error?.description
        == #"in.jsonl:1: the record has no "labels" field; the records have "gold" (1 record); label the records with govtag tag first"#
    )
  }

  @Test(
    "the notes under the audit's cut lists",
    arguments: [
      (
        SettingNames(), "a larger top shows more, the JSON or CSV output lists them all",
        "a larger top shows more, the JSON output lists them all"
      ),
      (
        SettingNames([.top: "--top", .json: "--json", .csv: "--csv"]), "--top N shows more, --json or --csv FILE lists them all",
        "--top N shows more, --json lists them all"
      ),
    ])
  func cutLists(names: SettingNames, suspectsNote: String, termsNote: String) throws {
    let report = try Auditor(model: Fixtures.model, jobs: 2).audit(inputs: [Fixtures.path("audit/audit-manual.jsonl")])
    let notes = report.renderText(top: 2, terms: true, names: names).split(separator: "\n").filter { $0.hasPrefix("  … and") }
    #expect(
      notes == [
        "  … and \(report.suspects.count - 2) more: \(suspectsNote)", "  … and \(report.terms.count - 2) more: \(termsNote)",
      ])
  }

  @Test("the comparison's heading")
  func comparisonHeading() throws {
    let comparison = try AnnotatorComparer(model: Fixtures.model, jobs: 2).compare(
      Fixtures.path("audit/annotator-a.jsonl"), Fixtures.path("audit/annotator-b.jsonl"))
    let neutral = comparison.renderText().prefix { $0 != ":" }
    let commandLine = comparison.renderText(names: SettingNames([.compare: "--compare"])).prefix { $0 != ":" }
    #expect(neutral == "govtag annotator comparison")
    #expect(commandLine == "govtag audit --compare")
  }
}

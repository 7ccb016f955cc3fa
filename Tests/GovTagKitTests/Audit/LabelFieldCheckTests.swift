import Testing

@testable import GovTagKit

@Suite("A missing label field: one error for the corpus, per-record errors once the field is seen")
struct LabelFieldCheckTests {
  func at(_ line: Int) -> GovTagKit.SourceLocation { GovTagKit.SourceLocation(file: "in.jsonl", line: line) }

  @Test("problems held before the field is seen come out in order once a record has it")
  func flushInOrder() {
    var check = LabelFieldCheck<String>(field: "manual", option: "--field")
    #expect(check.problem("1: not JSON", missingField: false).isEmpty)
    #expect(check.problem("2: no manual", missingField: true, at: at(2), labelFields: ["gold"]).isEmpty)
    #expect(check.fieldFound() == ["1: not JSON", "2: no manual"])
    #expect(check.problem("4: no manual", missingField: true, at: at(4)) == ["4: no manual"])
    let end = check.finish()
    #expect(end.problems.isEmpty && end.error == nil)
  }

  @Test("no record with the field: one error naming the fields the records have, most common first")
  func oneError() {
    var check = LabelFieldCheck<String>(field: "manual", option: "--field")
    _ = check.problem("1: not JSON", missingField: false)
    _ = check.problem("2", missingField: true, at: at(2), labelFields: ["labels"])
    _ = check.problem("3", missingField: true, at: at(3), labelFields: ["gold", "labels"])
    let end = check.finish()
    #expect(end.problems == ["1: not JSON"])
    #expect(
      end.error?.description
        == #"in.jsonl:2: none of the 2 records has a "manual" field; the records have "labels" (2 records), "gold" (1 record); pass --field labels or --field gold"#
    )
  }

  @Test("no field of labels at all: say how to add them")
  func noCandidates() {
    var check = LabelFieldCheck<String>(field: "gold", option: "--field")
    _ = check.problem("1", missingField: true, at: at(1))
    #expect(
      check.finish().error?.description
        == #"in.jsonl:1: the record has no "gold" field, nor any other field of labels ({"capability": [...], ...}); add the labels to the records, or name the field that holds them with --field"#
    )
  }

  @Test("fields of labels: objects with a dimension list; GovTag's scores and excluded fields are not")
  func labelFields() {
    let fields: [String: JSONValue] = [
      "gold": .object(["capability": .array([])]), "scores": .object(["capability": .object([:])]),
      "labels": .object(["technology": .array([])]), "text": .string("…"),
    ]
    #expect(LabelFieldCheck<String>.labelFields(in: fields) == ["gold", "labels"])
    #expect(LabelFieldCheck<String>.labelFields(in: fields, excluding: ["labels"]) == ["gold"])
  }
}

import Testing

@testable import GovTagKit

@Suite("Duplicate ids")
struct DuplicateIDCheckTests {
  @Test("the first record with an id passes; a later one is named with both places, across inputs and in .txt folders")
  func places() {
    var check = DuplicateIDCheck()
    func add(_ id: String, _ file: String, _ line: Int?, input: Int, name: String) -> String? {
      check.check(
        id: id, hash: DuplicateIDCheck.hash(id), at: SourceLocation(file: file, line: line), input: input, inputName: name)?
        .description
    }
    #expect(add("a", "one.jsonl", 1, input: 0, name: "one.jsonl") == nil)
    #expect(add("b", "one.jsonl", 2, input: 0, name: "one.jsonl") == nil)
    #expect(add("a", "one.jsonl", 3, input: 0, name: "one.jsonl") == #"one.jsonl:3: duplicate id "a" (first at one.jsonl:1)"#)
    #expect(add("x.txt", "docs/x.txt", nil, input: 1, name: "docs") == nil)
    #expect(add("b", "<stdin>", 1, input: 2, name: "<stdin>") == #"<stdin>:1: duplicate id "b" (first at one.jsonl:2)"#)
    #expect(add("x.txt", "more/x.txt", nil, input: 3, name: "more") == #"more/x.txt: duplicate id "x.txt" (first at docs/x.txt)"#)
    // Ids that differ only in their last byte never share an FNV-1a hash.
    #expect(DuplicateIDCheck.hash("r1") != DuplicateIDCheck.hash("r2"))
    #expect(DuplicateIDCheck.hash("1") == DuplicateIDCheck.hash("1"))
  }

  @Test("tag's warning: the count, the first three with both places, how many more, and what to do")
  func warning() {
    var summary = RunSummary()
    #expect(summary.duplicateIDWarning == nil)
    var tally = DuplicateIDTally()
    for line in 2...6 {
      tally.add(
        DuplicateID(
          id: "r\(line)", location: SourceLocation(file: "in.jsonl", line: line + 10),
          first: SourceLocation(file: "in.jsonl", line: line)))
    }
    summary.duplicateIDs = tally
    #expect(
      summary.duplicateIDWarning
        == #"5 records repeat the id of an earlier record (all are labelled): in.jsonl:12: duplicate id "r2" (first at in.jsonl:2); in.jsonl:13: duplicate id "r3" (first at in.jsonl:3); in.jsonl:14: duplicate id "r4" (first at in.jsonl:4); and 2 more. Give every record a unique id: diff, eval and audit use only the first record with an id"#
    )
  }
}

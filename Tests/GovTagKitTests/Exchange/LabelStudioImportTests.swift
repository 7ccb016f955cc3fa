import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Label Studio export read as manual labels")
struct LabelStudioImportTests {
  /// Five tasks: two annotators on task 1, a draft beside a submission on 2, a skip on 3, a
  /// cancelled annotation on 4, nobody on 5, and an unknown category on 6.
  static let export = #"""
    [
     {"id": 1, "data": {"id": "r01", "title": "标题", "text": "推进一网通办。"},
      "annotations": [
       {"id": 11, "completed_by": 1, "was_cancelled": false, "result": [
         {"from_name": "capability", "to_name": "text", "type": "choices", "value": {"choices": ["public_service", "economic_regulation"]}},
         {"from_name": "province", "to_name": "text", "type": "choices", "value": {"choices": ["浙江"]}},
         {"from_name": "region", "to_name": "text", "type": "choices", "value": {"choices": ["east"]}},
         {"from_name": "evidence", "to_name": "text", "type": "labels", "value": {"start": 2, "end": 6, "labels": ["capability.public_service"]}}]},
       {"id": 12, "completed_by": {"id": 2, "email": "b@example.org"}, "result": [
         {"from_name": "capability", "to_name": "text", "type": "choices", "value": {"choices": ["public_service"]}}]}],
      "drafts": [], "predictions": []},
     {"id": 2, "data": {"id": "r02", "text": "建设物联网平台。"},
      "annotations": [{"id": 21, "completed_by": 1, "result": []}],
      "drafts": [{"id": 5, "user": "b@example.org", "result": []}]},
     {"id": 3, "data": {"id": "r03", "text": "办事。"}, "annotations": [{"id": 31, "completed_by": 1, "was_cancelled": true, "result": []}]},
     {"id": 4, "data": {"id": "r04", "text": "办事。"},
      "annotations": [{"id": 41, "completed_by": 2, "was_cancelled": true, "result": [
        {"from_name": "technology", "to_name": "text", "type": "choices", "value": {"choices": ["ai"]}}]}]},
     {"id": 5, "data": {"id": "r05", "text": "办事。"}, "annotations": [], "drafts": []},
     {"id": 6, "data": {"id": "r06", "text": "办事。"},
      "annotations": [{"id": 61, "completed_by": 1, "result": [
        {"from_name": "technology", "to_name": "text", "type": "choices", "value": {"choices": ["quantum"]}}]}]}
    ]
    """#

  @Test("Submitted annotations become records; drafts, skips, cancels, unannotated and unreadable ones are listed")
  func notices() throws {
    let result = try LabelStudioImport.parse(Array(Self.export.utf8), file: "export.json")
    #expect(result.tasks == 6)
    #expect(result.records.map(\.id) == ["r01", "r01", "r02"])
    #expect(result.annotators == ["1", "b@example.org"])
    #expect(
      result.notices.map(\.description) == [
        "task 2 (r02), draft 5 by b@example.org",
        "task 3 (r03), annotation 31 by 1",
        "task 4 (r04), annotation 41 by 2",
        "task 5 (r05)",
        "task 6 (r06), annotation 61 by 1: unknown category \"quantum\" in technology",
      ])
    #expect(result.notices.map(\.kind) == [.draft, .skipped, .cancelled, .unannotated, .invalid])
  }

  @Test("A record's line: every dimension, empty ones as [], place as chosen or null")
  func lines() throws {
    let result = try LabelStudioImport.parse(Array(Self.export.utf8), file: "export.json")
    let lines = result.records.map { String(decoding: $0.jsonLine(), as: UTF8.self) }
    #expect(
      lines == [
        #"{"id":"r01","title":"标题","text":"推进一网通办。","manual":{"capability":["economic_regulation","public_service"],"data_element":[],"traits":[],"innovation":[],"technology":[],"province":"浙江","region":"east"},"annotator":"1","source":"label-studio task 1, annotation 11"}"#
          + "\n",
        #"{"id":"r01","title":"标题","text":"推进一网通办。","manual":{"capability":["public_service"],"data_element":[],"traits":[],"innovation":[],"technology":[],"province":null,"region":null},"annotator":"b@example.org","source":"label-studio task 1, annotation 12"}"#
          + "\n",
        #"{"id":"r02","text":"建设物联网平台。","manual":{"capability":[],"data_element":[],"traits":[],"innovation":[],"technology":[],"province":null,"region":null},"annotator":"1","source":"label-studio task 2, annotation 21"}"#
          + "\n",
      ])
  }

  @Test("One record per task keeps the first annotation; per annotator splits them")
  func grouping() throws {
    let result = try LabelStudioImport.parse(Array(Self.export.utf8), file: "export.json")
    let (records, leftAside) = result.onePerTask()
    #expect(records.map(\.source) == ["label-studio task 1, annotation 11", "label-studio task 2, annotation 21"])
    #expect(leftAside.count == 1)
    #expect(leftAside.first?.others.map(\.annotator) == ["b@example.org"])
    let split = result.perAnnotator()
    #expect(split.map(\.annotator) == ["1", "b@example.org"])
    #expect(split.map { $0.records.map(\.id) } == [["r01", "r02"], ["r01"]])
  }

  @Test("Not a list of tasks: one error naming the file and what to export")
  func notAList() {
    #expect(throws: GovTagError.self) { try LabelStudioImport.parse(Array(#"{"data": {}}"#.utf8), file: "x.json") }
    do {
      _ = try LabelStudioImport.parse(Array(#"{"data": {}}"#.utf8), file: "x.json")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "x.json: a Label Studio JSON export is a list of tasks, found an object; export with Export → JSON (not JSON-MIN, CSV or the tasks file govtag export wrote)"
      )
    } catch {}
  }

  @Test("GovTag's own tasks file (predictions, no annotations) is one error saying what the file is")
  func ownTasksFile() {
    let tasks = #"[{"data": {"id": "a", "text": "x"}, "predictions": []}, {"data": {"id": "b", "text": "y"}, "predictions": []}]"#
    do {
      _ = try LabelStudioImport.parse(Array(tasks.utf8), file: "tasks.json")
      Issue.record("the tasks file must be refused")
    } catch let error as GovTagError {
      #expect(
        error.description
          == "tasks.json: none of the 2 tasks has annotations, only predictions: this is the tasks file govtag export wrote, "
          + "not Label Studio's export; import it into Label Studio, annotate the tasks, then give the file of Export → JSON")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("A task that is not an object is listed as invalid, saying so")
  func taskNotAnObject() throws {
    let result = try LabelStudioImport.parse(Array("[1, \"x\"]".utf8), file: "x.json")
    #expect(result.records.isEmpty)
    let reasons = result.notices.map(\.reason)
    #expect(reasons == ["the task is not an object, found a number", "the task is not an object, found a string"])
    #expect(result.notices.map(\.task) == ["#1", "#2"])
  }

  @Test("Two provinces chosen for one record make the annotation invalid, named with its task; never one kept silently")
  func twoProvinces() throws {
    let export = #"""
      [{"id": 7, "data": {"id": "r07", "text": "推进一网通办。"},
        "annotations": [{"id": 71, "completed_by": 1, "result": [
          {"from_name": "province", "to_name": "text", "type": "choices", "value": {"choices": ["浙江", "江苏"]}}]}]}]
      """#
    let result = try LabelStudioImport.parse(Array(export.utf8), file: "export.json")
    #expect(result.records.isEmpty)
    #expect(
      result.notices.map(\.description) == [
        #"task 7 (r07), annotation 71 by 1: 2 provinces chosen ("浙江", "江苏"); a record has one"#
      ])
    #expect(result.notices.map(\.kind) == [.invalid])
  }

  @Test("The tasks file govtag export wrote is read as tasks by checkAgainst, though parse refuses it as an export")
  func tasksFileAsTasks() throws {
    let tasks = #"""
      [{"data": {"id": "r01", "text": "a"}, "predictions": [{"result": []}]},
       {"data": {"id": "r02", "text": "b"}, "predictions": [{"result": []}]}]
      """#
    #expect(throws: GovTagError.self) { try LabelStudioImport.parse(Array(tasks.utf8), file: "tasks.json") }
    var result = try LabelStudioImport.parse(Array(Self.export.utf8), file: "export.json")
    try result.checkAgainst(tasks: Array(tasks.utf8), file: "tasks.json")
    #expect(result.notices.filter { $0.kind == .missing }.isEmpty)
    var partial = try LabelStudioImport.parse(Array("[]".utf8), file: "e.json")
    try partial.checkAgainst(tasks: Array(tasks.utf8), file: "tasks.json")
    #expect(
      partial.notices.map(\.description) == ["record r01 (task 1 of the tasks file)", "record r02 (task 2 of the tasks file)"])
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("doccano JSON Lines, both ways")
struct DoccanoRecordTests {
  @Test("Export writes dimension:category labels, place, govtag_id and title")
  func export() {
    let record = LabelledRecord(
      id: "r1", title: "标题", text: "推进一网通办。",
      labels: CaseLabels(
        categories: ["capability": ["public_service"], "technology": ["iot", "ai"]], province: "浙江", region: .east))
    #expect(
      String(decoding: DoccanoRecord.exportLine(record), as: UTF8.self)
        == #"{"text":"推进一网通办。","label":["capability:public_service","technology:ai","technology:iot","province:浙江","region:east"],"govtag_id":"r1","title":"标题"}"#
        + "\n")
  }

  @Test("Import reads label or labels, govtag_id before id; a bad label is an error with its line")
  func parse() {
    let good = #"{"id": 7, "text": "推进一网通办。", "label": ["capability:public_service", "region:west"], "govtag_id": "r1"}"#
    let record = Array(good.utf8).withUnsafeBufferPointer {
      DoccanoRecord.parse($0, at: SourceLocation(file: "d.jsonl", line: 1))
    }
    #expect(
      (try? record.get()).map { String(decoding: $0.jsonLine(), as: UTF8.self) }
        == #"{"id":"r1","text":"推进一网通办。","manual":{"capability":["public_service"],"data_element":[],"traits":[],"innovation":[],"technology":[],"province":null,"region":"west"}}"#
        + "\n")
    let bad = #"{"id": 8, "text": "x", "labels": ["capability:unknown"]}"#
    let failure = Array(bad.utf8).withUnsafeBufferPointer {
      DoccanoRecord.parse($0, at: SourceLocation(file: "d.jsonl", line: 2))
    }
    guard case .failure(let error) = failure else {
      Issue.record("a bad label must fail")
      return
    }
    #expect(error.reason == "unknown label \"capability:unknown\"")
    #expect(error.id == "8")
  }

  @Test(
    "A label that is not a list, or no label at all, is an error: never read as a reviewer who chose nothing",
    arguments: [
      (#"{"id": 3, "text": "x", "label": "capability:public_service"}"#, #""label" holds a string, not a list of class names"#),
      (#"{"id": 3, "text": "x", "label": null}"#, #""label" holds null, not a list of class names"#),
      (#"{"id": 3, "text": "x"}"#, #""label" is missing"#),
    ])
  func labelNotAList(line: String, reason: String) {
    let result = Array(line.utf8).withUnsafeBufferPointer {
      DoccanoRecord.parse($0, at: SourceLocation(file: "d.jsonl", line: 4))
    }
    guard case .failure(let error) = result else {
      Issue.record("\(line) must fail")
      return
    }
    #expect(error.reason == reason)
    #expect(error.hint?.hasPrefix("give doccano's text classification export") == true)
  }

  @Test(
    "Two provinces or two regions for one record are an error naming both, never one kept silently",
    arguments: [
      (
        #"["capability:public_service", "province:浙江", "province:江苏"]"#,
        #"two provinces, "浙江" and "江苏"; a record has one"#
      ),
      (#"["region:east", "region:west"]"#, #"two regions, "east" and "west"; a record has one"#),
    ])
  func twoPlaces(labels: String, reason: String) {
    let line = #"{"govtag_id": "r9", "text": "x", "label": "# + labels + "}"
    let result = Array(line.utf8).withUnsafeBufferPointer {
      DoccanoRecord.parse($0, at: SourceLocation(file: "d.jsonl", line: 5))
    }
    guard case .failure(let error) = result else {
      Issue.record("\(line) must fail")
      return
    }
    #expect(error.description.hasPrefix(#"d.jsonl:5: record "r9": "# + reason + "; keep the one "))
  }

  @Test("The same province twice is one province")
  func sameProvinceTwice() {
    let line = #"{"govtag_id": "r9", "text": "x", "label": ["province:浙江", "province:浙江"]}"#
    let result = Array(line.utf8).withUnsafeBufferPointer {
      DoccanoRecord.parse($0, at: SourceLocation(file: "d.jsonl", line: 5))
    }
    #expect((try? result.get())?.province == "浙江")
  }
}

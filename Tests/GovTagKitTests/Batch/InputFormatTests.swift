import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Input formats")
struct InputFormatTests {
  func run(_ inputs: [String], in directory: URL, configure: (inout BatchConfiguration) -> Void = { _ in })
    throws -> (records: [[String: Any]], errors: [String], summary: RunSummary)
  {
    var configuration = BatchConfiguration(jobs: 2)
    configure(&configuration)
    var errors: [String] = []
    let output = directory.appendingPathComponent("out-\(UUID().uuidString).jsonl").path
    let summary = try BatchRunner(model: Fixtures.model, configuration: configuration).run(
      inputs: inputs, destination: .init(output: output),
      onEvent: { event in
        if case .recordFailed(let error) = event { errors.append(error.description) }
      })
    let text = try String(contentsOfFile: output, encoding: .utf8)
    let records = text.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    return (records, errors, summary)
  }

  @Test("a JSON array is read element by element, with the line each starts on")
  func jsonArray() throws {
    let directory = Fixtures.temporaryDirectory()
    let path = Fixtures.write(
      """
      [
        {"id": "a", "text": "推进一网通办，[数组]里的\\"引号\\""},
        {"id": "b",
         "text": "优化营商环境"},
        {"id": "c"}
      ]
      """, to: "in.json", in: directory)
    let result = try run([path], in: directory)
    #expect(result.records.map { $0["id"] as? String } == ["a", "b"])
    #expect(result.errors == [#"\#(path):5: record "c": the record has no "text" field; put the narrative in "text""#])
  }

  @Test("a malformed or unclosed JSON array is reported where it breaks")
  func brokenJSONArray() throws {
    let directory = Fixtures.temporaryDirectory()
    let notArray = Fixtures.write(#"{"id": "a", "text": "x"}"#, to: "object.json", in: directory)
    let truncated = Fixtures.write(
      "[\n{\"id\": \"a\", \"text\": \"推进一网通办\"},\n{\"id\": \"b\", \"te", to: "cut.json", in: directory)
    let result = try run([notArray, truncated], in: directory)
    #expect(result.records.map { $0["id"] as? String } == ["a"])
    #expect(
      result.errors == [
        "\(notArray):1: a JSON array input must start with [; choose the jsonl input format for one object per line",
        "\(truncated):3: the JSON array is malformed or truncated in the element starting at line 3",
      ])
  }

  @Test("CSV with a header: quoted commas, doubled quotes and line breaks; a short row is reported")
  func csv() throws {
    let directory = Fixtures.temporaryDirectory()
    let path = Fixtures.write(
      "\u{FEFF}编号,标题,正文\r\nc1,\"标题, 带逗号\",\"推进\"\"一网通办\"\"\n第二行\"\r\nc2,x,优化营商环境\r\nc3,short\r\n", to: "in.csv",
      in: directory)
    let result = try run([path], in: directory) {
      $0.csvColumns.id = "编号"
      $0.csvColumns.title = "标题"
      $0.csvColumns.text = "正文"
    }
    #expect(result.records.map { $0["id"] as? String } == ["c1", "c2"])
    #expect(result.records.first?["text"] as? String == "推进\"一网通办\"\n第二行")
    #expect(result.records.first?["title"] as? String == "标题, 带逗号")
    #expect(
      (result.records.first?["labels"] as? [String: [String]])?["capability"] == ["public_service"])
    #expect(
      result.errors == ["\(path):5: the row has 2 fields but the header has 3; quote fields that contain commas or line breaks"])
  }

  @Test(
    "CSV without the text column names the columns it has, and the setting as the caller names it",
    arguments: [
      (SettingNames(), "choose the column that holds the text"),
      (SettingNames([.textColumn: "--text-column"]), "name the text column with --text-column"),
    ])
  func csvWithoutText(names: SettingNames, hint: String) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = Fixtures.write("id,body\n1,推进一网通办\n", to: "in.csv", in: directory)
    let result = try run([path], in: directory) { $0.settingNames = names }
    #expect(result.records.isEmpty)
    #expect(result.errors == [#"\#(path):1: the CSV header has no column "text" (it has id, body); \#(hint)"#])
  }

  @Test("a folder of .txt files: ids are relative paths, in order; invalid UTF-8 is reported")
  func textFolder() throws {
    let directory = Fixtures.temporaryDirectory()
    let folder = directory.appendingPathComponent("cases")
    Fixtures.write("推进一网通办", to: "cases/b/2.txt", in: directory)
    Fixtures.write("优化营商环境", to: "cases/a.txt", in: directory)
    Fixtures.write("ignored", to: "cases/notes.md", in: directory)
    _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("c.txt").path, contents: Data([0xE6, 0x8E]))
    let result = try run([folder.path], in: directory)
    #expect(result.records.map { $0["id"] as? String } == ["a.txt", "b/2.txt"])
    #expect(
      result.errors == [
        #"\#(folder.path)/c.txt: record "c.txt": invalid UTF-8 at byte 1 of the file; convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)"#
      ])
  }

  @Test("JSON array output is one valid array with the same records as JSON Lines")
  func jsonOutput() throws {
    let directory = Fixtures.temporaryDirectory()
    let path = Fixtures.write(
      #"{"id":"a","text":"推进一网通办"}"# + "\n" + #"{"id":"b","text":"优化营商环境"}"# + "\n", to: "in.jsonl", in: directory)
    let output = directory.appendingPathComponent("out.json").path
    var configuration = BatchConfiguration(jobs: 2)
    configuration.outputFormat = .json
    _ = try BatchRunner(model: Fixtures.model, configuration: configuration).run(
      inputs: [path], destination: .init(output: output))
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [[String: Any]])
    #expect(array.map { $0["id"] as? String } == ["a", "b"])
    let lines = try run([path], in: directory).records
    #expect(lines.count == array.count)
  }
}

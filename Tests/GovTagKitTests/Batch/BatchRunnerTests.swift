import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Batch runner")
struct BatchRunnerTests {
  /// 300 records of varied length with a few bad lines among them.
  static func corpus() -> String {
    let sentences = ["推进一网通办", "优化营商环境", "坚持财政务实管理", "应用人工智能", "深圳市南山区建设物联网", "发展中国家", "😀提升政务服务"]
    var lines: [String] = []
    for index in 0..<300 {
      if index % 97 == 13 {
        lines.append("{broken json \(index)")
        continue
      }
      if index % 101 == 50 {
        lines.append("")
        continue
      }
      let text = (0..<(1 + index % 17)).map { sentences[($0 * 7 + index) % sentences.count] }.joined(separator: "，")
      lines.append(#"{"id":"r\#(index)","title":"案例\#(index)","text":"\#(text)","year":\#(2022 + index % 3)}"#)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func run(jobs: Int, input: String, directory: URL, inPlace: Bool = false) throws -> (String, RunSummary) {
    var configuration = BatchConfiguration(jobs: jobs)
    configuration.chunkRecords = 7  // many chunks, so workers really interleave
    configuration.errorRecordsInPlace = inPlace
    let outputPath = directory.appendingPathComponent("out-\(jobs)-\(inPlace).jsonl").path
    let summary = try BatchRunner(model: Fixtures.model, configuration: configuration)
      .run(inputs: [input], destination: .init(output: outputPath))
    #expect(!FileManager.default.fileExists(atPath: outputPath + ".partial"))
    #expect(!FileManager.default.fileExists(atPath: outputPath + ".partial.state"))
    return (try String(contentsOfFile: outputPath, encoding: .utf8), summary)
  }

  @Test("output is byte-identical for 1, 2 and 4 jobs")
  func identicalAcrossJobCounts() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(Self.corpus(), to: "in.jsonl", in: directory)
    let (one, summary) = try run(jobs: 1, input: input, directory: directory)
    let (two, _) = try run(jobs: 2, input: input, directory: directory)
    let (four, _) = try run(jobs: 4, input: input, directory: directory)
    #expect(one == two)
    #expect(one == four)
    #expect(summary.labelled == 294)
    #expect(summary.failed == 3)
    #expect(summary.blankLines == 3)
    // Input order is kept.
    let ids = one.split(separator: "\n").compactMap { line -> String? in
      let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      return object?["id"] as? String
    }
    #expect(ids.count == 294)
    #expect(ids.first == "r0")
    #expect(ids.last == "r299")
  }

  @Test("with error records in place, output lines match input lines")
  func errorRecordsInPlace() throws {
    let directory = Fixtures.temporaryDirectory()
    let text = Self.corpus()
    let input = Fixtures.write(text, to: "in.jsonl", in: directory)
    let (output, _) = try run(jobs: 2, input: input, directory: directory, inPlace: true)
    let inputLines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    let outputLines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(inputLines.count == outputLines.count)
    #expect(outputLines[13].contains(#""error":{"source":"\#(input)","line":14,"reason":"not valid JSON"#))
    #expect(outputLines[50].contains(#""reason":"blank line: no record""#))
  }

  @Test("a labelled record keeps its fields and adds labels, evidence and provenance")
  func labelledRecordShape() throws {
    let directory = Fixtures.temporaryDirectory()
    let input = Fixtures.write(
      #"{"id":"x1","text":"😀推进一网通办","title":"标题","year":2023,"labels":{"old":1}}"# + "\n", to: "in.jsonl", in: directory)
    let (output, _) = try run(jobs: 1, input: input, directory: directory)
    let record = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(record["year"] as? Int == 2023)
    #expect((record["labels"] as? [String: [String]]) == ["capability": ["public_service"], "technology": []])
    // The compact layout: dimension, category, term, then [field, start, end, contribution].
    #expect(output.contains(#""evidence":{"capability":{"public_service":{"一网通办":[["text",3,7,4]]}}},"#))
    #expect(record["lexicon_version"] as? String == Fixtures.model.rulesVersion)
    #expect(record["icu_version"] as? String == ICU.version)
    #expect(record["govtag_version"] as? String == GovTagVersion.current)
    #expect((record["text_hash"] as? String)?.count == 16)
    // Key order: id, title, other input fields, text, then GovTag's.
    #expect(output.hasPrefix(#"{"id":"x1","title":"标题","year":2023,"text":"😀推进一网通办","labels":"#))
  }

  @Test("missing and empty inputs are reported and the others still labelled")
  func inputErrors() throws {
    let directory = Fixtures.temporaryDirectory()
    let good = Fixtures.write(#"{"id":"a","text":"推进一网通办"}"# + "\n", to: "good.jsonl", in: directory)
    let empty = Fixtures.write("", to: "empty.jsonl", in: directory)
    let summary = try BatchRunner(model: Fixtures.model, configuration: BatchConfiguration(jobs: 2))
      .run(
        inputs: [empty, directory.appendingPathComponent("missing.jsonl").path, good],
        destination: .init(output: directory.appendingPathComponent("out.jsonl").path))
    #expect(summary.labelled == 1)
    #expect(
      summary.inputErrors == [
        "\(empty): the input holds no records; give a file with one record per line (JSON Lines), a JSON array, a CSV file or a folder of .txt files",
        "\(directory.appendingPathComponent("missing.jsonl").path): cannot open the input: No such file or directory; check the path",
      ])
    #expect(!summary.succeeded)
  }
}

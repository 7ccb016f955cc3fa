import Foundation
@_spi(Benchmarking) @_spi(Fuzzing) import GovTagKit
import GovTagTestSupport
import Testing

/// The SPI entry points of `Benchmarks/` and `Fuzz/` run the engine's own code: each answer is
/// checked against the `package` type it forwards to, and against a known value.
@Suite("The SPI entry points of Benchmarks/ and Fuzz/")
struct SPIEntryPointTests {
  @Test("BenchmarkTagger counts the labels and evidence of Tagger.classify(title:text:)")
  func benchmarkTagger() throws {
    let tagger = try BenchmarkTagger(lexiconDirectory: Fixtures.lexiconDirectory)
    let engine = try Tagger(model: Fixtures.model)
    var labels = 0
    var evidence = 0
    for text in ["杭州市推进政务服务一网通办", "推进人工智能和物联网建设", "今天天气很好"] {
      let counts = try tagger.classify(title: nil, text: text)
      let classification = try engine.classify(title: nil, text: text)
      #expect(counts.labels == classification.dimensions.reduce(0) { $0 + $1.labels.count })
      #expect(counts.evidence == classification.evidence.count)
      labels += counts.labels
      evidence += counts.evidence
    }
    #expect(labels == 3)
    #expect(evidence == 6)
  }

  @Test("BenchmarkTagger names a missing lexicon folder")
  func benchmarkTaggerMissingLexicons() {
    #expect {
      _ = try BenchmarkTagger(lexiconDirectory: "/nonexistent/lexicons")
    } throws: { error in
      "\(error)".hasPrefix("/nonexistent/lexicons: cannot read the lexicon directory: ")
    }
  }

  @Test("SPIJSONWriter writes what JSONWriter writes")
  func jsonWriter() {
    var writer = SPIJSONWriter()
    writer.beginObject()
    writer.key("pass")
    writer.string("core")
    writer.key("records")
    writer.integer(2)
    writer.key("mb_per_s")
    writer.number(2)
    writer.key("fields")
    writer.value(.object(["year": .integer(2023), "source": .string("市政府")]))
    writer.endObject()
    #expect(
      String(decoding: writer.bytes, as: UTF8.self)
        == #"{"pass":"core","records":2,"mb_per_s":2,"fields":{"source":"市政府","year":2023}}"#)
  }

  @Test("FuzzEntryPoints.decodeRecord keeps every field, and rejects a record without text")
  func decodeRecord() throws {
    let location = SourceLocation(file: "t.jsonl", line: 1)
    let line = Array(#"{"id":7,"title":"标题","text":"推进政务服务","year":2023}"#.utf8)
    let document = try #require(line.withUnsafeBufferPointer { FuzzEntryPoints.decodeRecord($0, at: location) })
    #expect(document.id == "7")
    #expect(document.title == "标题")
    #expect(document.text == "推进政务服务")
    #expect(document.fields["year"] == .integer(2023))
    let noText = Array(#"{"id":"r2"}"#.utf8)
    #expect(noText.withUnsafeBufferPointer { FuzzEntryPoints.decodeRecord($0, at: location) } == nil)
  }

  @Test("FuzzEntryPoints.decodeLabelledRecord accepts the lines LabelledRecordReader accepts")
  func decodeLabelledRecord() throws {
    // Read as bytes: some edge cases are not valid UTF-8.
    let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("edge-cases.jsonl")))
    let lines = file.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
    var accepted: [String: Set<Int>] = [:]
    for (index, line) in lines.enumerated() {
      let location = SourceLocation(file: "edge-cases.jsonl", line: index + 1)
      line.withUnsafeBufferPointer { bytes in
        for field: String? in [nil, "manual"] {
          let reader = field.map { LabelledRecordReader(source: .field($0)) } ?? LabelledRecordReader()
          let expected = if case .success = reader.decode(bytes, at: location) { true } else { false }
          #expect(FuzzEntryPoints.decodeLabelledRecord(bytes, at: location, labelField: field) == expected)
          if expected { accepted[field ?? "govtag", default: []].insert(index + 1) }
        }
      }
    }
    #expect(lines.count == 27)
    // Line 1 starts with a byte-order mark, which the file readers remove before decoding.
    #expect(accepted["govtag"] == EdgeCaseAgreementTests.accepted.subtracting([1]))
    #expect(accepted["manual"] == nil)
  }

  @Test("FuzzEntryPoints reads a CSV file with renamed columns, a JSON array and JSON Lines to the end")
  func readers() throws {
    let directory = Fixtures.temporaryDirectory()
    let csv = Fixtures.write("编号,t,text\n1,标题,推进政务服务\n2,,一网通办\n", to: "records.csv", in: directory)
    #expect(try FuzzEntryPoints.readCSV(path: csv, idColumn: "编号", titleColumn: "t") == 2)
    let array = Fixtures.write(#"[{"id":"a","text":"x"},{"id":"b","text":"y"},3]"#, to: "records.json", in: directory)
    #expect(try FuzzEntryPoints.readJSONArray(path: array) == 3)
    let lines = Fixtures.write("{\"id\":\"a\",\"text\":\"x\"}\n\nnot json\n", to: "records.jsonl", in: directory)
    #expect(try FuzzEntryPoints.readJSONLines(path: lines) == 3)
  }

  @Test("FuzzEntryPoints.parseLexicon parses a lexicon file as LexiconLoader does")
  func parseLexicon() throws {
    let text = try String(contentsOfFile: Fixtures.path("lexicons/capability.yaml"), encoding: .utf8)
    #expect(try FuzzEntryPoints.parseLexicon(text, file: "capability.yaml") == 3)
    #expect(throws: GovTagErrors.self) { try FuzzEntryPoints.parseLexicon("dimension: capability\n", file: "capability.yaml") }
  }
}

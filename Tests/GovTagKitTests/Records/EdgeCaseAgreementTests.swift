import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagKit

/// One file of edge cases (`Tests/Fixtures/edge-cases.jsonl`) read by every reader of records:
/// they must agree, line by line, on what they accept.
///
/// Every line is shaped like `govtag tag` output (labels, evidence, provenance), so that the
/// readers of labelled output (stats and report, diff, eval, `--previous`) can accept it too;
/// `@LEXICON@` and `@GOVTAG@` are replaced by the current versions before reading.
@Suite("Edge cases: every reader agrees")
struct EdgeCaseAgreementTests {
  /// The lines every reader accepts; the others are refused by every reader.
  /// 1 BOM at the start, 2 CRLF, 5 nesting at the limit, 7 numbers beyond Int64 and Double,
  /// 8 an integer id beyond 64 bits, 12 escapes and a surrogate pair, 15 empty text, 21 an
  /// escaped NUL, 26 a null title.
  static let accepted: Set<Int> = [1, 2, 5, 7, 8, 12, 15, 21, 26]

  /// The edge cases with the current versions filled in, written to `directory`.
  func edgeCases(in directory: URL) throws -> (path: String, lines: [[UInt8]]) {
    var bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("edge-cases.jsonl")))
    for (placeholder, value) in [("@LEXICON@", Fixtures.model.rulesVersion), ("@GOVTAG@", GovTagVersion.current)] {
      while let range = bytes.range(of: Data(placeholder.utf8)) { bytes.replaceSubrange(range, with: Data(value.utf8)) }
    }
    let path = directory.appendingPathComponent("edge-cases.jsonl").path
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    if lines.last?.isEmpty == true { lines.removeLast() }
    return (path, lines)
  }

  /// Line numbers 1…count minus those reported as failed.
  static func accepted(count: Int, failedLines: [Int?]) -> Set<Int> {
    Set(1...count).subtracting(failedLines.compactMap { $0 })
  }

  @Test(
    "the JSON Lines reader, the JSON array reader, stats, diff, eval and --previous accept the same lines, as lines and in arrays"
  )
  func readersAgree() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (path, lines) = try edgeCases(in: directory)
    #expect(lines.count == 26)

    // govtag tag, JSON Lines.
    var tagFailures: [Int?] = []
    let jsonl = try JSONLinesRecordReader(path: path)
    while let record = try jsonl.next() {
      guard case .json(let bytes) = record.payload else {
        tagFailures.append(record.location.line)
        continue
      }
      if case .failure = bytes.withUnsafeBufferPointer({ DocumentDecoder().decode($0, at: record.location) }) {
        tagFailures.append(record.location.line)
      }
    }
    #expect(Self.accepted(count: lines.count, failedLines: tagFailures) == Self.accepted)

    // govtag tag, a JSON array holding the line (a BOM at the start of the file stays first).
    var arrayAccepted: Set<Int> = []
    for (offset, line) in lines.enumerated() {
      var content = line
      let mark = UTF8Text.removeByteOrderMark(from: &content, atLine: offset + 1)
      let file = directory.appendingPathComponent("line-\(offset + 1).json").path
      _ = FileManager.default.createFile(
        atPath: file, contents: Data(Array(line.prefix(mark)) + Array("[".utf8) + content + Array("]".utf8)))
      let reader = try JSONArrayRecordReader(path: file)
      var good = 0
      var bad = 0
      while let record = try reader.next() {
        if case .json(let bytes) = record.payload,
          case .success = bytes.withUnsafeBufferPointer({ DocumentDecoder().decode($0, at: record.location) })
        {
          good += 1
        } else {
          bad += 1
        }
      }
      if good == 1 && bad == 0 { arrayAccepted.insert(offset + 1) }
    }
    #expect(arrayAccepted == Self.accepted)

    // The readers of labelled and annotated records, given the same arrays (JSONInputReader).
    var statsArrays: Set<Int> = []
    var diffArrays: Set<Int> = []
    var evalArrays: Set<Int> = []
    var previousArrays: Set<Int> = []
    let annotated = AnnotatedCorpusReader(model: Fixtures.model, field: ReferenceLabels.Field(name: "labels"), jobs: 1)
    for number in 1...lines.count {
      let file = directory.appendingPathComponent("line-\(number).json").path
      let stats = try LabelledRecordReader().read(paths: [file]) { _ in }
      if stats.used == 1 && stats.failed == 0 { statsArrays.insert(number) }
      let diff = try LabelDiffer().compare(old: file, new: file)
      if diff.compared == 1 && diff.old.skipped == 0 { diffArrays.insert(number) }
      let eval = try annotated.run(inputs: [file], job: { _, _ in 0 }, consume: { _, _ in }, onProblem: { _ in })
      if eval.used == 1 && eval.failed == 0 { evalArrays.insert(number) }
      if try PreviousRun(path: file, rulesVersion: Fixtures.model.rulesVersion).count == 1 { previousArrays.insert(number) }
    }
    #expect(statsArrays == Self.accepted)
    #expect(diffArrays == Self.accepted)
    #expect(evalArrays == Self.accepted.subtracting([15]))
    #expect(previousArrays == Self.accepted)

    // govtag stats and report.
    var statsFailures: [Int?] = []
    try LabelledRecordReader().read(paths: [path]) { event in
      if case .recordFailed(let error) = event { statsFailures.append(error.location.line) }
    }
    #expect(Self.accepted(count: lines.count, failedLines: statsFailures) == Self.accepted)

    // govtag diff.
    var diffFailures: [Int?] = []
    _ = try LabelDiffer().compare(old: path, new: path) { event in
      if case .recordFailed(let error) = event, error.location.file == path { diffFailures.append(error.location.line) }
    }
    // Both sides are the same file: each bad line is reported twice.
    #expect(Self.accepted(count: lines.count, failedLines: diffFailures) == Self.accepted)
    #expect(diffFailures.count == 2 * (lines.count - Self.accepted.count))

    // govtag eval (labels as the reference): an empty text is refused on purpose, since there
    // is nothing to compare.
    var evalAccepted: Set<Int> = []
    for (offset, line) in lines.enumerated() {
      var bytes = line
      UTF8Text.removeByteOrderMark(from: &bytes, atLine: offset + 1)
      let decoded = AnnotatedCorpusReader.decode(
        bytes, at: SourceLocation(file: path, line: offset + 1), decoder: DocumentDecoder(),
        field: ReferenceLabels.Field(name: "labels"))
      if case .success = decoded { evalAccepted.insert(offset + 1) }
    }
    #expect(evalAccepted == Self.accepted.subtracting([15]))

    // govtag tag --previous: a line is indexed only if it is a record.
    var previousAccepted: Set<Int> = []
    for (offset, line) in lines.enumerated() {
      let file = directory.appendingPathComponent("previous-\(offset + 1).jsonl").path
      // A blank line first keeps every line but the first off line 1, where a BOM is allowed.
      _ = FileManager.default.createFile(atPath: file, contents: Data((offset == 0 ? [] : [0x0A]) + line + [0x0A]))
      let previous = try PreviousRun(path: file, rulesVersion: Fixtures.model.rulesVersion)
      if previous.count == 1 { previousAccepted.insert(offset + 1) }
    }
    #expect(previousAccepted == Self.accepted)
  }

  @Test("accepted numbers are written back exactly as the input wrote them")
  func numbersKept() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (path, _) = try edgeCases(in: directory)
    let output = directory.appendingPathComponent("out.jsonl").path
    _ = try BatchRunner(model: Fixtures.model, configuration: BatchConfiguration(jobs: 1)).run(
      inputs: [path], destination: .init(output: output))
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(text.contains(#""n":[123456789012345678901234567890,1e400,-0.0,-0,1E5,2.50]"#))
    #expect(text.contains(#"{"id":123456789012345678901234567890,"#))
    #expect(text.contains(#"{"id":"😀 一","#))
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// Issue #14: nothing a user feeds the readers is dropped silently.
@Suite("Input readers: nothing dropped silently")
struct ReaderHardeningTests {
  struct Run {
    var ids: [String]
    var errors: [String]
    var inputErrors: [String]
    var replaced: [String]
    var output: String
    var summary: RunSummary
  }

  func run(_ inputs: [String], in directory: URL, configure: (inout BatchConfiguration) -> Void = { _ in }) throws -> Run {
    var configuration = BatchConfiguration(jobs: 2)
    configure(&configuration)
    var errors: [String] = []
    var inputErrors: [String] = []
    var replaced: [String] = []
    let output = directory.appendingPathComponent("out-\(UUID().uuidString).jsonl").path
    let summary = try BatchRunner(model: Fixtures.model, configuration: configuration).run(
      inputs: inputs, destination: .init(output: output),
      onEvent: { event in
        switch event {
        case .recordFailed(let error): errors.append(error.description)
        case .inputFailed(let error): inputErrors.append(error.description)
        case .fieldsReplaced(let location, let names): replaced.append("\(location): \(names.joined(separator: ","))")
        case .progress: break
        }
      })
    // A run that could read no input writes no file at all (nothing that looks finished).
    let text = FileManager.default.fileExists(atPath: output) ? try String(contentsOfFile: output, encoding: .utf8) : ""
    let ids = text.split(separator: "\n").map { line in
      ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["id"].map { "\($0)" } ?? "?"
    }
    return Run(ids: ids, errors: errors, inputErrors: inputErrors, replaced: replaced, output: text, summary: summary)
  }

  // MARK: - JSON

  @Test("content after a JSON array's ], a second array included, is an error with its line")
  func afterTheArray() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let two = Fixtures.write(
      "[{\"id\":\"a\",\"text\":\"推进一网通办\"}]\n[{\"id\":\"b\",\"text\":\"x\"}]\n", to: "two.json", in: directory)
    let comma = Fixtures.write("[,{\"id\":\"c\",\"text\":\"x\"}]", to: "comma.json", in: directory)
    let trailing = Fixtures.write("[{\"id\":\"d\",\"text\":\"x\"},\n]", to: "trailing.json", in: directory)
    let result = try run([two, comma, trailing], in: directory)
    #expect(result.ids == ["a", "d"])
    #expect(
      result.errors == [
        "\(two):2: content after the closing ] of the JSON array, at line 2; a .json input holds one array: put each array in its own file, or use JSON Lines (one record per line)",
        "\(comma):1: a comma before the first element of the JSON array; remove the comma after [",
        "\(trailing):2: a comma before the closing ] of the JSON array; remove the comma after the last element",
      ])
    #expect(result.summary.failed == 3)
  }

  @Test("a UTF-8 byte order mark at the start of JSON Lines, JSON and CSV input is skipped")
  func byteOrderMark() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bom = "\u{FEFF}"
    let jsonl = Fixtures.write(bom + #"{"id":"l","text":"x"}"# + "\n", to: "in.jsonl", in: directory)
    let json = Fixtures.write(bom + #"[{"id":"j","text":"x"}]"#, to: "in.json", in: directory)
    let csv = Fixtures.write(bom + "\"id\",text\nc,x\n", to: "in.csv", in: directory)
    let result = try run([jsonl, json, csv], in: directory)
    #expect(result.ids == ["l", "j", "c"])
    #expect(result.errors.isEmpty)
  }

  @Test("a record nested deeper than the writer can write is an error record in place; one level less is labelled")
  func deepNesting() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func record(_ id: String, _ depth: Int) -> String {
      #"{"id":"\#(id)","text":"一网通办","x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
    }
    let lines = [record("a63", 63), record("a64", 64), record("511", 511), record("513", 513), record("a01", 1)]
    let path = Fixtures.write(lines.joined(separator: "\n") + "\n", to: "deep.jsonl", in: directory)
    let result = try run([path], in: directory) { $0.errorRecordsInPlace = true }
    // An error record's id is null: the id of a record that cannot be parsed is unknown.
    #expect(result.ids == ["a63", "<null>", "<null>", "<null>", "a01"])
    #expect(
      result.errors == [
        "\(path):2: nested deeper than 64 levels at byte 102; GovTag reads and writes at most 64 levels of arrays and objects: flatten the field",
        "\(path):3: nested deeper than 64 levels at byte 102; GovTag reads and writes at most 64 levels of arrays and objects: flatten the field",
        "\(path):4: nested deeper than 64 levels at byte 102; GovTag reads and writes at most 64 levels of arrays and objects: flatten the field",
      ])
  }

  @Test("fields named like GovTag's output fields are reported once per input, at the first record that has them")
  func replacedFields() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = Fixtures.write(
      #"{"id":"a","text":"x"}"# + "\n" + #"{"id":"b","text":"x","labels":"mine","text_hash":1}"# + "\n"
        + #"{"id":"c","text":"x","scores":{}}"# + "\n", to: "in.jsonl", in: directory)
    let result = try run([path], in: directory) { $0.chunkRecords = 1 }
    #expect(result.replaced == ["\(path):2: labels,text_hash"])
    #expect(!result.output.contains("mine"))
  }

  // MARK: - CSV

  @Test("CSV rows with GBK bytes or NUL are errors with their line; the other rows are labelled")
  func csvEncoding() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("gbk.csv").path
    var bytes = Data("id,text\n1,".utf8) + Data([0xD2, 0xBB, 0xCD, 0xF8])  // 一网 in GBK: D2 BB happens to be valid UTF-8
    bytes += Data("\n2,推进一网通办\n3,a".utf8) + Data([0]) + Data("b\n".utf8)
    _ = FileManager.default.createFile(atPath: path, contents: bytes)
    let result = try run([path], in: directory)
    #expect(result.ids == ["2"])
    #expect(
      result.errors == [
        "\(path):2: invalid UTF-8 at byte 5 of the row (field 2); convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)",
        "\(path):4: a NUL byte at byte 4 of the row (field 2); the file may be UTF-16 or binary: convert it to UTF-8 text (iconv -f UTF-16 -t UTF-8)",
      ])
  }

  @Test("an unclosed CSV quote is reported where it opened, and the rows after its line are still read")
  func csvUnclosedQuote() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = Fixtures.write("id,text\n1,ok\n2,\"never closed\n3,推进一网通办\n4,fine\n", to: "q.csv", in: directory)
    let result = try run([path], in: directory)
    #expect(result.ids == ["1", "3", "4"])
    #expect(
      result.errors == [
        "\(path):3: the quote opened at line 3 is never closed; the lines after it are read as rows again; close the quoted field, and double every quote inside it (\"\")"
      ])
  }

  @Test("a CSV column named with --id-column or --title-column must exist; a header name must not repeat")
  func csvColumns() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = Fixtures.write("编号,标题,text\n1,t,x\n", to: "in.csv", in: directory)
    let id = try run([path], in: directory) { $0.csvColumns.id = "编码" }
    #expect(
      id.errors == [#"\#(path):1: the CSV header has no column "编码" (it has 编号, 标题, text); choose the column that holds the id"#])
    let title = try run([path], in: directory) { $0.csvColumns.title = "title2" }
    #expect(
      title.errors == [
        #"\#(path):1: the CSV header has no column "title2" (it has 编号, 标题, text); choose the column that holds the title"#
      ])
    let flags = SettingNames([.idColumn: "--id-column", .titleColumn: "--title-column"])
    let named = try run([path], in: directory) {
      $0.csvColumns.id = "编码"
      $0.csvColumns.title = "title2"
      $0.settingNames = flags
    }
    #expect(
      named.errors == [#"\#(path):1: the CSV header has no column "编码" (it has 编号, 标题, text); name the column with --id-column"#])
    let namedTitle = try run([path], in: directory) {
      $0.csvColumns.title = "title2"
      $0.settingNames = flags
    }
    #expect(
      namedTitle.errors == [
        #"\#(path):1: the CSV header has no column "title2" (it has 编号, 标题, text); name the column with --title-column"#
      ])
    let both = try run([path], in: directory) {
      $0.csvColumns.id = "编号"
      $0.csvColumns.title = "标题"
    }
    #expect(both.ids == ["1"])
    let repeated = Fixtures.write("id,text,text\n1,x,y\n", to: "repeated.csv", in: directory)
    #expect(
      try run([repeated], in: directory).errors == [
        #"\#(repeated):1: the CSV header names the column "text" twice (it has id, text, text); rename one of them: each column becomes a field of the record"#
      ])
  }

  // MARK: - Folders and I/O

  @Test("a text folder: links to folders are followed, a loop is reported, a broken .txt link is reported")
  func textFolderLinks() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write("推进一网通办", to: "elsewhere/r.txt", in: directory)
    Fixtures.write("优化营商环境", to: "cases/a.txt", in: directory)
    let cases = directory.appendingPathComponent("cases")
    let manager = FileManager.default
    try manager.createSymbolicLink(atPath: cases.appendingPathComponent("linked").path, withDestinationPath: "../elsewhere")
    try manager.createSymbolicLink(atPath: cases.appendingPathComponent("loop").path, withDestinationPath: ".")
    try manager.createSymbolicLink(atPath: cases.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere.txt")
    let result = try run([cases.path], in: directory)
    #expect(result.ids == ["a.txt", "linked/r.txt"])
    #expect(
      result.errors == [
        #"\#(cases.path)/gone.txt: record "gone.txt": a symbolic link that leads nowhere"#,
        #"\#(cases.path)/loop: record "loop": a symbolic link back into a folder being read (a loop): not followed"#,
      ])
    // A folder given as a link reads like the folder.
    let link = directory.appendingPathComponent("cases-link").path
    try manager.createSymbolicLink(atPath: link, withDestinationPath: "elsewhere")
    let linked = try run([link], in: directory)
    #expect(linked.ids == ["r.txt"])
    #expect(linked.inputErrors.isEmpty)
  }

  @Test("an unreadable subfolder is reported, not skipped", .enabled(if: getuid() != 0, "root reads every folder"))
  func unreadableSubfolder() throws {
    let directory = Fixtures.temporaryDirectory()
    Fixtures.write("x", to: "cases/locked/l.txt", in: directory)
    Fixtures.write("推进一网通办", to: "cases/a.txt", in: directory)
    let locked = directory.appendingPathComponent("cases/locked").path
    chmod(locked, 0)
    defer {
      chmod(locked, 0o755)
      try? FileManager.default.removeItem(at: directory)
    }
    let result = try run([directory.appendingPathComponent("cases").path], in: directory)
    #expect(result.ids == ["a.txt"])
    #expect(result.errors.count == 1)
    #expect(
      result.errors.first?.hasSuffix(#"record "locked": cannot read the folder: Permission denied; its files are not labelled"#)
        == true)
  }

  @Test("a folder named like a .jsonl file is an error unless --input-format txt")
  func folderNamedLikeAFile() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    Fixtures.write("推进一网通办", to: "data.jsonl/a.txt", in: directory)
    let folder = directory.appendingPathComponent("data.jsonl").path
    let refused = try run([folder], in: directory)
    #expect(
      refused.inputErrors == [
        "\(folder): the input is a folder, though its name ends like a .jsonl file; name the files inside it, or choose the txt input format to read it as a folder of .txt files"
      ])
    #expect(refused.output == "")
    #expect(try run([folder], in: directory) { $0.inputFormat = .txt }.ids == ["a.txt"])
  }

  @Test("an I/O error while reading one input fails that input; the run goes on with the next")
  func ioErrorFailsOneInput() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Reading /proc/self/mem at offset 0 fails with EIO: a file that opens but cannot be read.
    let good = Fixtures.write(#"{"id":"after","text":"推进一网通办"}"# + "\n", to: "good.jsonl", in: directory)
    let result = try run(["/proc/self/mem", good], in: directory) { $0.inputFormat = .jsonl }
    #expect(result.ids == ["after"])
    #expect(result.inputErrors == ["/proc/self/mem:1: cannot read the input: Input/output error"])
    #expect(!result.summary.succeeded)
  }

  @Test(
    "--previous copies only records written with the same --evidence and --evidence-layout settings",
    arguments: LabelledRecordWriter.EvidenceDetail.allCases)
  func previousEvidence(_ now: LabelledRecordWriter.EvidenceDetail) throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = Fixtures.write(BatchRunnerTests.corpus() + "\n", to: "in.jsonl", in: directory)
    func output(
      _ detail: LabelledRecordWriter.EvidenceDetail, _ layout: LabelledRecordWriter.EvidenceLayout = .compact,
      previous: PreviousRun? = nil
    ) throws -> (String, RunSummary) {
      var configuration = BatchConfiguration(jobs: 2)
      configuration.evidenceDetail = detail
      configuration.evidenceLayout = layout
      let path = directory.appendingPathComponent("\(detail)-\(layout)-\(UUID().uuidString).jsonl").path
      let summary = try BatchRunner(model: Fixtures.model, configuration: configuration).run(
        inputs: [input], destination: .init(output: path), previous: previous)
      return (path, summary)
    }
    for layout in LabelledRecordWriter.EvidenceLayout.allCases {
      let (fresh, _) = try output(now, layout)
      for earlier in LabelledRecordWriter.EvidenceDetail.allCases {
        for earlierLayout in LabelledRecordWriter.EvidenceLayout.allCases {
          let (old, _) = try output(earlier, earlierLayout)
          let previous = try PreviousRun(
            path: old, rulesVersion: Fixtures.model.rulesVersion, evidenceDetail: now, evidenceLayout: layout)
          let (new, summary) = try output(now, layout, previous: previous)
          // Whatever was copied, the output is what a fresh run with this setting writes.
          let change = "\(earlier) \(earlierLayout) → \(now) \(layout)"
          #expect(try Data(contentsOf: URL(fileURLWithPath: new)) == Data(contentsOf: URL(fileURLWithPath: fresh)), "\(change)")
          if earlier == now && now != .all && (earlierLayout == layout || now == .none) {
            #expect(summary.reused == summary.labelled, "\(change)")
          }
          if earlier == .none && now != .none || now == .none && earlier != .none { #expect(summary.reused == 0, "\(change)") }
          if earlierLayout != layout && now != .none { #expect(summary.reused == 0, "\(change)") }
        }
      }
    }
  }
}

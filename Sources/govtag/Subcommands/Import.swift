import ArgumentParser
import Foundation
import GovTagKit

/// `govtag import`: reviewed labels back from an annotation tool, as `manual` labels.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import reviewed labels from Label Studio or doccano as manual labels for audit and eval (docs/exchange.md).",
    subcommands: [LabelStudio.self, Doccano.self]
  )

  /// `govtag import label-studio`: Label Studio's JSON export → `manual` records.
  struct LabelStudio: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "label-studio",
      abstract: "Read Label Studio's JSON export into records with manual labels (govtag audit, eval --field manual).",
      discussion: """
        One record per submitted annotation: {"id", "title"?, "text", "manual": {every dimension, \
        "province", "region"}, "annotator", "source"}. A dimension without a choice is written as [] \
        (none of its categories). Drafts, skipped annotations (was_cancelled, nothing chosen), \
        cancelled ones (was_cancelled after choosing), tasks nobody annotated and annotations that \
        cannot be read are not imported: each is listed on standard error with its task, record \
        and annotator, and counted in the last line. Label Studio exports only annotated tasks \
        unless asked for all (a task with only a draft is then missing): --tasks tasks.json lists \
        the records the export lacks. When several people annotated a task, -o gets \
        the first annotation and the others are listed; --per-annotator writes one file per \
        annotator instead (OUT.ANNOTATOR.jsonl), for govtag audit --compare A B. Exit status 1 \
        when an annotation could not be read.
        """
    )

    @Argument(help: "The JSON file of Label Studio's Export → JSON.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON Lines file of manual labels.", valueName: "file"))
    var output: String

    @Flag(help: "Write one file per annotator (OUT.ANNOTATOR.jsonl, from -o OUT.jsonl) for audit --compare.")
    var perAnnotator = false

    @Option(help: ArgumentHelp("The tasks file govtag export wrote: list its records the export lacks.", valueName: "tasks.json"))
    var tasks: String?

    func run() throws {
      try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: [input])
        var result = try LabelStudioImport.read(path: input)
        if let tasks {
          guard let data = FileManager.default.contents(atPath: tasks) else {
            throw GovTagError(.io, "cannot read the tasks file", at: SourceLocation(file: tasks), hint: "check the path")
          }
          try result.checkAgainst(tasks: Array(data), file: tasks)
        }
        for notice in result.notices {
          if notice.kind == .invalid {
            Diagnostics.error("\(input): not imported: \(notice)")
          } else {
            Diagnostics.warning("\(input): not imported (\(notice.kind.rawValue)): \(notice)")
          }
        }
        var written: [String] = []
        if perAnnotator {
          for (annotator, records) in result.perAnnotator() {
            let path = Self.path(output, annotator: annotator)
            try Self.write(records, to: path)
            written.append("\(path) (\(records.count))")
          }
        } else {
          let (records, leftAside) = result.onePerTask()
          for (kept, others) in leftAside {
            let names = others.map { "\($0.annotator ?? "unknown")'s" }.joined(separator: ", ")
            Diagnostics.warning(
              "\(input): task \(kept.source.map(Self.task) ?? "?") (\(kept.id)) has \(others.count + 1) annotations: kept \(kept.annotator ?? "unknown")'s, left aside \(names); --per-annotator writes one file per annotator for audit --compare"
            )
          }
          try Self.write(records, to: output)
          let aside = leftAside.reduce(0) { $0 + $1.others.count }
          written.append(
            aside == 0
              ? "\(output) (\(records.count))"
              : "\(output) (\(records.count), the first annotation of each task; \(aside) other annotation\(aside == 1 ? "" : "s") left aside: --per-annotator writes every annotator's)"
          )
        }
        let counts = LabelStudioImport.Notice.Kind.allCases.filter { $0 != .missing || tasks != nil }.map { kind in
          "\(result.notices.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        let annotators = result.annotators.count
        Diagnostics.print(
          "govtag: imported \(result.records.count) annotation\(result.records.count == 1 ? "" : "s") of \(result.tasks) task\(result.tasks == 1 ? "" : "s") by \(annotators) annotator\(annotators == 1 ? "" : "s") → \(written.joined(separator: ", ")); not imported: \(counts.joined(separator: ", "))"
        )
        if result.notices.contains(where: { $0.kind == .invalid }) { throw Diagnostics.partialFailure }
      }
    }

    /// `manual.jsonl` + `alice@example.org` → `manual.alice@example.org.jsonl` (characters a file
    /// name should not hold become `_`).
    static func path(_ output: String, annotator: String) -> String {
      let safe = String(annotator.map { $0.isLetter || $0.isNumber || "@.-_".contains($0) ? $0 : "_" })
      let stem = output.hasSuffix(".jsonl") ? String(output.dropLast(".jsonl".count)) : output
      return "\(stem).\(safe).jsonl"
    }

    static func task(_ source: String) -> String {
      String(source.dropFirst("label-studio task ".count).prefix { $0 != "," })
    }

    static func write(_ records: [ManualRecord], to path: String) throws {
      let file = try OutputFile.file(path)
      for record in records { try file.write(record.jsonLine()) }
      try file.commit()
    }
  }

  /// `govtag import doccano`: doccano's JSONL export → `manual` records.
  struct Doccano: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Read doccano's JSON Lines export (text classification, dimension:category labels) into records with manual labels.",
      discussion: """
        Each line's label list (label or labels) gives the manual labels; an empty list is "none \
        of any dimension" (export only approved examples). govtag_id (written by govtag export \
        doccano) is the record's id, else id. A line that cannot be read is reported with its \
        line and skipped (exit status 1).
        """
    )

    @Argument(help: "doccano's JSONL export.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON Lines file of manual labels.", valueName: "file"))
    var output: String

    func run() throws {
      try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: [input])
        let reader = try LineReader(path: input)
        var bytes: [UInt8] = []
        var (read, imported) = (0, 0)
        while var line = try reader.nextLine() {
          if reader.lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
          if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
          read += 1
          let location = SourceLocation(file: reader.name, line: reader.lineNumber)
          switch line.withUnsafeBufferPointer({ DoccanoRecord.parse($0, at: location) }) {
          case .success(let record):
            bytes += record.jsonLine()
            imported += 1
          case .failure(let error): Diagnostics.error(error.description)
          }
        }
        let file = try OutputFile.file(output)
        try file.write(bytes)
        try file.commit()
        Diagnostics.print("govtag: imported \(imported) of \(read) records → \(output)")
        if imported != read { throw Diagnostics.partialFailure }
      }
    }
  }
}

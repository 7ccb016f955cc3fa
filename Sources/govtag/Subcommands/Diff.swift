import ArgumentParser
import GovTagKit

/// `govtag diff`: which records' labels changed between two outputs of `govtag tag`.
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare two outputs of govtag tag over the same corpus (before and after a lexicon change): which records gained or lost which category.",
    discussion: """
      Records are matched by id. Per category: the records that gained it and those that lost \
      it; the records that changed and those that did not; changes of province or region; the \
      records in one file only; the records whose text_hash differs (their input changed, so \
      they are listed apart and not compared); and each file's lexicon versions. A line that \
      cannot be used (not JSON, no id, no labels) is reported with its file and line and \
      skipped, and so is a second record with the same id. Exit status: 0 when the comparison \
      ran, whatever it found; 1 when a line or an input could not be used (nothing is printed \
      when an input cannot be read).
      """
  )

  @Argument(help: "The earlier labelled file (govtag tag's output); - reads standard input.")
  var old: String

  @Argument(help: "The later labelled file; - reads standard input.")
  var new: String

  @Option(help: ReportFormat.help([.markdown, .json]))
  var format: ReportFormat = .markdown

  /// `--json`, the spelling before `--format`.
  @Flag(name: .customLong("json"), help: .hidden)
  var jsonFlag = false

  /// JSON lists every id; Markdown tables show the changes by category.
  var json: Bool { format == .json }

  @Option(parsing: .unconditional, help: ArgumentHelp("How many ids a table cell shows before \"… and N more\".", valueName: "n"))
  var ids = 10

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: jsonFlag, offered: [.markdown, .json])
    if old == "-" && new == "-" { throw ValidationError("only one of the two files can be standard input") }
    if ids < 0 { throw ValidationError("--ids must be 0 or more") }
  }

  func run() throws {
    try Diagnostics.orExit {
      let diff = try LabelDiffer().compare(old: old, new: new) { event in
        switch event {
        case .recordFailed(let error): Diagnostics.error(error.description)
        case .inputFailed(let error): Diagnostics.error(error.description)
        case .duplicateID(let duplicate): Diagnostics.print("govtag: warning: \(duplicate)")
        }
      }
      if diff.inputsRead {
        let output = OutputFile.standardOutput()
        if json {
          try output.write(diff.json())
        } else {
          try output.write(diff.markdown(ids: ids).utf8)
        }
        try output.commit()
      }
      if !diff.succeeded {
        Diagnostics.print("govtag: \(diff.summaryLine)")
        throw Diagnostics.partialFailure
      }
    }
  }
}

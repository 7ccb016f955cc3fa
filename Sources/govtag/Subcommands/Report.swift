import ArgumentParser
import GovTagKit

/// `govtag report`: one self-contained HTML file for reviewers: charts, a case table, evidence.
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a single-file HTML review report: charts of the statistics, a case table, and each case's evidence.",
    discussion: """
      Reads what govtag tag wrote. The file has everything inline (style, SVG charts, a small \
      script, the data) and fetches nothing. Charts count GovTag's labels; each case shows them \
      beside the reference labels (--field, by default manual or else gold), disagreements \
      marked; a dimension the reference leaves out is shown as not annotated, not as a \
      disagreement. Reference province names are checked against the gazetteer of --lexicons, as \
      audit checks them (a folder without gazetteer.yaml: a warning, and names as written). Open a case directly with report.html#case=ID. A line that cannot be used is \
      reported with its file and line and skipped (a case whose reference labels cannot be used \
      is kept without them); the exit status is then 1.
      """
  )

  @Argument(help: "Labelled JSON Lines files (govtag tag's output); - reads standard input.")
  var inputs: [String] = []

  @Option(name: .shortAndLong, help: "The HTML file to write. It appears only when complete.")
  var output: String

  @Option(help: "The field of people's labels to show beside GovTag's (default: manual, else gold).")
  var field: String?

  @Option(help: "The report's title.")
  var title: String = HTMLReportRenderer.defaultTitle

  @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
  var quiet = false

  /// The gazetteer the reference labels' province names are checked against, as audit does.
  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("name at least one labelled file, or - for standard input") }
    if field == "labels" { throw ValidationError("--field names people's labels (manual, gold), not GovTag's labels") }
  }

  func run() throws {
    var reader = LabelledRecordReader(source: .govtag, referenceFields: field.map { [$0] } ?? ["manual", "gold"])
    reader.settingNames = .commandLine
    reader.gazetteer = try lexicons.loadGazetteer(warns: !quiet)
    // The charts count GovTag's labels: a case stays in them when its manual labels are bad.
    reader.keepsRecordsWithUnusableReference = true
    var records: [LabelledRecord] = []
    try Diagnostics.orExit {
      try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: inputs)
      let summary = try reader.read(paths: inputs) { event in
        switch event {
        case .record(let record): records.append(record)
        case .recordFailed(let error): Diagnostics.error(error.description)
        case .inputFailed(let error): Diagnostics.error(error.description)
        case .duplicateID(let duplicate): Diagnostics.warning("\(duplicate); only the first record with an id is counted")
        }
      }
      // As `tag` does: a run that could read nothing writes no file, which would look like a
      // report of an empty corpus.
      try Diagnostics.stopIfNothingRead(summary, verb: "in the report", output: output)
      // A --field that no record has is a mistyped name, not a corpus without people's labels.
      if let field, !records.isEmpty, records.allSatisfy({ $0.referenceField == nil }) {
        throw GovTagError(
          .input,
          "none of the \(records.count) records has a \"\(field)\" field of labels, so \(output) was not written",
          at: SourceLocation(file: inputs[0]),
          hint:
            "name the field that holds people's labels (manual, gold) with --field, or leave --field out to show GovTag's labels alone"
        )
      }
      let html = HTMLReportRenderer(title: title).render(records: records)
      let file = try OutputFile.file(output)
      try file.write(html)
      try file.commit()
      if !quiet || !summary.succeeded {
        Diagnostics.print("govtag: \(summary.line(verb: "in the report")) → \(output)")
      }
      if !summary.succeeded { throw Diagnostics.partialFailure }
    }
  }
}

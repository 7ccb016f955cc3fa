import ArgumentParser
import Foundation
import GovTagKit

/// `govtag audit`: find the wrong labels in manually labelled records.
struct Audit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare manual labels with GovTag's: agreement and Cohen's kappa per category, and the disagreements ranked most suspicious first.",
    discussion: """
      Each input record holds {"id", "title"?, "text", "manual": {"capability": [...], ..., \
      "province"?: ..., "region"?: ...}}. A suspect is a (record, category) on which the manual \
      label and GovTag disagree; its suspicion is |score − threshold| / max(score, threshold): \
      1 for a manual yes without any evidence, near 1 for a manual no against strong evidence, \
      0 for a borderline call. With calibrated lexicons (calibration.yaml) suspects are ranked by \
      the probability that the manual label is wrong instead: 1 − confidence for a manual yes, the \
      confidence for a manual no (printed as P(wrong)). Records whose manual province or region \
      differs from GovTag's are listed apart (location disagreements). With --compare A B, \
      measures the agreement between two people's labels of the same records instead, and lists \
      each (record, category) and each province or region on which they differ (all of them in \
      --json and --csv). A record that cannot be used is reported with its file and line and \
      skipped; the exit status is then 1, and without any usable record no report is printed. \
      When no record has the --field at all, one \
      error names the fields of labels the records do have (pass --field gold) and the exit status \
      is 2.
      """
  )

  @Argument(help: "Manually labelled JSON Lines files; - reads standard input.")
  var inputs: [String] = []

  @Option(help: ReportFormat.help([.text, .json]))
  var format: ReportFormat = .text

  /// `--json`, the spelling before `--format`.
  @Flag(name: .customLong("json"), help: .hidden)
  var jsonFlag = false

  var json: Bool { format == .json }

  @Option(help: "The record field that holds the manual labels.")
  var field = "manual"

  @Option(
    help: ArgumentHelp(
      "Also write every suspect and location disagreement (with --compare: every disagreement) to this CSV file (UTF-8 with BOM, for Excel).",
      valueName: "file"))
  var csv: String?

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp("Measure the agreement between two annotators' files of the same records.", valueName: "A.jsonl B.jsonl"))
  var compare: [String] = []

  @Flag(help: "Add term accountability: for every term that fired, how often people confirmed its category.")
  var terms = false

  @Option(
    parsing: .unconditional,
    help:
      "How many suspects, location disagreements (and terms) the text report shows; with --compare, how many disagreements and how many location differences."
  )
  var top = 20

  @OptionGroup var lexicons: LexiconOptions

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: jsonFlag, offered: [.text, .json])
    if field.isEmpty { throw ValidationError("--field must not be empty") }
    if top < 0 { throw ValidationError("--top must be 0 or more") }
    if compare.isEmpty {
      if inputs.isEmpty { throw ValidationError("name at least one manually labelled input file, or - for standard input") }
      return
    }
    if compare.count != 2 { throw ValidationError("--compare takes exactly two files, A and B, found \(compare.count)") }
    if !inputs.isEmpty { throw ValidationError("--compare reads only its two files; remove the other inputs") }
    if terms { throw ValidationError("--terms does not apply to --compare") }
  }

  func run() throws {
    let model = try lexicons.loadModel()
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    let labelField = ReferenceLabels.Field(name: field, names: .commandLine)
    if compare.count == 2 {
      let comparison = try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("--csv", csv)], inputs: compare)
        return try AnnotatorComparer(model: model, field: labelField, jobs: jobs).compare(compare[0], compare[1]) {
          Diagnostics.report($0)
        }
      }
      let summaryLines = [
        "govtag: A: \(comparison.summaryA.line(verb: "usable", field: field))",
        "govtag: B: \(comparison.summaryB.line(verb: "usable", field: field))",
      ]
      // A file that gave no usable record (empty, unreadable, every record invalid) leaves
      // nothing to compare: no report, which would show agreement on nothing.
      for (side, file, summary) in [("A", compare[0], comparison.summaryA), ("B", compare[1], comparison.summaryB)]
      where summary.used == 0 {
        summaryLines.forEach(Diagnostics.print)
        let unwritten = csv.map { "\($0) was not written" } ?? "no report was printed"
        Diagnostics.print("govtag: \(side) (\(file)) has no usable record, so nothing was compared and \(unwritten)")
        throw Diagnostics.partialFailure
      }
      if let csv {
        try Diagnostics.orExit {
          let sink = try OutputFile.file(csv)
          try sink.write(comparison.renderCSV())
          try sink.commit()
        }
      }
      write(json ? comparison.renderJSON() : Array(comparison.renderText(top: top, names: .commandLine).utf8))
      summaryLines.forEach(Diagnostics.print)
      if let csv {
        let rows = comparison.disagreements.count
        let places = comparison.placeDifferences.count
        Diagnostics.print(
          "govtag: \(NumberText.count(rows, "disagreement")) and \(NumberText.count(places, "location disagreement")) → \(csv)")
      }
      if !comparison.succeeded { throw Diagnostics.partialFailure }
      return
    }
    let report = try Diagnostics.orExit {
      try OutputFile.refuseOverlap(outputs: [("--csv", csv)], inputs: inputs)
      return try Auditor(model: model, field: labelField, jobs: jobs).audit(inputs: inputs) { Diagnostics.report($0) }
    }
    try Diagnostics.stopIfNothingRead(report.summary, verb: "audited", field: field, output: csv)
    try Diagnostics.stopIfNothingUsed(report.summary, verb: "audited", field: field, output: csv)
    if let csv {
      try Diagnostics.orExit {
        let sink = try OutputFile.file(csv)
        try sink.write(report.renderCSV())
        try sink.commit()
      }
    }
    write(json ? report.renderJSON(terms: terms) : Array(report.renderText(top: top, terms: terms, names: .commandLine).utf8))
    var line = "govtag: \(report.summary.line(verb: "audited", field: field))"
    if let csv {
      line += "; \(report.suspects.count) suspect\(report.suspects.count == 1 ? "" : "s")"
      if !report.locationDisagreements.isEmpty {
        line += " and \(NumberText.count(report.locationDisagreements.count, "location disagreement"))"
      }
      line += " → \(csv)"
    }
    Diagnostics.print(line)
    if !report.summary.succeeded { throw Diagnostics.partialFailure }
  }

  private func write(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
  }
}

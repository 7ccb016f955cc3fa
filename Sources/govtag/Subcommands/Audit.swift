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
      confidence for a manual no (printed as P(wrong)). With --compare A B, measures the agreement between two people's \
      labels of the same records instead. A record that cannot be used is reported with its file \
      and line and skipped; the exit status is then 1. When no record has the --field at all, one \
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

  @Option(help: ArgumentHelp("Also write every suspect to this CSV file (UTF-8 with BOM, for Excel).", valueName: "file"))
  var csv: String?

  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp("Measure the agreement between two annotators' files of the same records.", valueName: "A.jsonl B.jsonl"))
  var compare: [String] = []

  @Flag(help: "Add term accountability: for every term that fired, how often people confirmed its category.")
  var terms = false

  @Option(parsing: .unconditional, help: "How many suspects (and terms) the text report shows.")
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
    if csv != nil || terms { throw ValidationError("--csv and --terms do not apply to --compare") }
  }

  func run() throws {
    let model = try lexicons.loadModel()
    let jobs = ProcessInfo.processInfo.activeProcessorCount
    let labelField = ReferenceLabels.Field(name: field, names: .commandLine)
    if compare.count == 2 {
      let comparison = try Diagnostics.orExit {
        try AnnotatorComparer(model: model, field: labelField, jobs: jobs).compare(compare[0], compare[1]) {
          Diagnostics.report($0)
        }
      }
      try Diagnostics.stopIfNothingRead(comparison.summaryA, verb: "usable", field: field, side: "A: ")
      try Diagnostics.stopIfNothingRead(comparison.summaryB, verb: "usable", field: field, side: "B: ")
      write(json ? comparison.renderJSON() : Array(comparison.renderText(names: .commandLine).utf8))
      Diagnostics.print("govtag: A: \(comparison.summaryA.line(verb: "usable", field: field))")
      Diagnostics.print("govtag: B: \(comparison.summaryB.line(verb: "usable", field: field))")
      if !comparison.succeeded { throw Diagnostics.partialFailure }
      return
    }
    let report = try Diagnostics.orExit {
      try OutputFile.refuseOverlap(outputs: [("--csv", csv)], inputs: inputs)
      return try Auditor(model: model, field: labelField, jobs: jobs).audit(inputs: inputs) { Diagnostics.report($0) }
    }
    try Diagnostics.stopIfNothingRead(report.summary, verb: "audited", field: field, output: csv)
    if let csv {
      try Diagnostics.orExit {
        let sink = try OutputFile.file(csv)
        try sink.write(report.renderCSV())
        try sink.commit()
      }
    }
    write(json ? report.renderJSON(terms: terms) : Array(report.renderText(top: top, terms: terms, names: .commandLine).utf8))
    var line = "govtag: \(report.summary.line(verb: "audited", field: field))"
    if let csv { line += "; \(report.suspects.count) suspect\(report.suspects.count == 1 ? "" : "s") → \(csv)" }
    Diagnostics.print(line)
    if !report.summary.succeeded { throw Diagnostics.partialFailure }
  }

  private func write(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
  }
}

import ArgumentParser
import Foundation
import GovTagKit

/// `govtag eval`: compare GovTag's labels with gold labels.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare GovTag's labels with gold labels: precision, recall and F1 per category, micro and macro averages, province and region accuracy, and the capability confusion.",
    discussion: """
      Each input record holds {"id", "title"?, "text", "gold": {"capability": [...], ..., \
      "province": ..., "region": ...}}. Macro averages are the mean of the per-category figures \
      over the categories that the gold labels or GovTag assigned at least once. A record without \
      gold labels, with an unknown category id or that is not JSON is reported with its file and \
      line and skipped; the exit status is then 1. When no record has the field at all, one error \
      names the fields of labels the records do have (pass --field NAME) and the exit status is 2. \
      With calibrated lexicons (calibration.yaml), also the Brier score and expected calibration error per dimension against the uncalibrated \
      baseline, the reliability table, and the review flags' trade-off (--review-band).
      """
  )

  @Argument(help: "Gold-labelled JSON Lines files; - reads standard input.")
  var inputs: [String] = []

  @Option(help: ReportFormat.help([.text, .json]))
  var format: ReportFormat = .text

  /// `--json`, the spelling before `--format`.
  @Flag(name: .customLong("json"), help: .hidden)
  var jsonFlag = false

  var json: Bool { format == .json }

  @Option(help: ArgumentHelp("Also give every figure per value of this record field.", valueName: "field"))
  var by: String?

  @Option(help: "The record field that holds the gold labels (the same option as in audit and lexicon suggest).")
  var field = "gold"

  /// The option's former name, kept so that old scripts still run.
  @Option(name: .customLong("gold-field"), help: .hidden)
  var deprecatedGoldField: String?

  @OptionGroup var lexicons: LexiconOptions
  @OptionGroup var review: ReviewOptions

  /// The field to read: `--gold-field` when an old script gives it, else `--field`.
  var goldField: String { deprecatedGoldField ?? field }

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: jsonFlag, offered: [.text, .json])
    if inputs.isEmpty { throw ValidationError("name at least one gold-labelled input file, or - for standard input") }
    if goldField.isEmpty { throw ValidationError("--field must not be empty") }
  }

  func run() throws {
    if deprecatedGoldField != nil { Diagnostics.warning("--gold-field is deprecated; use --field") }
    let model = try lexicons.loadModel(configuration: try review.configuration())
    let evaluator = Evaluator(
      model: model, field: .init(name: goldField, names: .commandLine), groupBy: by,
      jobs: ProcessInfo.processInfo.activeProcessorCount)
    let evaluation = try Diagnostics.orExit {
      try evaluator.evaluate(inputs: inputs) { Diagnostics.report($0) }
    }
    try Diagnostics.stopIfNothingRead(evaluation.summary, verb: "evaluated", field: goldField)
    // A mistyped --by puts every record in one group, "(none)", which reads like a real group.
    if let by, !evaluation.groups.isEmpty, evaluation.groups.allSatisfy({ $0.value == "(none)" }) {
      Diagnostics.warning("no record has a \"\(by)\" field, so every record is in the group (none); check the name given to --by")
    }
    if json {
      FileHandle.standardOutput.write(Data(evaluation.renderJSON()))
    } else {
      FileHandle.standardOutput.write(Data(evaluation.renderText().utf8))
    }
    Diagnostics.print("govtag: \(evaluation.summary.line(verb: "evaluated", field: goldField))")
    if !evaluation.summary.succeeded { throw Diagnostics.partialFailure }
  }
}

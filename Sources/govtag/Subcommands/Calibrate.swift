import ArgumentParser
import Foundation
import GovTagKit

/// `govtag calibrate`: fit the confidence curves on gold records.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fit per-category confidence curves on gold records and write them as calibration.yaml.",
    discussion: """
      Labels each gold record (as `govtag eval` reads them) with the lexicons alone, ignoring any \
      calibration.yaml already there, and fits per category a logistic curve from GovTag's scoring \
      features to the gold answer, its L2 regularisation chosen by seeded 5-fold cross-validation \
      (with --folds-by-part, by holding out one part of the records at a time: one writer each). \
      A category is assigned at a confidence of 0.5 instead of its threshold when that raises its \
      cross-validated F1 by 0.05 or more. It also fits what `govtag audit` reads besides the \
      confidence (label_context: the record's other labels, see docs/audit.md). Fit on the \
      development split only: the test split is for reporting. Prints per dimension the held-out Brier score and ECE and which categories label by \
      confidence.
      """
  )

  @Argument(help: "Gold-labelled JSON Lines files (e.g. Corpus/dev.jsonl).")
  var inputs: [String] = []

  @Option(name: .shortAndLong, help: "Where to write the curves (e.g. Lexicons/calibration.yaml).")
  var output: String

  @Option(help: "The record field that holds the gold labels (the same option as in eval, audit and lexicon suggest).")
  var field = CalibrationModel.defaultField

  @Option(parsing: .unconditional, help: "Cross-validation folds.")
  var folds = 5

  @Option(help: "The seed of the fold assignment.")
  var seed: UInt64 = 11

  @Flag(
    help: """
      Hold out one part of the gold records at a time instead of random folds: a part is the \
      records whose ids differ only in their trailing number (dev-v001…060 is one), a writer or \
      a submission round, so each choice is judged on a writer it was not fitted on. --folds and \
      --seed are then unused. The shipped calibration is made so (make calibrate).
      """)
  var foldsByPart = false

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("name at least one gold-labelled input file, e.g. Corpus/dev.jsonl") }
    if folds < 2 { throw ValidationError("--folds must be at least 2") }
  }

  /// This run as a command for the file's header, in backquotes: the inputs, `-o` and the options given, so
  /// that the header remakes the file it heads (`-o L/calibration.yaml --lexicons L` for a
  /// copied folder, whether named with --lexicons or $GOVTAG_LEXICONS, which the command need
  /// not be run with again); `(make calibrate)` is added when it is the Makefile's command. Worded by
  /// ``CalibrationModel/command(_:names:)``, as the hints that remake a file read are.
  var command: String {
    var recipe = CalibrationModel.Recipe(inputs: inputs, output: output)
    recipe.field = field
    recipe.folds = folds
    recipe.seed = seed
    recipe.foldsByPart = foldsByPart
    let directory = lexicons.resolved
    recipe.lexicons = directory.rule == .option || directory.rule == .environment ? directory.path : nil
    return CalibrationModel.command(recipe, names: .commandLine) ?? ""
  }

  func run() throws {
    let model = try Diagnostics.orExit {
      try lexicons.resolved.loadModel(calibrated: false) { Diagnostics.warning($0.description) }
    }
    var calibration = CalibrationRun(
      model: model, field: .init(name: field, names: .commandLine), jobs: ProcessInfo.processInfo.activeProcessorCount)
    calibration.fitter.folds = folds
    calibration.fitter.seed = seed
    calibration.foldsByPart = foldsByPart
    let result = try Diagnostics.orExit { try calibration.run(inputs: inputs) { Diagnostics.report($0) } }
    if foldsByPart {
      guard result.calibration.folds >= 2 else {
        Diagnostics.error(
          "the gold records form \(result.calibration.folds) part (told apart by id); --folds-by-part needs 2 or more; nothing written"
        )
        throw ExitCode(2)
      }
    } else {
      guard result.summary.used >= folds else {
        Diagnostics.error("\(result.summary.used) usable gold records, fewer than the \(folds) folds; nothing written")
        throw ExitCode(2)
      }
    }
    try Diagnostics.orExit {
      let sink = try OutputFile.file(output)
      try sink.write(Array(result.calibration.renderYAML(command: command).utf8))
      try sink.commit()
    }
    for dimension in result.calibration.dimensions {
      let figures = result.dimensions.first { $0.dimension == dimension.id }
      let brier = NumberText.figure(figures?.heldOut.brier)
      let ece = NumberText.figure(figures?.heldOut.expectedCalibrationError)
      let f1 =
        "thresholds \(NumberText.figure(dimension.thresholdMacroF1 ?? 0)), chosen rules \(NumberText.figure(dimension.chosenMacroF1 ?? 0))"
      let byConfidence = dimension.curves.filter { $0.labelRule == .confidence }.map(\.category)
      let rules = byConfidence.isEmpty ? "all by threshold" : "by confidence: " + byConfidence.joined(separator: ", ")
      print(
        "\(dimension.id): \(figures?.records ?? 0) records, held-out Brier \(brier), ECE \(ece); cross-validated macro-F1 \(f1) (\(rules))"
      )
    }
    Diagnostics.print("govtag: \(result.summary.line(verb: "used", field: field)) → \(output)")
    if !result.summary.succeeded { throw Diagnostics.partialFailure }
  }
}

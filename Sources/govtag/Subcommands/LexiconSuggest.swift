import ArgumentParser
import Foundation
import GovTagKit

extension Lexicon {
  /// `govtag lexicon suggest`: candidate terms for each category from labelled records.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suggest terms each category's lexicon lacks: the n-grams most associated with its labelled records.",
      discussion: """
        Reads records labelled by people ({"id", "text", "manual": {"capability": [...], ...}}, or \
        a gold corpus with --field gold), cuts them into n-grams of 1 to 3 tokens of GovTag's \
        segmentation, and ranks for each category the n-grams of its records by the weighted \
        log-odds z-score with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008) \
        against the other records. Terms the category already has are left out. When no record \
        has the --field at all, one error names the fields of labels the records do have and the \
        exit status is 2.
        """
    )

    @Argument(help: "Labelled JSON Lines files; - reads standard input.")
    var inputs: [String] = []

    @Option(help: "The record field that holds the labels.")
    var field = "manual"

    @Option(parsing: .unconditional, help: "Candidates per category.")
    var top = 20

    @Option(parsing: .unconditional, help: "The fewest of a category's records a candidate must occur in.")
    var minCount = 3

    @Option(help: ReportFormat.help([.text, .json]))
    var format: ReportFormat = .text

    /// `--json`, the spelling before `--format`.
    @Flag(name: .customLong("json"), help: .hidden)
    var jsonFlag = false

    var json: Bool { format == .json }

    @OptionGroup var lexicons: LexiconOptions

    mutating func validate() throws {
      try ReportFormat.resolve(&format, json: jsonFlag, offered: [.text, .json])
      if inputs.isEmpty { throw ValidationError("name at least one labelled input file, or - for standard input") }
      if field.isEmpty { throw ValidationError("--field must not be empty") }
      if top < 1 { throw ValidationError("--top must be at least 1") }
      if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
    }

    func run() throws {
      let model = try lexicons.loadModel()
      let suggester = LexiconSuggester(
        model: model, field: .init(name: field, names: .commandLine), top: top, minCount: minCount,
        jobs: ProcessInfo.processInfo.activeProcessorCount)
      let suggestions = try Diagnostics.orExit {
        try suggester.suggest(inputs: inputs) { Diagnostics.report($0) }
      }
      try Diagnostics.stopIfNothingRead(suggestions.summary, verb: "used", field: field)
      FileHandle.standardOutput.write(Data(json ? suggestions.renderJSON() : Array(suggestions.renderText().utf8)))
      Diagnostics.print("govtag: \(suggestions.summary.line(verb: "used", field: field))")
      if !suggestions.summary.succeeded { throw Diagnostics.partialFailure }
    }
  }
}

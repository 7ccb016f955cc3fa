import ArgumentParser
import GovTagKit

/// `govtag explain`: why a text gets its labels, answered by the front door (`GovTag.explain`).
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show which terms fired in a text, what each added, the scores, the labels, and the hits that did not count."
  )

  @OptionGroup var input: TextInput
  @OptionGroup var lexicons: LexiconOptions
  @OptionGroup var review: ReviewOptions

  @Option(
    help: ArgumentHelp(
      "Output format: text (the report, the default) or json (the report and every hit with its status, as POST /v1/explain answers).",
      valueName: "format"))
  var format: ReportFormat = .text

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: false, offered: [.text, .json])
  }

  func run() throws {
    let model = try lexicons.loadModel(configuration: try review.configuration())
    let output = try Diagnostics.orExit { () throws -> String in
      let text = try input.resolve()
      let govtag = GovTag(model: model, lexiconDirectory: lexicons.resolved)
      let explanation = try govtag.explain(title: input.title, text: text)
      return format == .json ? String(decoding: try AnswerJSON.encode(explanation), as: UTF8.self) : explanation.report
    }
    print(output, terminator: "")
  }
}

import ArgumentParser
import GovTagKit

/// `govtag explain`: why a text gets its labels.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show which terms fired in a text, what each added, the scores, the labels, and the hits that did not count."
  )

  @OptionGroup var input: TextInput
  @OptionGroup var lexicons: LexiconOptions
  @OptionGroup var review: ReviewOptions

  func run() throws {
    let model = try lexicons.loadModel(configuration: try review.configuration())
    let output = try Diagnostics.orExit { () throws -> String in
      let text = try input.resolve()
      let tagger = try Tagger(model: model)
      let classification = try tagger.classify(title: input.title, text: text)
      return ExplainRenderer(model: model).render(title: input.title, text: text, classification: classification)
    }
    print(output, terminator: "")
  }
}

import ArgumentParser
import GovTagKit

/// `govtag segment`: the tokenisation GovTag works on.
struct Segment: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Segment text with ICU's word breaker, lexicon terms merged into single tokens (a|b|c).",
    discussion: "A file is segmented line by line."
  )

  @Argument(help: "The text itself, a file holding it, or - for standard input.")
  var text: String

  @Option(
    help: ArgumentHelp(
      "Output format: text (a|b|c, the default) or json (tokens with code point offsets and kinds).", valueName: "format"))
  var format: ReportFormat = .text

  /// `--json`, the spelling before `--format`.
  @Flag(name: .customLong("json"), help: .hidden)
  var jsonFlag = false

  var json: Bool { format == .json }

  @Flag(help: "Do not merge lexicon terms: ICU's segmentation alone.")
  var raw = false

  @OptionGroup var lexicons: LexiconOptions

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: jsonFlag, offered: [.text, .json])
  }

  func run() throws {
    let model = try raw ? ClassifierModel(lexicons: LexiconSet(dimensions: [])) : lexicons.loadModel()
    try Diagnostics.orExit {
      let content = try TextInput(text: text).resolve()
      let tagger = try Tagger(model: model)
      // By Character: "\r\n" is one Character, so splitting on "\n" alone would keep it in a line.
      var lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
      if lines.last == "" { lines.removeLast() }
      for line in lines {
        let tokens = try tagger.segment(line)
        print(json ? SegmentationRenderer.json(line, tokens) : SegmentationRenderer.plain(line, tokens))
      }
    }
  }
}

extension TextInput {
  init(text: String) {
    self.init()
    self.text = text
  }
}

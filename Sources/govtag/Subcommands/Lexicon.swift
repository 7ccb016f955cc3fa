import ArgumentParser
import GovTagKit

/// `govtag lexicon`: lexicon maintenance.
struct Lexicon: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check and inspect the lexicons.",
    subcommands: [Check.self, Suggest.self, ExportDictionary.self, ImportDictionary.self]
  )

  /// `govtag lexicon check`: validate every lexicon file.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate the lexicon files and report every problem with its file and line.",
      discussion: """
        Fails (exit status 2) on anything that would lose a rule without a word: a repeated key \
        (a second terms: in a category), a single value where a list is expected (negation: 尚未), \
        an unknown key, a term, cue or place name in traditional or full-width characters (texts are \
        folded before matching, so it could never match; the message names the form to write). A \
        missing scope.yaml or gazetteer.yaml is a warning: scope or location is then off.
        """
    )

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
      var warnings: [GovTagError] = []
      let model = try Diagnostics.orExit { try lexicons.resolved.loadModel { warnings.append($0) } }
      for warning in warnings { Diagnostics.warning(warning.description) }
      for dimension in model.lexicons.dimensions {
        let terms = dimension.categories.reduce(0) { $0 + $1.terms.count }
        let empty = dimension.categories.filter { $0.terms.isEmpty }.map(\.id)
        var line = "\(dimension.file): \(dimension.id), \(dimension.categories.count) categories, \(terms) terms"
        if !dimension.contexts.isEmpty {
          let needing = dimension.categories.reduce(0) { $0 + $1.terms.filter { $0.near != nil }.count }
          line += ", \(needing) of them needing a context (\(dimension.contexts.map(\.name).joined(separator: ", ")))"
        }
        if !empty.isEmpty { line += " (no terms yet: \(empty.joined(separator: ", ")))" }
        print(line)
      }
      if let calibration = model.calibration {
        let curves = calibration.dimensions.reduce(0) { $0 + $1.curves.count }
        let file = calibration.file ?? CalibrationModel.fileName
        if let warning = model.calibrationStalenessWarning {
          print("\(file): STALE: \(warning)")
        } else {
          print(
            "\(file): \(curves) confidence curves, fitted on \(calibration.records) gold records against these lexicons (\(calibration.lexiconVersion))"
          )
        }
      }
      var last = "lexicons OK: \(model.lexicons.termCount) terms, version \(model.rulesVersion)"
      if !warnings.isEmpty {
        let off = [model.scope.cues.isEmpty ? "scope" : nil, model.gazetteer == nil ? "location" : nil].compactMap { $0 }
        last += " (\(off.joined(separator: " and ")) off: see the warning\(warnings.count == 1 ? "" : "s") above)"
      }
      print(last)
    }
  }
}

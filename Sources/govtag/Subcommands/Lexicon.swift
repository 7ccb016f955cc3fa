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
        missing scope.yaml or gazetteer.yaml is a warning: scope or location is then off; so is a \
        file named like a lexicon file but not ending in .yaml (traits.yml: it is not read), a \
        dimension calibration.yaml was fitted with but no file defines, and a category without a \
        confidence curve. The report names every file read and every dimension without a file.
        """
    )

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
      var warnings: [GovTagError] = []
      let directory = lexicons.resolved
      let model = try Diagnostics.orExit { try directory.loadModel { warnings.append($0) } }
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
      // Every file read is named, so that a file left out (traits.yml) shows by its absence.
      func path(_ name: String) -> String {
        directory.path.hasSuffix("/") ? directory.path + name : directory.path + "/" + name
      }
      if !model.scope.cues.isEmpty {
        print(
          "\(path(ScopeRules.fileName)): scope rules, \(NumberText.count(model.scope.cues.count, "cue")), \(NumberText.count(model.scope.frames.count, "frame"))"
        )
      }
      if let gazetteer = model.gazetteer {
        print(
          "\(path(GazetteerLoader.fileName)): \(NumberText.count(gazetteer.provinces.count, "province")), \(gazetteer.cities.count) \(gazetteer.cities.count == 1 ? "city" : "cities"), \(NumberText.count(gazetteer.districts.count, "district")), \(NumberText.count(gazetteer.nameCount, "name")) matched"
        )
      }
      if let calibration = model.calibration {
        let curves = calibration.dimensions.reduce(0) { $0 + $1.curves.count }
        let file = calibration.file ?? CalibrationModel.fileName
        if let warning = model.calibrationStalenessWarning {
          print("\(file): STALE: \(warning)")
        } else {
          // The stamp is the version without the calibration file (the file cannot hash itself).
          print(
            "\(file): \(curves) confidence curves, fitted on \(calibration.records) gold records against these lexicons (version \(calibration.lexiconVersion), counted without \(CalibrationModel.fileName))"
          )
        }
      }
      // A folder may leave dimensions out on purpose, but the report says so.
      let loaded = Set(model.lexicons.dimensions.map(\.id))
      let missing = Taxonomy.standard.dimensions.map(\.id).filter { !loaded.contains($0) }
      if !missing.isEmpty {
        print(
          "no lexicon file for \(Self.list(missing)) (\(missing.map { $0 + ".yaml" }.joined(separator: ", ")) expected): records get no labels in \(missing.count == 1 ? "this dimension" : "these dimensions")"
        )
      }
      var last = "lexicons OK: \(model.lexicons.termCount) terms, version \(model.rulesVersion)"
      if !warnings.isEmpty || !missing.isEmpty {
        let off =
          missing + [model.scope.cues.isEmpty ? "scope" : nil, model.gazetteer == nil ? "location" : nil].compactMap { $0 }
        last += off.isEmpty ? " (see the warning\(warnings.count == 1 ? "" : "s") above)" : " (\(Self.list(off)) off: see above)"
      }
      print(last)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
      items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }
}

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
        an unknown key, a term, exclusion, cue, context word or place name in traditional or \
        full-width characters (texts are folded before matching, so it could never match; the \
        message names the form to write), or with spaces around it or an invisible character in it \
        (a zero-width space U+200B pasted from a web page). A \
        missing scope.yaml or gazetteer.yaml is a warning: scope or location is then off; so is a \
        file named like a lexicon file but not ending in .yaml (traits.yml: it is not read), a \
        dimension calibration.yaml was fitted with but no file defines, a category of the taxonomy \
        with no entry in its dimension's file (no record can get it), and a category without a \
        confidence curve. The report names every file read and every dimension without a file, \
        and notes the terms written in lower-case Latin letters (ai, city brain; not a brand mixing \
        them with Chinese characters, i深圳): matching keeps the case of Latin letters, so such a \
        term matches only so written.
        """
    )

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
      var warnings: [GovTagError] = []
      let directory = lexicons.resolved
      // The check names every category a file leaves out, not only those the calibration has a
      // curve for.
      let model = try Diagnostics.orExit { try directory.loadModel(everyMissingCategory: true) { warnings.append($0) } }
      // The stale calibration is said below, on its file's line.
      let stale = model.calibrationStalenessWarning(names: directory.names)
      warnings.removeAll { $0.message == stale }
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
      if let note = Self.caseNote(model.lexicons) { print(note) }
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
        if let warning = model.calibrationStalenessWarning(names: directory.names) {
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
          "no lexicon file for \(ListText.and(missing)) (\(missing.map { $0 + ".yaml" }.joined(separator: ", ")) expected): records get no labels in \(missing.count == 1 ? "this dimension" : "these dimensions")"
        )
      }
      var last = "lexicons OK: \(model.lexicons.termCount) terms, version \(model.rulesVersion)"
      if !warnings.isEmpty || !missing.isEmpty {
        let off =
          missing + [model.scope.cues.isEmpty ? "scope" : nil, model.gazetteer == nil ? "location" : nil].compactMap { $0 }
        last +=
          off.isEmpty ? " (see the warning\(warnings.count == 1 ? "" : "s") above)" : " (\(ListText.and(off)) off: see above)"
      }
      print(last)
    }

    /// A note naming the terms whose Latin letters are all lower case (`ai`, `city brain`), or
    /// `nil`: folding maps full-width letters to half-width ones but keeps their case, so such a
    /// term does not match a text that writes it in capitals (AI, City Brain). A term with a
    /// capital (ChatGPT, SaaS) is taken to be written as the texts write it, and so is one that
    /// mixes Latin letters with Chinese characters (a brand: i深圳, e政务).
    static func caseNote(_ lexicons: LexiconSet) -> String? {
      let terms = lexicons.dimensions.flatMap(\.categories).flatMap(\.terms).filter { term in
        let latin = term.text.unicodeScalars.filter { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        return !latin.isEmpty && latin.allSatisfy { ("a"..."z").contains($0) }
          && !term.text.unicodeScalars.contains { $0.properties.isIdeographic }
      }
      guard !terms.isEmpty else { return nil }
      let shown = terms.prefix(10).map { "\"\($0.text)\" (\($0.location))" }
      let more = terms.count > 10 ? " and \(terms.count - 10) more" : ""
      return
        "note: Latin letters match in their exact case, so \(NumberText.count(terms.count, "term")) written in lower-case Latin letters \(terms.count == 1 ? "matches" : "match") only as written: \(shown.joined(separator: ", "))\(more); write the case the texts use, or add each form as a term"
    }
  }
}

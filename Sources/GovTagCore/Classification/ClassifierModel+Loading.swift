import Foundation

extension ClassifierModel {
  /// Loads everything in a lexicon directory: the dimension lexicons (`*.yaml`), the gazetteer
  /// (`gazetteer.yaml`, optional), the scope cues (`scope.yaml`, optional) and the confidence
  /// curves (`calibration.yaml`, optional), and compiles them.
  ///
  /// - Parameters:
  ///   - directory: e.g. `Lexicons`.
  ///   - configuration: the scoring rules outside the files.
  ///   - calibrated: whether to read `calibration.yaml` (`govtag calibrate` fits without it).
  ///   - warn: called for each problem that loads but switches a rule off, in a fixed order:
  ///     a missing `scope.yaml` turns off negation, plan and citation scope, a missing
  ///     `gazetteer.yaml` turns off location, a file whose name is close to a lexicon file's
  ///     (`traits.yml`, `capability.yaml.bak`) is not read, a dimension `calibration.yaml` was
  ///     fitted with has no file, a category `calibration.yaml` has a curve for has no entry in
  ///     its dimension's file, a category without a confidence curve gets no confidence.
  ///     All are allowed (a folder with one dimension file
  ///     is a valid set-up, e.g. for trying a lexicon), but never silently: the command line
  ///     prints these on every command that loads lexicons.
  ///   - everyMissingCategory: whether to warn of every category of the taxonomy a loaded
  ///     dimension file has no entry for (`lexicon check`), not only of those `calibration.yaml`
  ///     has a curve for (``missingCategoryWarnings(lexicons:calibration:everyCategory:)``).
  ///   - names: how the hints name the command that remakes `calibration.yaml`
  ///     (``CalibrationModel/remakeCommand(file:names:)``); the default words them for a program.
  /// - Throws: `GovTagErrors` listing every problem in every file, or `GovTagError` when the
  ///   directory cannot be read.
  package static func load(
    lexiconDirectory directory: String, configuration: ClassifierConfiguration = ClassifierConfiguration(),
    calibrated: Bool = true, everyMissingCategory: Bool = false, names: SettingNames = SettingNames(),
    warn: (GovTagError) -> Void = { _ in }
  ) throws -> ClassifierModel {
    var problems: [GovTagError] = []
    var lexicons: LexiconSet?
    var gazetteer: Gazetteer?
    var scope: ScopeRules?
    do { lexicons = try LexiconLoader().load(directory: directory) } catch let errors as GovTagErrors {
      problems += errors.errors
    }
    do { gazetteer = try GazetteerLoader().load(directory: directory) } catch let errors as GovTagErrors {
      problems += errors.errors
    }
    do { scope = try ScopeRules.load(directory: directory) } catch let errors as GovTagErrors {
      problems += errors.errors
    }
    var calibration: CalibrationModel?
    if calibrated {
      do { calibration = try CalibrationModel.load(directory: directory) } catch let errors as GovTagErrors {
        problems += errors.errors
      }
    }
    guard problems.isEmpty, let lexicons else { throw GovTagErrors(problems) }
    for warning in missingFileWarnings(directory: directory, hasScope: scope != nil, hasGazetteer: gazetteer != nil) {
      warn(warning)
    }
    for warning in ignoredFileWarnings(directory: directory) { warn(warning) }
    for warning in missingDimensionWarnings(directory: directory, lexicons: lexicons, calibration: calibration, names: names) {
      warn(warning)
    }
    for warning in missingCategoryWarnings(lexicons: lexicons, calibration: calibration, everyCategory: everyMissingCategory) {
      warn(warning)
    }
    if let calibration {
      for warning in missingCurveWarnings(calibration, lexicons: lexicons, names: names) { warn(warning) }
    }
    return ClassifierModel(
      lexicons: lexicons, gazetteer: gazetteer, scope: scope ?? .none, configuration: configuration,
      calibration: calibration)
  }

  /// The warnings for a lexicon directory without `scope.yaml` or `gazetteer.yaml`.
  static func missingFileWarnings(directory: String, hasScope: Bool, hasGazetteer: Bool) -> [GovTagError] {
    func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
    var warnings: [GovTagError] = []
    if !hasScope {
      warnings.append(
        GovTagError(
          .lexicon,
          "no \(ScopeRules.fileName): scope is off, so no hit is discounted for a negation (尚未), a plan (下一步) or a cited title (依据《…》)",
          at: SourceLocation(file: path(ScopeRules.fileName)),
          hint: "add the file (the bundled Lexicons/scope.yaml is a start) to turn scope on"))
    }
    if !hasGazetteer {
      warnings.append(
        GovTagError(
          .lexicon, "no \(GazetteerLoader.fileName): location is off, so every record's province, city and region will be null",
          at: SourceLocation(file: path(GazetteerLoader.fileName)),
          hint: "add the file (the bundled Lexicons/gazetteer.yaml) to turn location on"))
    }
    return warnings
  }

  /// The warnings for files of the folder that look meant as lexicon files but are not read:
  /// only names ending in `.yaml` are (`traits.yml`, `capability.YAML`, `capability.yaml.bak`
  /// are skipped). Hidden files (an editor's `.capability.yaml.swp`) are left alone.
  static func ignoredFileWarnings(directory: String) -> [GovTagError] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    return names.compactMap { name -> GovTagError? in
      let lowered = name.lowercased()
      guard !name.hasPrefix("."), !name.hasSuffix(".yaml"), lowered.hasSuffix(".yml") || lowered.contains(".yaml") else {
        return nil
      }
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let renamable = lowered.hasSuffix(".yml") || lowered.hasSuffix(".yaml")
      let stem = renamable ? name.lastIndex(of: ".").map { String(name[..<$0]) } : nil
      return GovTagError(
        .lexicon, "ignored: lexicon files end in .yaml, so this file is not read", at: SourceLocation(file: path),
        hint: stem.map { "rename it to \($0).yaml if it is a lexicon file" }
          ?? "move it out of the lexicon folder if it is a copy, or rename it to end in .yaml")
    }
  }

  /// The warnings for dimensions that `calibration` was fitted with but no file of the folder
  /// defines: a dimension file renamed or deleted since, whose labels every record now lacks.
  ///
  /// A folder may leave dimensions out on purpose (one dimension file is a valid set-up, e.g. for
  /// trying a lexicon), so a missing dimension alone is no warning here; `lexicon check` lists
  /// the dimensions without a file.
  static func missingDimensionWarnings(
    directory: String, lexicons: LexiconSet, calibration: CalibrationModel?, names: SettingNames
  ) -> [GovTagError] {
    guard let calibration else { return [] }
    let loaded = Set(lexicons.dimensions.map(\.id))
    let calibrated = Set(calibration.dimensions.map(\.id))
    return Taxonomy.standard.dimensions.filter { calibrated.contains($0.id) && !loaded.contains($0.id) }.map { dimension in
      let name = dimension.id + ".yaml"
      return GovTagError(
        .lexicon,
        "no lexicon file defines dimension \(dimension.id) (\(dimension.name)), which \(CalibrationModel.fileName) was fitted with: records get no \(dimension.id) labels",
        at: SourceLocation(file: directory.hasSuffix("/") ? directory + name : directory + "/" + name),
        hint:
          "restore \(name) (with dimension: \(dimension.id)), or remake \(CalibrationModel.fileName) with \(calibration.remakeCommand(file: calibration.file ?? CalibrationModel.fileName, names: names))"
      )
    }
  }

  /// The warnings for categories of the taxonomy that a loaded dimension file has no entry for:
  /// no record can get them. A category block deleted from a file (`social_management:` and its
  /// terms) would otherwise go unnoticed: the file still loads, and its records move to other
  /// categories.
  ///
  /// - Parameters:
  ///   - lexicons: the loaded dimensions.
  ///   - calibration: the folder's calibration; the missing categories it still has a curve for
  ///     are named.
  ///   - everyCategory: `true` for every missing category (`lexicon check`); `false` for those
  ///     `calibration` has a curve for only, a sign that the entry was deleted since it was
  ///     fitted (a folder for trying a lexicon may leave categories out, as it may dimensions:
  ///     loading does not warn of those).
  /// - Returns: one warning per dimension file that misses categories, in taxonomy order:
  ///   `social_management has no entry in capability.yaml: no record can get it`.
  static func missingCategoryWarnings(
    lexicons: LexiconSet, calibration: CalibrationModel?, everyCategory: Bool
  ) -> [GovTagError] {
    lexicons.dimensions.compactMap { dimension -> GovTagError? in
      guard let taxonomy = Taxonomy.standard.dimension(dimension.id) else { return nil }
      let present = Set(dimension.categories.map(\.id))
      let curved = Set(
        taxonomy.categories.map(\.id).filter { !present.contains($0) && calibration?.curve(dimension.id, $0) != nil })
      let missing = taxonomy.categories.map(\.id).filter { !present.contains($0) && (everyCategory || curved.contains($0)) }
      guard !missing.isEmpty else { return nil }
      let name = (dimension.file as NSString).lastPathComponent
      let one = missing.count == 1
      let listed = ListText.and(missing)
      let withCurves = missing.filter { curved.contains($0) }
      let calibrated =
        withCurves.isEmpty
        ? ""
        : one
          ? " (\(CalibrationModel.fileName) still has a curve for it)"
          : " (\(CalibrationModel.fileName) still has a curve for \(withCurves.joined(separator: ", ")))"
      return GovTagError(
        .lexicon,
        "\(listed) \(one ? "has" : "have") no entry in \(name): no record can get \(one ? "it" : "them")\(calibrated)",
        at: SourceLocation(file: dimension.file),
        hint: one
          ? "add a \(missing[0]): block under categories: (its terms may come later), or restore the one deleted"
          : "add a block for each under categories: (their terms may come later), or restore those deleted")
    }
  }

  /// The warnings for categories of the lexicons that `calibration` has no curve for: their
  /// records get no confidence for them, and review flags and the audit's ranking pass them over.
  static func missingCurveWarnings(_ calibration: CalibrationModel, lexicons: LexiconSet, names: SettingNames) -> [GovTagError] {
    let missing = lexicons.dimensions.flatMap { dimension in
      dimension.categories.filter { calibration.curve(dimension.id, $0.id) == nil }.map { "\(dimension.id).\($0.id)" }
    }
    guard !missing.isEmpty else { return [] }
    return [
      GovTagError(
        .lexicon,
        "no confidence curve for \(missing.joined(separator: ", ")): records get no confidence for \(missing.count == 1 ? "it" : "them")",
        at: SourceLocation(file: calibration.file ?? CalibrationModel.fileName),
        hint:
          "remake the file with \(calibration.remakeCommand(file: calibration.file ?? CalibrationModel.fileName, names: names))")
    ]
  }
}

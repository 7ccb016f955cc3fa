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
  ///     `gazetteer.yaml` turns off location. Both are allowed (a folder with one dimension file
  ///     is a valid set-up, e.g. for trying a lexicon), but never silently: the command line
  ///     prints these on every command that loads lexicons.
  /// - Throws: `GovTagErrors` listing every problem in every file, or `GovTagError` when the
  ///   directory cannot be read.
  package static func load(
    lexiconDirectory directory: String, configuration: ClassifierConfiguration = ClassifierConfiguration(),
    calibrated: Bool = true, warn: (GovTagError) -> Void = { _ in }
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
}

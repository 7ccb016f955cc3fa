extension ClassifierModel {
  /// Loads everything in a lexicon directory: the dimension lexicons (`*.yaml`), the gazetteer
  /// (`gazetteer.yaml`, optional), the scope cues (`scope.yaml`, optional) and the confidence
  /// curves (`calibration.yaml`, optional), and compiles them.
  ///
  /// - Parameters:
  ///   - directory: e.g. `Lexicons`.
  ///   - configuration: the scoring rules outside the files.
  ///   - calibrated: whether to read `calibration.yaml` (`govtag calibrate` fits without it).
  /// - Throws: `GovTagErrors` listing every problem in every file, or `GovTagError` when the
  ///   directory cannot be read.
  public static func load(
    lexiconDirectory directory: String, configuration: ClassifierConfiguration = ClassifierConfiguration(),
    calibrated: Bool = true
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
    return ClassifierModel(
      lexicons: lexicons, gazetteer: gazetteer, scope: scope ?? .none, configuration: configuration,
      calibration: calibration)
  }
}

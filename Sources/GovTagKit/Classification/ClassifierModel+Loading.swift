extension ClassifierModel {
  /// Loads everything in a lexicon directory: the dimension lexicons (`*.yaml`), the gazetteer
  /// (`gazetteer.yaml`, optional) and the scope cues (`scope.yaml`, optional), and compiles them.
  ///
  /// - Parameter directory: e.g. `Lexicons`.
  /// - Throws: `GovTagErrors` listing every problem in every file, or `GovTagError` when the
  ///   directory cannot be read.
  public static func load(lexiconDirectory directory: String) throws -> ClassifierModel {
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
    guard problems.isEmpty, let lexicons else { throw GovTagErrors(problems) }
    return ClassifierModel(lexicons: lexicons, gazetteer: gazetteer, scope: scope ?? .none)
  }
}

extension LexiconDirectory {
  /// Loads and compiles the lexicons, gazetteer and scope cues of this directory, like
  /// ``ClassifierModel/load(lexiconDirectory:)``, with every error prefixed by ``description``:
  ///
  ///     lexicons from GOVTAG_LEXICONS=/srv/lex: /srv/lex: cannot read the lexicon directory: …
  ///
  /// - Parameters:
  ///   - configuration: the scoring rules outside the files.
  ///   - calibrated: whether to read `calibration.yaml`.
  ///   - everyMissingCategory: whether to warn of every category a dimension file leaves out
  ///     (`lexicon check`), not only of those the calibration has a curve for.
  ///   - warn: called with each problem that loads but switches a rule off (a missing
  ///     `scope.yaml` or `gazetteer.yaml`), prefixed the same way, then with
  ///     ``ClassifierModel/calibrationStalenessError(names:)`` when the calibration is stale (as
  ///     it is, the sentence naming its file; the command that remakes it named as ``names`` names it): every caller that loads lexicons hears of it once.
  /// - Returns: the compiled model.
  /// - Throws: `GovTagErrors` listing every problem, or `GovTagError` when the directory cannot be
  ///   read; each with ``GovTagError/context`` set to ``description``.
  package func loadModel(
    configuration: ClassifierConfiguration = ClassifierConfiguration(), calibrated: Bool = true,
    everyMissingCategory: Bool = false, warn: (GovTagError) -> Void = { _ in }
  ) throws -> ClassifierModel {
    do {
      let model = try ClassifierModel.load(
        lexiconDirectory: path, configuration: configuration, calibrated: calibrated,
        everyMissingCategory: everyMissingCategory, names: names
      ) { warn(annotated($0)) }
      if let stale = model.calibrationStalenessError(names: names) { warn(stale) }
      return model
    } catch let errors as GovTagErrors {
      throw GovTagErrors(errors.errors.map(annotated))
    } catch let error as GovTagError {
      throw annotated(error)
    }
  }

  /// `error` with this directory as its context; a problem with the directory itself (it cannot
  /// be read, it holds no lexicon files) names both ways of choosing another one: the caller's
  /// option as ``names`` names it, and the environment variable (for a directory a program
  /// passed, neither).
  package func annotated(_ error: GovTagError) -> GovTagError {
    var error = error
    error.context = description
    if let location = error.location, location.file == path, location.line == nil {
      error.hint =
        if rule == .argument {
          "pass the folder that holds the lexicon .yaml files"
        } else if let option = names[.lexicons] {
          "name the folder that holds the lexicon .yaml files with \(option) DIR or \(Self.environmentVariable)=DIR"
        } else {
          "pass the folder that holds the lexicon .yaml files, or set \(Self.environmentVariable)=DIR"
        }
    }
    return error
  }
}

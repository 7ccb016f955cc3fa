extension LexiconDirectory {
  /// Loads only this directory's gazetteer, for callers that check people's province names but
  /// classify nothing (the readers of `stats` and `report`), with every error prefixed by
  /// ``description`` as ``loadModel(configuration:calibrated:warn:)`` prefixes them.
  ///
  /// A folder that cannot be read is the same error as for ``loadModel(configuration:calibrated:warn:)``,
  /// unless it is the working-directory fallback (``Rule/workingDirectory``): no folder was
  /// named, and names are then taken as written, without a word.
  ///
  /// - Parameter warn: called, prefixed the same way, when the folder has no `gazetteer.yaml`:
  ///   province names are then taken as written.
  /// - Returns: the gazetteer, or `nil` when there is none.
  /// - Throws: `GovTagError` when the folder cannot be read; `GovTagErrors` listing the problems
  ///   of a broken `gazetteer.yaml`; each with ``GovTagError/context`` set to ``description``.
  package func loadGazetteer(warn: (GovTagError) -> Void = { _ in }) throws -> Gazetteer? {
    if rule == .workingDirectory, !Self.isDirectory(path) { return nil }
    do {
      _ = try LexiconLoader(names: names).fileNames(in: path)
      guard let gazetteer = try GazetteerLoader().load(directory: path) else {
        let file = path.hasSuffix("/") ? path + GazetteerLoader.fileName : path + "/" + GazetteerLoader.fileName
        warn(
          annotated(
            GovTagError(
              .lexicon,
              "no \(GazetteerLoader.fileName): province names are taken as written (广东省 and 广东 count as two provinces, "
                + "and a name that is no province is not an error)",
              at: SourceLocation(file: file), hint: "add the file (the bundled Lexicons/gazetteer.yaml) to check them")))
        return nil
      }
      return gazetteer
    } catch let errors as GovTagErrors {
      throw GovTagErrors(errors.errors.map(annotated))
    } catch let error as GovTagError {
      throw annotated(error)
    }
  }
}

import GovTagKit

extension GovTagCommand {
  /// What `govtag --version` prints: GovTag's and ICU's versions, then the lexicon directory, the
  /// rule that chose it and its version, e.g.
  ///
  ///     govtag 0.1.0
  ///     ICU 72.1
  ///     lexicons /opt/govtag/share/govtag/Lexicons (beside the executable), version 4f0c…
  ///
  /// Lexicons that do not load are named with the problem instead of a version, so the command
  /// still answers (status 0) on a machine where they are missing.
  ///
  /// - Parameter lexicons: the directory a run would use.
  /// - Returns: the lines, without the final line break.
  static func versionText(lexicons: LexiconDirectory) -> String {
    let shown = lexicons.rule == .workingDirectory && !lexicons.path.hasPrefix("/") ? "./" + lexicons.path : lexicons.path
    let state: String
    do {
      state = "version \(try lexicons.loadModel().rulesVersion)"
    } catch let errors as GovTagErrors {
      state = "not usable: \(errors.errors.count) problem\(errors.errors.count == 1 ? "" : "s"); run govtag lexicon check"
    } catch let error as GovTagError {
      state = "not usable: \(error.message)"
    } catch {
      state = "not usable: \(error)"
    }
    return """
      govtag \(GovTagVersion.current)
      ICU \(ICU.version)
      lexicons \(shown) (\(lexicons.ruleDescription)), \(state)
      """
  }
}

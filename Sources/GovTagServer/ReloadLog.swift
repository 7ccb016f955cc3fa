import Logging

/// One log line per reload, the same whichever way it was asked for.
enum ReloadLog {
  static func log(_ outcome: LexiconStore.ReloadOutcome, trigger: String, logger: Logger) {
    switch outcome {
    case .reloaded(let from, let to, let generation, let warnings):
      // A warning (scope or location off, a stale calibration) is worth an operator's look.
      logger.log(
        level: warnings.isEmpty ? .notice : .warning,
        "lexicons reloaded (\(trigger)): \(from) -> \(to), generation \(generation)",
        metadata: warnings.isEmpty ? nil : ["warnings": .array(warnings.map { .string($0) })])
    case .refused(let problems, let keeping):
      logger.error(
        "lexicon reload refused (\(trigger)); keeping \(keeping): \(problems.joined(separator: "; "))")
    case .busy:
      logger.warning("lexicon reload (\(trigger)) refused: another reload is running")
    case .queued:
      logger.notice("lexicon reload (\(trigger)) queued: another reload is running, this one follows it")
    }
  }
}

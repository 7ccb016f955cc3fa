/// What reading a set of labelled or annotated inputs did, for every command that reads them
/// (eval, audit, calibrate, lexicon suggest, stats, report, export): counts for the closing
/// summary line, the report and the exit status. Nothing is dropped silently: every line read is
/// used, failed, a duplicate id, or blank.
package struct ReadSummary: Sendable, Hashable {
  /// Inputs opened and read to the end that held a record (an input without one is in
  /// ``inputErrors``, like one that could not be opened).
  package var inputsRead = 0
  /// Non-blank input lines.
  package var recordsRead = 0
  /// Records the command used (compared with GovTag, counted, exported).
  package var used = 0
  /// Records that could not be used because of a problem (each one reported).
  package var failed = 0
  /// Of the used records, those whose reference labels could not be used (each one reported):
  /// kept for GovTag's labels alone.
  package var usedWithoutReference = 0
  /// Of the failed records, those that lack the reference field altogether.
  package var withoutReference = 0
  /// Blank lines, which hold no record.
  package var blankLines = 0
  /// Records left out because an earlier record had their id (each one reported); not failed.
  package var duplicateIDs = 0
  /// Inputs that could not be read at all.
  package var inputErrors: [GovTagError] = []

  /// Creates an empty summary.
  package init() {}

  /// Whether no record and no blank line could be read while some input failed (every input
  /// missing, unreadable or compressed): such a run has nothing to report.
  package var readNothing: Bool { recordsRead == 0 && blankLines == 0 && !inputErrors.isEmpty }

  /// Whether every input was read and every record used.
  package var succeeded: Bool { failed == 0 && inputErrors.isEmpty && usedWithoutReference == 0 }

  /// The inputs given: those read and those that could not be (one error each).
  package var inputsGiven: Int { inputsRead + inputErrors.count }

  /// Adds another summary's counts.
  package mutating func add(_ other: ReadSummary) {
    inputsRead += other.inputsRead
    recordsRead += other.recordsRead
    used += other.used
    failed += other.failed
    usedWithoutReference += other.usedWithoutReference
    withoutReference += other.withoutReference
    blankLines += other.blankLines
    duplicateIDs += other.duplicateIDs
    inputErrors += other.inputErrors
  }

  /// One line for people, worded as `govtag tag`'s:
  /// `read 12 records from 1 input: 10 evaluated, 2 failed (1 without "gold"), 1 blank line skipped`.
  ///
  /// - Parameters:
  ///   - verb: what happened to the records used: `evaluated`, `audited`, `counted`, `exported`.
  ///   - field: the reference field's name, for commands that read one.
  /// - Returns: the line, without a trailing newline.
  package func line(verb: String, field: String? = nil) -> String {
    var text =
      "read \(NumberText.count(recordsRead, "record")) from \(NumberText.count(inputsGiven, "input")): \(used) \(verb)"
    if usedWithoutReference > 0 {
      text += " (\(usedWithoutReference) without \(usedWithoutReference == 1 ? "its" : "their") reference labels)"
    }
    text += ", \(failed) failed"
    if withoutReference > 0, let field { text += " (\(withoutReference) without \"\(field)\")" }
    if duplicateIDs > 0 { text += ", \(NumberText.count(duplicateIDs, "duplicate id")) skipped" }
    if blankLines > 0 { text += ", \(NumberText.count(blankLines, "blank line")) skipped" }
    if !inputErrors.isEmpty { text += "; \(NumberText.count(inputErrors.count, "input")) could not be read" }
    return text
  }
}

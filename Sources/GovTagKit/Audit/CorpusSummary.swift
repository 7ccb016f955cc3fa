/// What reading a set of annotated inputs did: counts for the closing summary line, the report
/// and the exit status. Nothing is dropped silently: every line read is compared, failed, or blank.
package struct CorpusSummary: Sendable, Hashable {
  /// Inputs opened and read to the end.
  package var inputsRead = 0
  /// Non-blank input lines.
  package var recordsRead = 0
  /// Records compared with GovTag.
  package var compared = 0
  /// Records skipped because of a problem (each one reported).
  package var failed = 0
  /// Of the failed records, those that lack the reference field altogether.
  package var withoutReference = 0
  /// Blank lines, which hold no record.
  package var blankLines = 0
  /// Inputs that could not be read at all.
  package var inputErrors: [GovTagError] = []

  /// Creates an empty summary.
  package init() {}

  /// Whether every input was read and every record compared.
  package var succeeded: Bool { failed == 0 && inputErrors.isEmpty }

  /// Adds another summary's counts.
  package mutating func add(_ other: CorpusSummary) {
    inputsRead += other.inputsRead
    recordsRead += other.recordsRead
    compared += other.compared
    failed += other.failed
    withoutReference += other.withoutReference
    blankLines += other.blankLines
    inputErrors += other.inputErrors
  }

  /// One line for people, e.g.
  /// `read 12 records from 1 input: 10 evaluated, 2 failed (1 without "gold"), 1 blank line skipped`.
  ///
  /// - Parameters:
  ///   - verb: what happened to the good records: `evaluated`, `audited`, `used`.
  ///   - field: the reference field's name.
  /// - Returns: the line, without a trailing newline.
  package func line(verb: String, field: String) -> String {
    var text =
      "read \(Self.count(recordsRead, "record")) from \(Self.count(inputsRead, "input")): \(compared) \(verb), \(failed) failed"
    if withoutReference > 0 { text += " (\(withoutReference) without \"\(field)\")" }
    if blankLines > 0 { text += ", \(Self.count(blankLines, "blank line")) skipped" }
    if !inputErrors.isEmpty { text += "; \(Self.count(inputErrors.count, "input")) could not be read" }
    return text
  }

  /// `1 record`, `2 records`.
  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// What a batch run did: counts for the closing summary line and the exit status.
package struct RunSummary: Sendable, Hashable, Codable {
  /// Inputs opened and read to the end.
  package var inputsRead = 0
  /// Records read (blank lines excluded).
  package var recordsRead = 0
  /// Records written with labels (computed or reused).
  package var labelled = 0
  /// Of `labelled`, records copied from `--previous` because nothing that affects them changed.
  package var reused = 0
  /// Records that could not be labelled.
  package var failed = 0
  /// Blank lines, which hold no record.
  package var blankLines = 0
  /// Inputs that could not be read at all (missing, unreadable, empty), as messages.
  package var inputErrors: [String] = []
  /// Bytes of input consumed.
  package var bytesRead = 0
  /// Wall-clock seconds (of this process; a resumed run counts from its own start).
  package var seconds = 0.0
  /// Whether the run stopped early on an interrupt, leaving a resumable state.
  package var interrupted = false
  /// When the interrupt came, for the message: `while labelling in.jsonl:3 and the records
  /// after it`, `between two records`, or `after every record was read, …`.
  package var interruptedAt: String?
  /// Records that a resumed run took over from the interrupted one.
  package var resumedRecords = 0
  /// Input bytes that a resumed run took over from the interrupted one.
  package var resumedBytes = 0
  /// Records whose id an earlier record of the run had (each is still labelled), or `nil` for
  /// none.
  package var duplicateIDs: DuplicateIDTally?
  /// Of ``seconds``, the time spent indexing the previous output (`--previous`) before the
  /// first record was read.
  package var previousSeconds = 0.0

  /// Creates an empty summary.
  package init() {}

  /// Whether no record and no blank line could be read while some input failed (every input
  /// missing, unreadable or empty): such a run writes no output file.
  package var readNothing: Bool { recordsRead == 0 && blankLines == 0 && !inputErrors.isEmpty }

  /// Whether every input was read and every record labelled.
  package var succeeded: Bool { failed == 0 && inputErrors.isEmpty && !interrupted }

  /// One line for people: `read 150 records from 2 inputs: 149 labelled, 1 failed (3.1 MB in 0.8 s, 187 records/s)`.
  ///
  /// - Parameter names: how the line names the caller's settings: records reused `from --previous`
  ///   on the command line, `from the previous run` by default.
  /// - Returns: the line, without a line break.
  package func line(names: SettingNames = SettingNames()) -> String {
    var text = "read \(recordsRead) record\(recordsRead == 1 ? "" : "s")"
    // An interrupted run usually stops inside an input, which "from 0 inputs" would hide.
    text +=
      interrupted
      ? " (\(inputsRead) input\(inputsRead == 1 ? "" : "s") read to the end)"
      : " from \(inputsRead) input\(inputsRead == 1 ? "" : "s")"
    text += ": \(labelled) labelled"
    if reused > 0 { text += " (\(reused) reused from \(names[.previous] ?? "the previous run"))" }
    text += ", \(failed) failed"
    if blankLines > 0 { text += ", \(blankLines) blank line\(blankLines == 1 ? "" : "s") skipped" }
    if !inputErrors.isEmpty { text += "; \(inputErrors.count) input\(inputErrors.count == 1 ? "" : "s") could not be read" }
    let megabytes = Self.format(Double(bytesRead) / 1_000_000)
    let newRecords = recordsRead - resumedRecords
    // Records per second of labelling: not counting the records a resumed run took over, nor
    // the time spent indexing the previous output.
    let labelling = seconds - previousSeconds
    let rate = "\(Int((labelling > 0 ? Double(newRecords) / labelling : 0).rounded())) records/s"
    let indexing =
      previousSeconds > 0
      ? ": \(Self.format(previousSeconds)) s indexing \(names[.previous] ?? "the previous run"), then \(rate)" : ", \(rate)"
    if resumedRecords > 0 && newRecords == 0 {
      // The interrupted run had read everything: this one only finished the output.
      text +=
        "; resumed after \(resumedRecords) records, none left to read (\(megabytes) MB; finished in \(Self.format(seconds)) s)"
    } else if resumedRecords > 0 {
      let thisRun = Self.format(Double(bytesRead - resumedBytes) / 1_000_000)
      text +=
        "; resumed after \(resumedRecords) records (\(megabytes) MB, \(thisRun) MB of it in \(Self.format(seconds)) s\(indexing))"
    } else {
      text += " (\(megabytes) MB in \(Self.format(seconds)) s\(indexing))"
    }
    return text
  }

  /// The warning about repeated ids, or `nil` when every id was new: `2 records repeat the id of
  /// an earlier record (all are labelled): in.jsonl:2: duplicate id "a" (first at in.jsonl:1), …`.
  /// Without `govtag: warning: ` and a line break; the first ``DuplicateIDTally/exampleLimit``
  /// duplicates are named with both places.
  package var duplicateIDWarning: String? {
    guard let tally = duplicateIDs, tally.count > 0 else { return nil }
    var text =
      tally.count == 1
      ? "1 record repeats the id of an earlier record" : "\(tally.count) records repeat the id of an earlier record"
    text += " (all are labelled): " + tally.examples.joined(separator: "; ")
    if tally.count > tally.examples.count { text += "; and \(tally.count - tally.examples.count) more" }
    text += ". Give every record a unique id: diff, eval and audit use only the first record with an id"
    return text
  }

  static func format(_ value: Double) -> String { NumberText.fixed(value, digits: 1) }
}

import ArgumentParser
import Foundation
public import GovTagKit

/// `govtag tag`: label records.
struct Tag: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Label case records and write them with labels, evidence and provenance.",
    discussion: """
      Inputs are JSON Lines (.jsonl, and standard input), JSON arrays (.json), CSV with a header \
      (.csv) or folders of .txt files; --input-format overrides the extension. Each output record \
      is the input record with its fields kept and labels, scores, location, review, evidence and \
      provenance added, in input order, identical for every --jobs. A record that cannot be read \
      is reported on standard error with its file and line, and the others are still labelled; \
      the exit status is then 1. A record longer than --max-record-bytes becomes such an error. \
      Ctrl-C or SIGTERM stops cleanly, even in the middle of a long record: run the same command \
      with --resume to continue (exit status 130 after SIGINT, 143 after SIGTERM). The output \
      file is locked while it is written; -o and --errors must not name an input or each other; \
      a FIFO or a device (/dev/null) is written directly.
      """
  )

  @Argument(help: "Inputs: files, folders of .txt files, or - for standard input.")
  var inputs: [String] = []

  @Option(
    name: .shortAndLong,
    help: "Write labelled records here instead of standard output. The file appears only when the run is complete.")
  var output: String?

  @Option(help: "Output format: jsonl (one record per line) or json (an array).")
  var format: BatchConfiguration.OutputFormat = .jsonl

  @Option(help: "Also write each failed record as JSON ({source, line, reason, raw}) to this file.")
  var errors: String?

  // Optional, so that the help states the default once, as "all cores", not this machine's count.
  // `.unconditional`: a negative value reaches validate() and its range message; by default
  // ArgumentParser reads "-1" as an option and says the value is missing.
  @Option(
    name: .shortAndLong, parsing: .unconditional, help: "Worker threads, 1 to \(BatchConfiguration.maxJobs) (default: all cores)."
  )
  var jobs: Int?

  /// `--jobs`, or all cores.
  var workers: Int { jobs ?? min(ProcessInfo.processInfo.activeProcessorCount, BatchConfiguration.maxJobs) }

  @Option(
    parsing: .unconditional,
    help: "A record longer than this many bytes becomes an error record instead of being labelled (default 16 MiB).")
  var maxRecordBytes: Int?

  /// `--max-record-bytes`, or the default (16 MiB).
  var recordLimit: Int { maxRecordBytes ?? BatchConfiguration.defaultMaxRecordBytes }

  @Option(help: "Input format for every input: jsonl, json, csv or txt (default: by extension; standard input is jsonl).")
  var inputFormat: InputFormat?

  @Option(help: "CSV column holding the id (without one, ids are row numbers).")
  var idColumn = "id"

  @Option(help: "CSV column holding the text.")
  var textColumn = "text"

  @Option(help: "CSV column holding the title.")
  var titleColumn = "title"

  @Flag(help: "Continue the interrupted run that was writing --output.")
  var resume = false

  @Option(
    help:
      "An earlier output: records whose input, lexicons and GovTag version are unchanged are copied from it instead of labelled again."
  )
  var previous: String?

  @Flag(
    help:
      "Write an error record in place of each failed or blank input record, so output lines match input lines (on by default when reading standard input and writing standard output)."
  )
  var errorRecords = false

  @Flag(
    help:
      "Exit with status 0 even when some records failed (they are still reported). For streaming stages that must not fail a whole partition for one bad line."
  )
  var allowFailures = false

  @Option(help: "Which hits to list as evidence: standard (counted and suppressed), all (also near misses), none.")
  var evidence: LabelledRecordWriter.EvidenceDetail = .standard

  @Option(
    help: ArgumentHelp(
      "How to lay out evidence: compact (hits grouped by dimension, category and term, each [field, start, end, contribution, status?, why?]) or full (one object per hit with match, context, weight and lexicon source: the layout of GovTag 0.1, about 3 times larger).",
      valueName: "layout"))
  var evidenceLayout: LabelledRecordWriter.EvidenceLayout = .compact

  @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
  var quiet = false

  @OptionGroup var lexicons: LexiconOptions
  @OptionGroup var review: ReviewOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("name at least one input file, or - for standard input") }
    if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once; name it once") }
    if workers < 1 || workers > BatchConfiguration.maxJobs {
      throw ValidationError(
        "--jobs must be between 1 and \(BatchConfiguration.maxJobs) (this machine has \(ProcessInfo.processInfo.activeProcessorCount) cores; more workers than cores gain nothing)"
      )
    }
    if recordLimit < 1 { throw ValidationError("--max-record-bytes must be at least 1") }
    if resume && (output == nil || output == "-") { throw ValidationError("--resume needs an output file (-o FILE)") }
  }

  func run() throws {
    // First, so that a signal while the lexicons load still ends the run cleanly (status
    // 130/143 then always leaves something --resume continues, when writing to a file).
    let interrupt = InterruptSignal()
    let model = try lexicons.loadModel(configuration: try review.configuration(), quiet: quiet)
    var configuration = BatchConfiguration(jobs: workers)
    configuration.evidenceDetail = evidence
    configuration.evidenceLayout = evidenceLayout
    configuration.inputFormat = inputFormat
    configuration.outputFormat = format
    configuration.maxRecordBytes = recordLimit
    configuration.csvColumns.id = idColumn
    configuration.csvColumns.text = textColumn
    configuration.csvColumns.title = titleColumn
    configuration.settingNames = .commandLine
    let toStandardOutput = output == nil || output == "-"
    configuration.errorRecordsInPlace = errorRecords || (inputs == ["-"] && toStandardOutput)
    let runner = BatchRunner(model: model, configuration: configuration)
    let progress = ProgressLine(enabled: !quiet && Diagnostics.stderrIsTerminal, inputs: inputs)
    let indexingStarted = Date()
    var indexedPrevious: PreviousRun?
    let summary = try Diagnostics.orExit { () throws -> RunSummary in
      let earlier = try previous.map { try indexPrevious($0, model: model, progress: progress, interrupt: interrupt) }
      indexedPrevious = earlier
      let indexed = Date().timeIntervalSince(indexingStarted)
      // An index cut short by a signal is not used: the run stops before its first record.
      var result = try runner.run(
        inputs: inputs, destination: .init(output: toStandardOutput ? nil : output, errors: errors), resume: resume,
        previous: earlier?.interrupted == false ? earlier : nil, shouldStop: { interrupt.isSet }
      ) { event in
        switch event {
        case .recordFailed(let error):
          progress.clear()
          Diagnostics.error(error.description)
        case .inputFailed(let error):
          progress.clear()
          Diagnostics.error(error.description)
        case .fieldsReplaced(let location, let names):
          guard !quiet else { break }
          progress.clear()
          let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
          Diagnostics.print(
            "govtag: warning: \(location): the records carry \(list), named like fields GovTag writes: "
              + "the output has GovTag's values in their place (reported once per input); rename the input fields to keep them")
        case .progress(let summary):
          progress.update(summary)
        }
      }
      if earlier != nil {
        result.previousSeconds = indexed
        result.seconds += indexed
      }
      return result
    }
    progress.clear()
    if summary.interrupted {
      let cause = interrupt.name.map { " by \($0)" } ?? ""
      let when = summary.interruptedAt.map { " \($0)" } ?? ""
      Diagnostics.print("govtag: interrupted\(cause)\(when): \(summary.line(names: .commandLine))")
      // Standard output, a FIFO or a device is written in place and leaves no state to resume.
      let resumable = !toStandardOutput && FileManager.default.fileExists(atPath: (output ?? "") + ".partial.state")
      if resumable {
        Diagnostics.print("govtag: the output is unfinished; run the same command with --resume to continue")
      } else {
        Diagnostics.print("govtag: the output is incomplete: it stops after the last record written")
      }
      throw ExitCode(interrupt.exitStatus)
    }
    if !quiet, let warning = summary.duplicateIDWarning { Diagnostics.warning(warning) }
    if !quiet, let earlier = indexedPrevious, earlier.changed > 0 {
      Diagnostics.print(
        "govtag: \(NumberText.count(earlier.changed, "record")) of \(earlier.path) \(earlier.changed == 1 ? "was" : "were") labelled again: the text or another input field changed"
      )
    }
    if !quiet {
      let destination = toStandardOutput || summary.readNothing ? "" : " → \(output ?? "")"
      Diagnostics.print("govtag: \(summary.line(names: .commandLine))\(destination)")
    }
    if summary.readNothing && !toStandardOutput {
      Diagnostics.print("govtag: no input could be read, so \(output ?? "") was not written")
    }
    if !summary.succeeded && !allowFailures { throw Diagnostics.partialFailure }
  }

  /// Indexes the previous output, showing progress on a terminal, and says how many of its
  /// records can be reused and whether ids repeat (only the last record with an id is).
  private func indexPrevious(
    _ path: String, model: ClassifierModel, progress: ProgressLine, interrupt: InterruptSignal
  ) throws -> PreviousRun {
    let started = Date()
    let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
    let earlier = try PreviousRun(
      path: path, rulesVersion: model.rulesVersion, evidenceDetail: evidence, evidenceLayout: evidenceLayout,
      shouldStop: { interrupt.isSet },
      onProgress: { progress.indexing(path, bytes: $0, of: size?.intValue, seconds: Date().timeIntervalSince(started)) })
    progress.clear()
    guard !quiet, !earlier.interrupted else { return earlier }
    let ids = earlier.records == earlier.count ? "" : " (\(earlier.count) distinct ids)"
    Diagnostics.print("govtag: \(earlier.records) records of \(earlier.path)\(ids) can be reused if unchanged")
    if let skipped = earlier.skippedReasons(names: .commandLine) { Diagnostics.print("govtag: \(skipped)") }
    if let duplicate = earlier.firstDuplicate {
      let more = earlier.duplicates == 1 ? "" : " (and \(earlier.duplicates - 1) more records with an id seen before)"
      Diagnostics.print(
        "govtag: warning: \(duplicate.location): duplicate id \"\(duplicate.id)\" (first at line \(duplicate.first.line ?? 0))\(more); only the last record with an id can be reused"
      )
    }
    return earlier
  }
}

extension LabelledRecordWriter.EvidenceDetail: ExpressibleByArgument {}
extension LabelledRecordWriter.EvidenceLayout: ExpressibleByArgument {}
extension BatchConfiguration.OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

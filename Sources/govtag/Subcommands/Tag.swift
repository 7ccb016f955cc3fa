public import ArgumentParser
import Foundation
public import GovTagKit

/// `govtag tag`: label JSON Lines records.
struct Tag: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Label JSON Lines records ({\"id\", \"text\", \"title\"?, …}) and write them with labels and evidence.",
    discussion: """
      Each output line is the input record with its fields kept and labels, scores, review, \
      evidence and provenance added, in input order. A record that cannot be read is reported on \
      standard error with its file and line, and the others are still labelled; the exit status \
      is then 1.
      """
  )

  @Argument(help: "JSON Lines files to label; - reads standard input.")
  var inputs: [String] = []

  @Option(name: .shortAndLong, help: "Write labelled records here instead of standard output. The file appears only when the run is complete.")
  var output: String?

  @Option(help: "Also write each failed record as JSON ({source, line, reason, raw}) to this file.")
  var errors: String?

  @Option(name: .shortAndLong, help: "Worker threads (default: all cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Write an error record in place of each failed or blank input line, so output lines match input lines (on by default when writing to standard output from standard input).")
  var errorRecords = false

  @Option(help: "Which hits to list as evidence: standard (counted and excluded), all (also near misses), none.")
  var evidence: LabelledRecordWriter.EvidenceDetail = .standard

  @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors.")
  var quiet = false

  @OptionGroup var lexicons: LexiconOptions

  func validate() throws {
    if inputs.isEmpty { throw ValidationError("name at least one input file, or - for standard input") }
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func run() throws {
    let model = try lexicons.loadModel()
    var configuration = BatchConfiguration(jobs: jobs)
    configuration.evidenceDetail = evidence
    let streaming = inputs == ["-"] && (output == nil || output == "-")
    configuration.errorRecordsInPlace = errorRecords || streaming
    let runner = BatchRunner(model: model, configuration: configuration)
    let progress = ProgressLine(enabled: !quiet && Diagnostics.stderrIsTerminal)
    let summary = try Diagnostics.orExit { () throws -> RunSummary in
      let sink = try OutputStream.file(output ?? "-")
      let errorSink = try errors.map { try OutputStream.file($0) }
      let summary = try runner.run(inputs: inputs, output: sink, errors: errorSink) { event in
        switch event {
        case .recordFailed(let error):
          progress.clear()
          Diagnostics.error(error.description)
        case .inputFailed(let error):
          progress.clear()
          Diagnostics.error(error.description)
        case .progress(let summary):
          progress.update(summary)
        }
      }
      try sink.commit()
      try errorSink?.commit()
      return summary
    }
    progress.clear()
    if !quiet {
      let destination = output.map { " → \($0)" } ?? ""
      Diagnostics.print("govtag: \(summary.line)\(destination)")
    }
    if !summary.succeeded { throw Diagnostics.partialFailure }
  }
}

extension LabelledRecordWriter.EvidenceDetail: ExpressibleByArgument {}

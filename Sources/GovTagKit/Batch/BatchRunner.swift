import Foundation

/// Labels every record of a list of JSON Lines inputs on several cores and writes the results
/// in input order.
///
/// A record that cannot be labelled is reported and the run goes on; an input that cannot be
/// read is reported and the next one is read. Output is byte-identical for every job count.
public struct BatchRunner: Sendable {
  /// Something that happened during a run, for the command line to show.
  public enum Event: Sendable {
    /// A record could not be labelled.
    case recordFailed(RecordError)
    /// An input could not be read (missing, unreadable, empty).
    case inputFailed(GovTagError)
    /// Another chunk was written; the summary so far.
    case progress(RunSummary)
  }

  /// The compiled lexicons.
  public let model: ClassifierModel
  /// How to run.
  public let configuration: BatchConfiguration

  /// Creates a runner.
  public init(model: ClassifierModel, configuration: BatchConfiguration) {
    self.model = model
    self.configuration = configuration
  }

  /// One input line on its way to a worker.
  struct Line: Sendable {
    var number: Int
    var bytes: [UInt8]
    var isBlank: Bool
  }

  /// Consecutive lines of one input.
  struct Chunk: Sendable {
    var source: String
    var lines: [Line]
    var byteCount: Int
  }

  /// A worker's output for one chunk.
  struct ChunkResult: Sendable {
    var output: [UInt8] = []
    var errors: [RecordError] = []
    var labelled = 0
    var failed = 0
    var blank = 0
    var byteCount = 0
  }

  /// Runs the batch.
  ///
  /// - Parameters:
  ///   - inputs: paths of JSON Lines files; `-` is standard input.
  ///   - output: where labelled records go; committed by the caller.
  ///   - errors: where failed records go as JSON Lines (`{"source","line","reason","raw"}`), if anywhere.
  ///   - onEvent: called on the calling thread for every failure and after every chunk.
  /// - Returns: the counts.
  /// - Throws: `GovTagError` when output cannot be written or ICU fails to start.
  public func run(
    inputs: [String], output: OutputStream, errors: OutputStream? = nil, onEvent: (Event) -> Void = { _ in }
  ) throws -> RunSummary {
    let started = Date()
    var summary = RunSummary()
    let model = self.model
    let configuration = self.configuration
    let pipeline = OrderedParallelPipeline<Chunk, ChunkResult>(
      workers: configuration.jobs, window: configuration.jobs * configuration.chunksInFlightPerJob)
    try pipeline.run(
      makeWorker: {
        let tagger = try Tagger(model: model)
        let worker = ChunkLabeller(tagger: tagger, configuration: configuration)
        return { chunk in worker.label(chunk) }
      },
      produce: { emit in
        for path in inputs {
          let reader: LineReader
          do {
            reader = try LineReader(path: path)
          } catch let error as GovTagError {
            summary.inputErrors.append(error)
            onEvent(.inputFailed(error))
            continue
          }
          var chunk = Chunk(source: reader.name, lines: [], byteCount: 0)
          var records = 0
          while let bytes = try reader.nextLine() {
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if !blank { records += 1 }
            chunk.byteCount += bytes.count + 1
            chunk.lines.append(Line(number: reader.lineNumber, bytes: bytes, isBlank: blank))
            if chunk.lines.count >= configuration.chunkRecords || chunk.byteCount >= configuration.chunkBytes {
              try emit(chunk)
              chunk = Chunk(source: reader.name, lines: [], byteCount: 0)
            }
          }
          if !chunk.lines.isEmpty { try emit(chunk) }
          summary.inputsRead += 1
          if records == 0 {
            let error = GovTagError(
              .input, reader.lineNumber == 0 ? "the input is empty: no records" : "the input holds only blank lines: no records",
              at: SourceLocation(file: reader.name), hint: "give a JSON Lines file with one record per line")
            summary.inputErrors.append(error)
            onEvent(.inputFailed(error))
          }
        }
      },
      consume: { result in
        try output.write(result.output)
        for error in result.errors {
          onEvent(.recordFailed(error))
          if let errors {
            var json = JSONWriter()
            LabelledRecordWriter.writeErrorDetail(error, includeRaw: true, to: &json)
            json.newline()
            try errors.write(json.bytes)
          }
        }
        summary.labelled += result.labelled
        summary.failed += result.failed
        summary.blankLines += result.blank
        summary.recordsRead += result.labelled + result.failed
        summary.bytesRead += result.byteCount
        summary.seconds = Date().timeIntervalSince(started)
        onEvent(.progress(summary))
      })
    try output.flush()
    try errors?.flush()
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }
}

/// Labels the lines of a chunk on one worker thread.
struct ChunkLabeller {
  let tagger: Tagger
  let configuration: BatchConfiguration
  let writer: LabelledRecordWriter

  init(tagger: Tagger, configuration: BatchConfiguration) {
    self.tagger = tagger
    self.configuration = configuration
    self.writer = LabelledRecordWriter(
      lexiconVersion: tagger.model.rulesVersion, dimensions: tagger.model.lexicons.dimensions.map(\.id),
      evidenceDetail: configuration.evidenceDetail)
  }

  func label(_ chunk: BatchRunner.Chunk) -> BatchRunner.ChunkResult {
    var result = BatchRunner.ChunkResult()
    result.byteCount = chunk.byteCount
    var json = JSONWriter()
    for line in chunk.lines {
      let location = SourceLocation(file: chunk.source, line: line.number)
      if line.isBlank {
        result.blank += 1
        if configuration.errorRecordsInPlace {
          writer.writeError(RecordError(location: location, reason: "blank line: no record"), to: &json)
        }
        continue
      }
      let decoded = line.bytes.withUnsafeBufferPointer { configuration.decoder.decode($0, at: location) }
      switch decoded {
      case .failure(let error):
        fail(error, &result, &json)
      case .success(let document):
        do {
          let classification = try tagger.classify(title: document.title, text: document.text)
          writer.write(document, classification, to: &json)
          result.labelled += 1
        } catch {
          fail(
            RecordError(location: location, id: document.id, reason: "could not be labelled: \(error)", rawLine: ""),
            &result, &json)
        }
      }
    }
    result.output = json.bytes
    return result
  }

  private func fail(_ error: RecordError, _ result: inout BatchRunner.ChunkResult, _ json: inout JSONWriter) {
    result.failed += 1
    result.errors.append(error)
    if configuration.errorRecordsInPlace { writer.writeError(error, to: &json) }
  }
}

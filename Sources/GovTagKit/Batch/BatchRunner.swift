import Foundation

/// Labels every record of a list of inputs on several cores and writes the results in input
/// order; resumable after an interrupt.
///
/// A record that cannot be labelled is reported and the run goes on; an input that cannot be
/// read is reported and the next one is read. Output is byte-identical for every job count, and
/// for a run that was interrupted and resumed.
package struct BatchRunner: Sendable {
  /// Something that happened during a run, for the command line to show.
  package enum Event: Sendable {
    /// A record could not be labelled.
    case recordFailed(RecordError)
    /// An input could not be read (missing, unreadable, empty), or reading it broke off; the
    /// run goes on with the next input.
    case inputFailed(GovTagError)
    /// Records of an input carry fields named like GovTag's output fields, whose values GovTag's
    /// replace in the output (reported once per input, at the first such record).
    case fieldsReplaced(SourceLocation, [String])
    /// Another chunk was written; the summary so far.
    case progress(RunSummary)
  }

  /// Where a run writes.
  package struct Destination: Sendable {
    /// The output file, or `nil` for standard output.
    package var output: String?
    /// Where failed records go as JSON Lines (`{"source","line","reason","raw"}`), if anywhere.
    package var errors: String?

    /// Creates a destination.
    package init(output: String?, errors: String? = nil) {
      self.output = output
      self.errors = errors
    }
  }

  /// The compiled lexicons.
  package let model: ClassifierModel
  /// How to run.
  package let configuration: BatchConfiguration

  /// Creates a runner.
  package init(model: ClassifierModel, configuration: BatchConfiguration) {
    self.model = model
    self.configuration = configuration
  }

  /// Consecutive records of one input.
  struct Chunk: Sendable {
    var records: [RawRecord]
    var byteCount: Int
    /// The input and the count of its records handled once this chunk is written.
    var inputIndex: Int
    var recordsInInputAfter: Int
    /// The hash of the input's bytes consumed up to the end of this chunk, for the resume state.
    var consumedHash: StableHash?
  }

  /// A worker's output for one chunk.
  struct ChunkResult: Sendable {
    var output: [UInt8] = []
    var errors: [RecordError] = []
    var labelled = 0
    var reused = 0
    var failed = 0
    var blank = 0
    var byteCount = 0
    var records = 0
    /// Output lines written (records and error records in place).
    var lines = 0
    var inputIndex = 0
    var recordsInInputAfter = 0
    var consumedHash = ""
    /// The first record of the chunk whose fields GovTag's output replaces, and their names.
    var replacedFields: (SourceLocation, [String])?
    /// Every decoded record's id, with its hash (``DuplicateIDCheck/hash(_:)``) and place, in order.
    var ids: [(hash: UInt64, id: String, location: SourceLocation)] = []
  }

  /// Reading an input broke off (an I/O error): that input fails, the run goes on.
  struct InputReadFailure: Error {
    var error: GovTagError
  }

  /// Runs the batch.
  ///
  /// - Parameters:
  ///   - inputs: paths of files or directories; `-` is standard input.
  ///   - destination: where records and failures go. Files appear only when the run completes.
  ///   - resume: continue the interrupted run that wrote `destination.output`.
  ///   - previous: an earlier output whose unchanged records are copied instead of labelled.
  ///   - shouldStop: polled between records and while waiting for a worker (so a signal during
  ///     one long record is seen at once); when it returns true the run stops cleanly, leaving a
  ///     resumable state (only with an output file), even when every record had been read.
  ///   - onEvent: called on the calling thread for every failure and after every chunk.
  /// - Returns: the counts; `interrupted` is set when `shouldStop` ended the run.
  /// - Throws: `GovTagError` when output cannot be written, an output is an input or another
  ///   output, another run holds the output, the resume state does not fit, or ICU or a worker
  ///   thread fails to start.
  package func run(
    inputs: [String], destination: Destination, resume: Bool = false, previous: PreviousRun? = nil,
    shouldStop: @escaping () -> Bool = { false }, onEvent: (Event) -> Void = { _ in }
  ) throws -> RunSummary {
    let started = Date()
    let model = self.model
    // The term-only parts of evidence JSON, rendered once for every worker.
    let evidenceFragments = EvidenceJSONFragmentTable(model: model)
    let configuration = self.configuration
    let settings = configuration.outputSettings
    let names = configuration.settingNames
    try OutputFile.refuseOverlap(
      outputs: [(names[.output] ?? "the output", destination.output), (names[.errors] ?? "the errors file", destination.errors)],
      inputs: inputs)
    // What this run is, as its resume state records it (the position is filled in at each save).
    let band = model.configuration.reviewBand
    var current = ResumeState(
      rulesVersion: model.rulesVersion, lexiconRulesVersion: model.lexiconRulesVersion,
      reviewBand: "\(band.lowerBound),\(band.upperBound)",
      reviewDimensions: model.configuration.reviewDimensions.joined(separator: ","),
      govtagVersion: GovTagVersion.current, options: Dictionary(settings.map { ($0.key, $0.value) }) { $1 },
      errors: destination.errors, errorsRealPath: destination.errors.map { OutputFile.canonicalPath($0) },
      inputs: ResumeState.describe(inputs), inputIndex: 0, recordsInInput: 0, consumedHash: StableHash().hexDigest,
      outputBytes: 0, errorsBytes: 0, recordsWritten: 0, summary: RunSummary())

    // Open the outputs: fresh, or where the interrupted run's state says it stopped.
    var state: ResumeState?
    let output: OutputFile
    let errors: OutputFile?
    if resume {
      guard let path = destination.output else {
        let message =
          names[.resume].map { "\($0) needs an output file" + (names[.output].map { " (\($0))" } ?? "") }
          ?? "resuming needs an output file"
        throw GovTagError(.usage, message, hint: "standard output cannot be resumed")
      }
      let loaded = try ResumeState.load(for: path, names: names)
      if let refusal = loaded.refusal(toContinue: current, settings: settings, names: names) {
        throw Self.cannotResume(refusal, output: path, names: names)
      }
      state = loaded
      output = try OutputFile.resuming(path, at: loaded.outputBytes, names: names)
      errors = try destination.errors.map { try OutputFile.resuming($0, at: loaded.errorsBytes, names: names) }
    } else {
      output = try OutputFile.file(destination.output ?? "-")
      errors = try destination.errors.map { try OutputFile.file($0) }
      if let path = destination.output, !output.writesInPlace { ResumeState.remove(for: path) }
    }
    // A FIFO or a device is written in place: nothing to resume, so no state beside it.
    let checkpointing = destination.output != nil && !output.writesInPlace
    if checkpointing {
      // However this run ends before commit, its .partial files and state stay for --resume.
      output.keepUnfinished()
      errors?.keepUnfinished()
    }

    var summary = state?.summary ?? RunSummary()
    summary.interrupted = false
    summary.interruptedAt = nil
    summary.seconds = 0
    summary.resumedRecords = state.map { $0.summary.recordsRead } ?? 0
    summary.resumedBytes = state.map { $0.summary.bytesRead } ?? 0
    var recordsWritten = state?.recordsWritten ?? 0
    var position = (
      input: state?.inputIndex ?? 0, records: state?.recordsInInput ?? 0, hash: state?.consumedHash ?? current.consumedHash
    )
    var lastSave = Date()

    func save() throws {
      guard checkpointing, let path = destination.output else { return }
      try output.flush()
      try errors?.flush()
      var snapshot = summary
      snapshot.seconds = 0
      current.inputIndex = position.input
      current.recordsInInput = position.records
      current.consumedHash = position.hash
      current.outputBytes = output.bytesWritten
      current.errorsBytes = errors?.bytesWritten ?? 0
      current.recordsWritten = recordsWritten
      current.summary = snapshot
      try current.save(for: path)
    }

    if configuration.outputFormat == .json && recordsWritten == 0 && output.bytesWritten == 0 {
      try output.write(Array("[".utf8))
    }
    var stopped = false
    // The first record of each chunk handed to the workers and not yet written, so that an
    // interrupt can say what it cut short.
    var inFlight: [SourceLocation?] = []
    var inFlightHead = 0
    var inputsWarned: Set<Int> = []
    // Ids repeated across the run: one insert per record, in input order (so the same for any --jobs).
    var duplicateIDs = DuplicateIDCheck()
    let pipeline = OrderedParallelPipeline<Chunk, ChunkResult>(
      workers: configuration.jobs, window: configuration.jobs * configuration.chunksInFlightPerJob, names: names)
    do {
      try pipeline.run(
        isCancelled: shouldStop,
        makeWorker: {
          let tagger = try Tagger(model: model)
          let worker = ChunkLabeller(
            tagger: tagger, configuration: configuration, previous: previous, evidenceFragments: evidenceFragments)
          return { chunk in worker.label(chunk) }
        },
        produce: { emit in
          let firstInput = state?.inputIndex ?? 0
          for (index, path) in inputs.enumerated() where index >= firstInput {
            if stopped { break }
            let reader: any RecordReader
            do {
              // Hashing what is read lets a resumed run check that it skips the same bytes.
              reader = try Self.reader(for: path, configuration: configuration, hashingConsumedBytes: checkpointing)
            } catch let error as GovTagError {
              summary.inputErrors.append(error.description)
              onEvent(.inputFailed(error))
              continue
            }
            /// The next record; an I/O error fails this input only (thrown as `InputReadFailure`).
            func nextRecord() throws -> RawRecord? {
              do {
                return try reader.next()
              } catch let error as GovTagError where error.code != .interrupted {
                throw InputReadFailure(error: error)
              }
            }
            // On resume, skip what the interrupted run already handled in this input.
            var handled = 0
            let skip = index == firstInput ? (state?.recordsInInput ?? 0) : 0
            var records = skip > 0 ? 1 : 0
            var chunk = Chunk(records: [], byteCount: 0, inputIndex: index, recordsInInputAfter: handled)
            var readFailed = false
            do {
              // Skipping on resume may wait on a pipe too: a signal there stops the run as below.
              while handled < skip, !stopped {
                if shouldStop() {
                  stopped = true
                  break
                }
                do {
                  guard try nextRecord() != nil else { break }
                } catch let error as GovTagError where error.code == .interrupted {
                  stopped = true
                  summary.interruptedAt = "while reading \(error.location?.description ?? reader.name)"
                  break
                }
                handled += 1
              }
              // The records skipped must be the ones already written: the same bytes, as many.
              if skip > 0, !stopped, let state,
                let refusal = state.skipRefusal(
                  input: path, skipped: handled, hash: reader.consumedBytesHash()?.hexDigest,
                  isFolder: reader is TextDirectoryRecordReader)
              {
                throw Self.cannotResume(refusal, output: destination.output ?? "", names: names)
              }
              chunk.recordsInInputAfter = handled
              while !stopped {
                if shouldStop() {
                  stopped = true
                  break
                }
                let next: RawRecord?
                do {
                  next = try nextRecord()
                } catch let error as GovTagError where error.code == .interrupted {
                  // A signal while waiting for input (a pipe that sends nothing).
                  stopped = true
                  summary.interruptedAt = "while reading \(error.location?.description ?? reader.name)"
                  break
                }
                guard var record = next else { break }
                handled += 1
                // Taken after each record, not when the chunk is handed on: reaching the end
                // of the input consumes more (a JSON array's `]`), which a resumed run skipping
                // these records does not read.
                chunk.consumedHash = reader.consumedBytesHash()
                if let tooLarge = Self.oversizeError(record, limit: configuration.maxRecordBytes, names: names) {
                  record.payload = .failure(tooLarge)
                }
                if case .blank = record.payload {} else { records += 1 }
                chunk.records.append(record)
                chunk.byteCount += record.byteCount
                chunk.recordsInInputAfter = handled
                if chunk.records.count >= configuration.chunkRecords || chunk.byteCount >= configuration.chunkBytes {
                  inFlight.append(chunk.records.first?.location)
                  try emit(chunk)
                  chunk = Chunk(records: [], byteCount: 0, inputIndex: index, recordsInInputAfter: handled)
                }
              }
            } catch let failure as InputReadFailure {
              // What was read is labelled; the input is reported as failed; the next one is read.
              readFailed = true
              summary.inputErrors.append(failure.error.description)
              onEvent(.inputFailed(failure.error))
            }
            if !chunk.records.isEmpty {
              inFlight.append(chunk.records.first?.location)
              try emit(chunk)
            }
            if stopped { break }
            // The input is finished: the next position is the start of the next input.
            inFlight.append(nil)
            try emit(Chunk(records: [], byteCount: 0, inputIndex: index + 1, recordsInInputAfter: 0))
            if records == 0 && !readFailed {
              let error = GovTagError(
                .input, "the input holds no records", at: SourceLocation(file: reader.name),
                hint: "give a file with one record per line (JSON Lines), a JSON array, a CSV file or a folder of .txt files")
              summary.inputErrors.append(error.description)
              onEvent(.inputFailed(error))
            }
          }
        },
        consume: { result in
          inFlightHead += 1
          if inFlightHead >= 1024 {  // drop written chunks, so the list holds only the window
            inFlight.removeFirst(inFlightHead)
            inFlightHead = 0
          }
          if result.records == 0 && result.output.isEmpty {
            // An input's end marker.
            if result.inputIndex > position.input { summary.inputsRead += 1 }
          } else {
            try write(result, to: output, recordsWritten: &recordsWritten)
            if let (location, names) = result.replacedFields, !inputsWarned.contains(result.inputIndex) {
              inputsWarned.insert(result.inputIndex)
              onEvent(.fieldsReplaced(location, names))
            }
            for entry in result.ids {
              let name = inputs[result.inputIndex] == "-" ? "<stdin>" : inputs[result.inputIndex]
              if let duplicate = duplicateIDs.check(
                id: entry.id, hash: entry.hash, at: entry.location, input: result.inputIndex, inputName: name)
              {
                summary.duplicateIDs = summary.duplicateIDs ?? DuplicateIDTally()
                summary.duplicateIDs?.add(duplicate)
              }
            }
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
            summary.reused += result.reused
            summary.failed += result.failed
            summary.blankLines += result.blank
            summary.recordsRead += result.labelled + result.failed
            summary.bytesRead += result.byteCount
          }
          position = (result.inputIndex, result.recordsInInputAfter, result.consumedHash)
          // A streaming consumer (a Hadoop or Spark stage) sees each chunk as soon as it is done.
          if destination.output == nil { try output.flush() }
          summary.seconds = Date().timeIntervalSince(started)
          if Date().timeIntervalSince(lastSave) >= configuration.checkpointInterval {
            try save()
            lastSave = Date()
          }
          onEvent(.progress(summary))
        })
    } catch is PipelineCancelled {
      // Stopped while waiting for a worker: what it was labelling is left to --resume.
      stopped = true
      if summary.interruptedAt == nil, inFlightHead < inFlight.count, let location = inFlight[inFlightHead] {
        summary.interruptedAt = "while labelling \(location) and the records after it"
      }
    } catch var error as GovTagError
      where checkpointing && error.code == .io && [output.name, errors?.name].contains(error.location?.file)
      && FileManager.default.fileExists(atPath: ResumeState.path(for: output.name))
    {
      // A full disk, say: the unfinished output and its last state stay, and can be continued.
      let resume = names[.resume].map { "run the same command with \($0) to continue" } ?? "resume the run to continue"
      error.hint = [error.hint, "the unfinished output is kept: once the cause is fixed (space freed), \(resume)"].compactMap {
        $0
      }
      .joined(separator: "; ")
      throw error
    }
    summary.seconds = Date().timeIntervalSince(started)
    // A signal that arrives once everything was read still stops the run before the commit, so
    // an interrupted run always ends the same way: unfinished output, resumable, status 130/143.
    if !stopped && shouldStop() {
      stopped = true
      summary.interruptedAt = "after every record was read, before the output was finished"
    }
    if stopped {
      summary.interrupted = true
      if summary.interruptedAt == nil {
        let nothingRead = summary.recordsRead == 0 && summary.blankLines == 0 && summary.inputErrors.isEmpty
        summary.interruptedAt = nothingRead ? "before the first record was read" : "between two records"
      }
      try save()
      return summary
    }
    if summary.readNothing {
      // Nothing could be read (every input missing or empty): leave no finished-looking empty file.
      // Standard output, a FIFO or a device cannot be taken back: there, a JSON array that was
      // opened is closed, so a reader downstream still gets valid JSON.
      if output.writesInPlace, configuration.outputFormat == .json, output.bytesWritten > 0 {
        try output.write(Array("]\n".utf8))
        try output.flush()
      }
      output.discard()
      errors?.discard()
      if let path = destination.output, checkpointing { ResumeState.remove(for: path) }
      return summary
    }
    if configuration.outputFormat == .json { try output.write(Array((recordsWritten > 0 ? "\n]\n" : "]\n").utf8)) }
    try output.commit()
    try errors?.commit()
    if let path = destination.output { ResumeState.remove(for: path) }
    return summary

    /// Writes a chunk's records: as they are for JSON Lines, with array separators for JSON.
    func write(_ result: ChunkResult, to output: OutputFile, recordsWritten: inout Int) throws {
      guard configuration.outputFormat == .json else {
        try output.write(result.output)
        recordsWritten += result.lines
        return
      }
      // Records never contain a raw line break (JSON escapes it), so lines are records.
      for line in result.output.split(separator: 0x0A) {
        try output.write(Array((recordsWritten == 0 ? "\n" : ",\n").utf8))
        try output.write(line)
        recordsWritten += 1
      }
    }
  }

  /// The error that replaces a record longer than `limit` bytes, or `nil` when it fits.
  ///
  /// Labelling time and memory grow with a record's length; one pathological record (a whole
  /// file pasted into one line) must become an error record, not hold up or kill the run.
  ///
  /// - Parameters:
  ///   - record: the record as read.
  ///   - limit: the most bytes a record may have.
  ///   - names: how the hint names the caller's setting for the limit (``SettingNames/Setting/maxRecordBytes``).
  /// - Returns: the error, or `nil` when the record fits.
  static func oversizeError(_ record: RawRecord, limit: Int, names: SettingNames = SettingNames()) -> RecordError? {
    let size: Int
    var id: String?
    switch record.payload {
    case .json(let bytes): size = bytes.count
    case .document(let document):
      size = document.text.utf8.count + (document.title?.utf8.count ?? 0)
      id = document.id
    case .failure, .blank: return nil
    }
    guard size > limit else { return nil }
    return RecordError(
      location: record.location, id: id, reason: "the record is \(size) bytes, more than the limit of \(limit)",
      hint: "split its text, or raise " + (names[.maxRecordBytes] ?? "the record size limit"))
  }

  /// The refusal to resume as an error: what differs, what would let the run continue, or
  /// starting again.
  static func cannotResume(_ refusal: ResumeState.Refusal, output: String, names: SettingNames) -> GovTagError {
    GovTagError(
      .usage, "cannot resume: \(refusal.reason)", at: SourceLocation(file: output),
      hint: [refusal.fix, OutputFile.startAgain(names)].compactMap { $0 }.joined(separator: ", or "))
  }

  /// The reader for one input, by ``BatchConfiguration/inputFormat`` or by its extension;
  /// `hashingConsumedBytes` as the readers take it (``RecordReader/consumedBytesHash()``).
  static func reader(
    for path: String, configuration: BatchConfiguration, hashingConsumedBytes: Bool = false
  ) throws -> any RecordReader {
    let names = configuration.settingNames
    // `use --input-format txt` on the command line, `choose the txt input format` for a program.
    let useTxt = names[.inputFormat].map { "use \($0) txt" } ?? "choose the txt input format"
    var isDirectory: ObjCBool = false
    let exists = path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    guard exists else {
      throw GovTagError(
        .io, "cannot open the input: No such file or directory", at: SourceLocation(file: path), hint: "check the path")
    }
    if isDirectory.boolValue && configuration.inputFormat == nil, let named = InputFormat.detect(path, isDirectory: false) {
      // A folder called data.jsonl is more likely a mistake (an unpacked archive, a Spark output
      // folder) than a folder of .txt files: read it as one only when told to.
      throw GovTagError(
        .io, "the input is a folder, though its name ends like a .\(named.rawValue) file", at: SourceLocation(file: path),
        hint: "name the files inside it, or \(useTxt) to read it as a folder of .txt files")
    }
    let format = configuration.inputFormat ?? InputFormat.detect(path, isDirectory: isDirectory.boolValue) ?? .jsonl
    if isDirectory.boolValue && format != .txt {
      throw GovTagError(
        .io, "the input is a directory", at: SourceLocation(file: path),
        hint: "name the files inside it, or \(useTxt) for a folder of .txt files")
    }
    switch format {
    case .jsonl: return try JSONLinesRecordReader(path: path, hashingConsumedBytes: hashingConsumedBytes)
    case .json: return try JSONArrayRecordReader(path: path, names: names, hashingConsumedBytes: hashingConsumedBytes)
    case .csv:
      return try CSVRecordReader(
        path: path, columns: configuration.csvColumns, names: names, hashingConsumedBytes: hashingConsumedBytes)
    case .txt:
      guard isDirectory.boolValue else {
        let txt = names[.inputFormat].map { "\($0) txt" } ?? "the txt input format"
        throw GovTagError(.io, "\(txt) needs a folder of .txt files", at: SourceLocation(file: path))
      }
      return try TextDirectoryRecordReader(path: path, hashingConsumedBytes: hashingConsumedBytes)
    }
  }
}

/// Labels the records of a chunk on one worker thread.
struct ChunkLabeller {
  let tagger: Tagger
  let configuration: BatchConfiguration
  let writer: LabelledRecordWriter
  let previous: PreviousRun?

  init(tagger: Tagger, configuration: BatchConfiguration, previous: PreviousRun?, evidenceFragments: EvidenceJSONFragmentTable) {
    self.tagger = tagger
    self.configuration = configuration
    self.previous = previous
    self.writer = LabelledRecordWriter(
      model: tagger.model, evidenceDetail: configuration.evidenceDetail, evidenceLayout: configuration.evidenceLayout,
      fragments: evidenceFragments)
  }

  func label(_ chunk: BatchRunner.Chunk) -> BatchRunner.ChunkResult {
    var result = BatchRunner.ChunkResult()
    result.byteCount = chunk.byteCount
    result.records = chunk.records.count
    result.inputIndex = chunk.inputIndex
    result.recordsInInputAfter = chunk.recordsInInputAfter
    result.consumedHash = (chunk.consumedHash ?? StableHash()).hexDigest
    var json = JSONWriter()
    result.ids.reserveCapacity(chunk.records.count)
    for record in chunk.records {
      let document: Document
      switch record.payload {
      case .blank:
        result.blank += 1
        if configuration.errorRecordsInPlace {
          writer.writeError(RecordError(location: record.location, reason: "blank line: no record"), to: &json)
          result.lines += 1
        }
        continue
      case .failure(let error):
        fail(error, &result, &json)
        continue
      case .document(let given):
        document = given
      case .json(let bytes):
        switch bytes.withUnsafeBufferPointer({ configuration.decoder.decode($0, at: record.location) }) {
        case .failure(let error):
          fail(error, &result, &json)
          continue
        case .success(let decoded):
          document = decoded
        }
      }
      result.ids.append((DuplicateIDCheck.hash(document.id), document.id, record.location))
      if result.replacedFields == nil {
        let replaced = document.fields.keys.filter { LabelledRecordWriter.ownFields.contains($0) }
        if !replaced.isEmpty { result.replacedFields = (record.location, replaced.sorted()) }
      }
      if let previous, let old = previous.reusableRecord(for: document) {
        json.append(raw: old)
        json.newline()
        result.lines += 1
        result.labelled += 1
        result.reused += 1
        continue
      }
      do {
        let classification = try tagger.classify(
          title: document.title, text: document.text, nearMisses: configuration.evidenceDetail == .all)
        writer.write(document, classification, to: &json)
        result.lines += 1
        result.labelled += 1
      } catch {
        fail(RecordError(location: record.location, id: document.id, reason: "could not be labelled: \(error)"), &result, &json)
      }
    }
    result.output = json.bytes
    return result
  }

  private func fail(_ error: RecordError, _ result: inout BatchRunner.ChunkResult, _ json: inout JSONWriter) {
    result.failed += 1
    result.errors.append(error)
    if configuration.errorRecordsInPlace {
      writer.writeError(error, to: &json)
      result.lines += 1
    }
  }
}

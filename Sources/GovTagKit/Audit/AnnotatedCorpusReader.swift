/// Reads annotated inputs (JSON Lines or JSON arrays: ``JSONInputReader``), checks each record's
/// reference labels, runs a per-record job on several cores (each worker with its own
/// ``Tagger``), and hands the results back in input order, so every report is the same for any
/// number of cores.
///
/// The shared engine of `govtag eval`, `audit` and `lexicon suggest`. Decoding, label parsing
/// and the job (classification, segmentation) run on the workers; only the ordered consumer
/// touches the caller's state.
struct AnnotatedCorpusReader: Sendable {
  /// The compiled lexicons, from which each worker makes its tagger.
  var model: ClassifierModel
  /// The field that holds the reference labels.
  var field: ReferenceLabels.Field
  /// Worker threads.
  var jobs: Int
  /// Records per unit of work.
  var chunkRecords = 16
  /// How records are read.
  var decoder = DocumentDecoder()

  /// One line's outcome on its way back from a worker.
  enum Item<Output: Sendable>: Sendable {
    case record(AnnotatedRecord, Output)
    case failure(RecordError, reference: Reference)
    case blank
    case inputFailed(GovTagError)
  }

  /// Whether a failed record had the reference field.
  enum Reference: Sendable {
    /// Not known: the line was not a record.
    case unknown
    /// It had the field (its labels were wrong).
    case present
    /// It lacked the field; these other fields look like labels.
    case missing(labelFields: [String])
  }

  struct Chunk: Sendable {
    var source: String
    var lines: [JSONInputReader.Item]
    /// An input that could not be read, sent through the pipeline so that it is reported in
    /// input order, after the records of the inputs before it.
    var inputError: GovTagError? = nil
  }

  /// Reads every input and runs `job` on every good record.
  ///
  /// - Parameters:
  ///   - inputs: JSON Lines or JSON array paths; `-` is standard input.
  ///   - job: runs on a worker thread with that worker's tagger; a thrown error skips the record
  ///     (reported as "could not be labelled").
  ///   - consume: called on the calling thread with each good record and its job's output, in input
  ///     order; a record whose id an earlier record had is not consumed but reported (``CorpusProblem/duplicateID(_:)``).
  ///   - onProblem: called on the calling thread for every skipped record, duplicate id and unreadable input, in order.
  /// - Returns: the counts.
  /// - Throws: `GovTagError` when reading fails midway or ICU cannot start, or what `consume`
  ///   throws; a `GovTagError` with code `.input` when no record has the reference field but some
  ///   lack it (one error naming the fields of labels they do have, instead of one per record).
  func run<Output: Sendable>(
    inputs: [String],
    job: @escaping @Sendable (Tagger, AnnotatedRecord) throws -> Output,
    consume: (AnnotatedRecord, Output) throws -> Void,
    onProblem: (CorpusProblem) -> Void
  ) throws -> ReadSummary {
    var summary = ReadSummary()
    var check = LabelFieldCheck<CorpusProblem>(field: field.name, option: field.option)
    // The first record with an id is used, a later one reported and left out (as govtag diff does).
    var duplicates = DuplicateIDCheck()
    var inputNumbers: [String: Int] = [:]
    var lastInput = (name: "", number: 0)
    let model = self.model
    let field = self.field
    let decoder = self.decoder
    let gazetteer = model.gazetteer
    let pipeline = OrderedParallelPipeline<Chunk, [Item<Output>]>(workers: jobs, window: jobs * 4)
    try pipeline.run(
      makeWorker: {
        let tagger = try Tagger(model: model)
        return { chunk in
          if let error = chunk.inputError { return [.inputFailed(error)] }
          return chunk.lines.map { item in
            switch item {
            case .blank: return .blank
            case .failure(let error): return .failure(error, reference: .unknown)
            case .record(let bytes, let location):
              return Self.process(bytes, at: location, decoder: decoder, field: field, gazetteer: gazetteer) {
                try job(tagger, $0)
              }
            }
          }
        }
      },
      produce: { emit in
        for path in inputs {
          let reader: JSONInputReader
          do {
            reader = try JSONInputReader(path: path)
          } catch let error as GovTagError {
            try emit(Chunk(source: path, lines: [], inputError: error))
            continue
          }
          var chunk = Chunk(source: reader.name, lines: [])
          var records = 0
          while let item = try reader.next() {
            if case .blank = item {} else { records += 1 }
            chunk.lines.append(item)
            if chunk.lines.count >= chunkRecords {
              try emit(chunk)
              chunk = Chunk(source: reader.name, lines: [])
            }
          }
          if !chunk.lines.isEmpty { try emit(chunk) }
          if records > 0 { summary.inputsRead += 1 }
          if records == 0 {
            let error = GovTagError(
              .input, reader.noRecordsReason, at: SourceLocation(file: reader.name),
              hint: "give records with labels, as JSON Lines (one record per line) or one JSON array")
            try emit(Chunk(source: reader.name, lines: [], inputError: error))
          }
        }
      },
      consume: { items in
        for item in items {
          switch item {
          case .blank:
            summary.blankLines += 1
          case .inputFailed(let error):
            summary.inputErrors.append(error)
            check.problem(.input(error), missingField: false).forEach(onProblem)
          case .failure(let error, let reference):
            summary.recordsRead += 1
            summary.failed += 1
            switch reference {
            case .unknown:
              check.problem(.record(error), missingField: false).forEach(onProblem)
            case .present:
              check.fieldFound().forEach(onProblem)
              onProblem(.record(error))
            case .missing(let labelFields):
              summary.withoutReference += 1
              check.problem(.record(error), missingField: true, at: error.location, labelFields: labelFields).forEach(onProblem)
            }
          case .record(let record, let output):
            summary.recordsRead += 1
            check.fieldFound().forEach(onProblem)
            let id = record.document.id
            let file = record.location.file
            if file != lastInput.name {
              let number = inputNumbers[file] ?? inputNumbers.count
              inputNumbers[file] = number
              lastInput = (file, number)
            }
            if let duplicate = duplicates.check(
              id: id, hash: DuplicateIDCheck.hash(id), at: record.location, input: lastInput.number, inputName: file)
            {
              summary.duplicateIDs += 1
              onProblem(.duplicateID(duplicate))
              continue
            }
            if !record.labels.repeated.isEmpty {
              let names = record.labels.repeated.map { "\"\($0)\"" }.joined(separator: ", ")
              onProblem(
                .recordWarning(
                  RecordError(
                    location: record.location, id: id,
                    reason: "\"\(field.name)\" lists \(names) more than once; counted once",
                    hint: "list each category once, or check whether another category was meant")))
            }
            summary.used += 1
            try consume(record, output)
          }
        }
      })
    let (held, error) = check.finish()
    held.forEach(onProblem)
    if let error { throw error }
    return summary
  }

  /// Whether a line holds only spaces, tabs and a carriage return.
  static func isBlank(_ bytes: [UInt8]) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  /// One line through decoding and the job.
  static func process<Output: Sendable>(
    _ bytes: [UInt8], at location: SourceLocation, decoder: DocumentDecoder, field: ReferenceLabels.Field,
    gazetteer: Gazetteer? = nil, job: (AnnotatedRecord) throws -> Output
  ) -> Item<Output> {
    if isBlank(bytes) { return .blank }
    switch decode(bytes, at: location, decoder: decoder, field: field, gazetteer: gazetteer) {
    case .failure(let failure):
      return .failure(failure.error, reference: failure.reference)
    case .success(let record):
      do {
        return .record(record, try job(record))
      } catch {
        return .failure(
          RecordError(location: location, id: record.document.id, reason: "could not be labelled: \(error)"), reference: .present)
      }
    }
  }

  /// Why a line did not yield a record.
  struct Decoded: Error {
    var error: RecordError
    var reference: Reference
  }

  /// Decodes a line into a document with reference labels, or says why it cannot.
  static func decode(
    _ bytes: [UInt8], at location: SourceLocation, decoder: DocumentDecoder, field: ReferenceLabels.Field,
    gazetteer: Gazetteer? = nil
  ) -> Result<AnnotatedRecord, Decoded> {
    let decoded = bytes.withUnsafeBufferPointer { decoder.decode($0, at: location) }
    let document: Document
    switch decoded {
    case .failure(let error): return .failure(Decoded(error: error, reference: .unknown))
    case .success(let value): document = value
    }
    if document.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
      return .failure(
        Decoded(
          error: RecordError(
            location: location, id: document.id, reason: "the \"\(decoder.textField)\" field is empty: there is nothing to label",
            hint: "give the narrative, or leave the record out"),
          reference: document.fields[field.name] == nil ? .unknown : .present))
    }
    switch ReferenceLabels.parse(field, in: document.fields, gazetteer: gazetteer) {
    case .failure(let problem):
      return .failure(
        Decoded(
          error: RecordError(location: location, id: document.id, reason: problem.reason, hint: problem.hint),
          reference: document.fields[field.name] == nil
            ? .missing(labelFields: LabelFieldCheck<CorpusProblem>.labelFields(in: document.fields, excluding: ["labels"]))
            : .present))
    case .success(let labels):
      return .success(AnnotatedRecord(document: document, labels: labels, location: location))
    }
  }
}

/// GovTag for programs: load the lexicons once, then tag or explain case records.
///
/// This is the one type a program needs. It loads a lexicon directory (with its gazetteer,
/// scope cues and, when present, `calibration.yaml`) into an immutable model, and answers
/// ``tag(title:text:id:)`` and ``explain(title:text:id:)`` for one record, and `tag(_:)` and
/// `explain(_:)` for one ``Document`` or a sequence of them. Every answer is an `Encodable` value with typed dimension and category ids,
/// the same labels, scores and evidence that `govtag tag` writes for the record.
///
///     import GovTagKit
///
///     let govtag = try GovTag(lexicons: "Lexicons")
///     let record = try govtag.tag(title: "“一网通办”改革", text: "推进政务服务“一网通办”……")
///     print(record.labels["capability"] ?? [])
///
/// `GovTag` is `Sendable`: share one value between tasks. Each call opens its own ICU word
/// iterator (ICU iterators are not thread-safe), which costs a few microseconds; tag a
/// sequence in one call to pay it once.
public struct GovTag: Sendable {
  /// The compiled lexicons, gazetteer, scope cues and calibration.
  package let model: ClassifierModel
  /// Where the lexicons were loaded from, and by which rule.
  public let lexiconDirectory: LexiconDirectory
  /// The evidence JSON of every term, rendered once for ``labelledRecords(_:evidence:)``.
  let evidenceFragments: EvidenceJSONFragmentTable

  /// Loads the lexicons of a directory.
  ///
  /// The directory is chosen as `govtag` chooses it: `lexicons` when given, else the
  /// `GOVTAG_LEXICONS` environment variable, else `../share/govtag/Lexicons` beside the
  /// executable, else `./Lexicons`.
  ///
  /// - Parameters:
  ///   - lexicons: the folder that holds the lexicon `.yaml` files, or `nil` to look it up.
  ///   - calibrated: whether to read `calibration.yaml` (confidences and per-category label
  ///     rules); `false` labels by the thresholds alone.
  ///   - warn: called with each problem that loads but switches a rule off or weakens the
  ///     answers: a missing `scope.yaml` or `gazetteer.yaml`, and a `calibration.yaml` fitted
  ///     against other lexicons (until it is remade, its confidences, the labels of categories
  ///     labelled by confidence and the review flags come from curves fitted to other lexicons;
  ///     the same warning every `govtag` command that loads lexicons prints, and
  ///     ``LexiconSummary/calibrationStale`` says so).
  /// - Throws: `GovTagErrors` listing every problem in the files, or `GovTagError` when the
  ///   directory cannot be read; each names the directory, the file and line, and what to do,
  ///   without command-line flags when `lexicons` was given.
  public init(lexicons: String? = nil, calibrated: Bool = true, warn: (GovTagError) -> Void = { _ in }) throws {
    // A folder the program passed is named as such in messages, without govtag's flags.
    let directory = lexicons.map { LexiconDirectory(path: $0, rule: .argument) } ?? LexiconDirectory.resolve(option: nil)
    self.lexiconDirectory = directory
    self.model = try directory.loadModel(calibrated: calibrated, warn: warn)
    self.evidenceFragments = EvidenceJSONFragmentTable(model: model)
  }

  /// Wraps lexicons already loaded (by `govtag`, which loads them with its own review settings
  /// and warnings), so that its commands answer as the front door does.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons.
  ///   - lexiconDirectory: where they were loaded from.
  package init(model: ClassifierModel, lexiconDirectory: LexiconDirectory) {
    self.lexiconDirectory = lexiconDirectory
    self.model = model
    self.evidenceFragments = EvidenceJSONFragmentTable(model: model)
  }

  /// The dimensions of the loaded lexicons, in output order.
  public var dimensions: [DimensionID] { model.lexicons.dimensions.map { DimensionID($0.id) } }

  /// The version of the lexicons (and rules), as labelled records name it in `lexicon_version`.
  public var lexiconVersion: String { model.rulesVersion }

  // MARK: - Tagging

  /// Tags one record given as a title and a text.
  ///
  /// - Parameters:
  ///   - title: the record's title, if it has one; its hits weigh more, as in `govtag tag`.
  ///   - text: the narrative.
  ///   - id: the record's id, repeated in the answer.
  /// - Returns: labels, scores, confidences, location, review flags and evidence.
  /// - Throws: `GovTagError` when ICU fails.
  public func tag(title: String? = nil, text: String, id: String? = nil) throws -> TaggedRecord {
    try TaggedRecord(id: id, classification: Tagger(model: model).classify(title: title, text: text, nearMisses: false))
  }

  /// Tags one record: its `title` and `text` fields (the title is kept, unlike a hand-built
  /// record written by the batch writer, which reads `fields`).
  ///
  /// - Parameter record: the record.
  /// - Returns: labels, scores, confidences, location, review flags and evidence.
  /// - Throws: `GovTagError` when ICU fails.
  public func tag(_ record: Document) throws -> TaggedRecord {
    try tag(title: record.title, text: record.text, id: record.id)
  }

  /// Tags a sequence of records with one word iterator, in order.
  ///
  /// - Parameter records: the records.
  /// - Returns: one answer per record, in the same order.
  /// - Throws: `GovTagError` when ICU fails.
  public func tag(_ records: some Sequence<Document>) throws -> [TaggedRecord] {
    let tagger = try Tagger(model: model)
    return try records.map {
      try TaggedRecord(id: $0.id, classification: tagger.classify(title: $0.title, text: $0.text, nearMisses: false))
    }
  }

  // MARK: - Explaining

  /// Explains how one record was tagged: every hit, including those that did not count and
  /// why, and the report `govtag explain` prints.
  ///
  /// - Parameters:
  ///   - title: the record's title, if it has one.
  ///   - text: the narrative.
  ///   - id: the record's id, repeated in the answer.
  /// - Returns: the tagged record with all its hits, and the explanation as text.
  /// - Throws: `GovTagError` when ICU fails.
  public func explain(title: String? = nil, text: String, id: String? = nil) throws -> Explanation {
    let classification = try Tagger(model: model).classify(title: title, text: text, nearMisses: true)
    return Explanation(
      record: TaggedRecord(id: id, classification: classification, allEvidence: true),
      report: ExplainRenderer(model: model).render(title: title, text: text, classification: classification),
      calibrationStale: model.calibrationIsStale)
  }

  /// Explains how one record was tagged; see ``explain(title:text:id:)``.
  ///
  /// - Parameter record: the record.
  /// - Returns: the tagged record with all its hits, and the explanation as text.
  /// - Throws: `GovTagError` when ICU fails.
  public func explain(_ record: Document) throws -> Explanation {
    try explain(title: record.title, text: record.text, id: record.id)
  }

  /// Explains a sequence of records, in order; see ``explain(title:text:id:)``.
  ///
  /// - Parameter records: the records.
  /// - Returns: one explanation per record, in the same order.
  /// - Throws: `GovTagError` when ICU fails.
  public func explain(_ records: some Sequence<Document>) throws -> [Explanation] {
    let tagger = try Tagger(model: model)
    let renderer = ExplainRenderer(model: model)
    return try records.map { record in
      let classification = try tagger.classify(title: record.title, text: record.text, nearMisses: true)
      return Explanation(
        record: TaggedRecord(id: record.id, classification: classification, allEvidence: true),
        report: renderer.render(title: record.title, text: record.text, classification: classification),
        calibrationStale: model.calibrationIsStale)
    }
  }
}

/// Runs `govtag audit --compare A B`: reads both annotators' files, matches records by id,
/// labels the matched records with GovTag, and measures agreement.
package struct AnnotatorComparer: Sendable {
  /// The compiled lexicons.
  package var model: ClassifierModel
  /// The field holding the labels in both files.
  package var field: ReferenceLabels.Field
  /// Worker threads.
  package var jobs: Int

  /// Creates a comparer.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons.
  ///   - field: the field holding the labels (by default `manual`, changed with `--field`).
  ///   - jobs: worker threads, at least 1.
  package init(model: ClassifierModel, field: ReferenceLabels.Field = .init(name: "manual"), jobs: Int) {
    self.model = model
    self.field = field
    self.jobs = max(1, jobs)
  }

  /// Compares the labels of `a` and `b`.
  ///
  /// A record whose id appears in one file only is reported through `onProblem` and left out; a
  /// second record with an id already seen in the same file is reported as a warning and left out
  /// by the reader (``CorpusProblem/duplicateID(_:)``), as in `eval` and `audit`. When one file
  /// gave no usable record, the other's records are still listed as unmatched in the result but
  /// not reported one by one (the empty file's own problem says it all). A record whose text
  /// differs from the other file's record of the same id is compared all the same, with a
  /// ``CorpusProblem/recordWarning(_:)``.
  ///
  /// - Parameters:
  ///   - a: annotator A's JSON Lines file.
  ///   - b: annotator B's JSON Lines file.
  ///   - onProblem: called for every skipped or unmatched record and unreadable input.
  /// - Returns: the comparison.
  /// - Throws: `GovTagError` when an input fails midway or ICU cannot start.
  package func compare(_ a: String, _ b: String, onProblem: (CorpusProblem) -> Void = { _ in }) throws -> AnnotatorComparison {
    let space = LabelSpace(model: model)
    var comparison = AnnotatorComparison(
      fileA: a, fileB: b, field: field.name, space: space, lexiconVersion: model.rulesVersion)
    let reader = AnnotatedCorpusReader(model: model, field: field, jobs: jobs)

    // B first, labels only.
    var labelsB: [String: (labels: ReferenceLabels, location: SourceLocation, text: String)] = [:]
    var orderB: [String] = []
    comparison.summaryB = try reader.run(
      inputs: [b], job: { _, _ in () },
      consume: { record, _ in
        labelsB[record.document.id] = (record.labels, record.location, record.document.textHash)
        orderB.append(record.document.id)
      },
      onProblem: onProblem)
    // When one file gave no usable record (empty, unreadable, every record invalid), every record
    // of the other would be "only in" it: its own errors say it all.
    let usableB = comparison.summaryB.used > 0

    // Then A, labelled by GovTag.
    var seenA: [String: SourceLocation] = [:]
    comparison.summaryA = try reader.run(
      inputs: [a],
      job: { tagger, record in try tagger.classify(title: record.document.title, text: record.document.text) },
      consume: { record, classification in
        let id = record.document.id
        seenA[id] = record.location
        guard let other = labelsB[id] else {
          comparison.onlyInA.append(.init(id: id, location: record.location))
          if usableB { onProblem(.record(Self.unmatched(id, at: record.location, missingFrom: b))) }
          return
        }
        if record.document.textHash != other.text {
          onProblem(
            .recordWarning(
              RecordError(
                location: record.location, id: id,
                reason:
                  "the title or text differs from that of B's record with this id (\(other.location)); the labels are compared all the same, and GovTag labels A's text",
                hint: "give both annotators the same texts")))
        }
        comparison.add(
          id: id, a: record.labels, at: record.location, b: other.labels, at: other.location, classification: classification)
      },
      onProblem: onProblem)

    for id in orderB where seenA[id] == nil {
      guard let location = labelsB[id]?.location else { continue }
      comparison.onlyInB.append(.init(id: id, location: location))
      if comparison.summaryA.used > 0 { onProblem(.record(Self.unmatched(id, at: location, missingFrom: a))) }
    }
    return comparison
  }

  static func unmatched(_ id: String, at location: SourceLocation, missingFrom other: String) -> RecordError {
    RecordError(
      location: location, id: id, reason: "no record with this id in \(other); only records in both files are compared")
  }
}

extension GovTag {
  /// The labelled records `govtag tag` writes for these records: the same JSON bytes, one
  /// object per record (without the line break), in order.
  ///
  /// Use it where the output must match the batch runner's byte for byte (a service that
  /// answers with labelled records); use ``tag(_:)-(Document)`` for typed values.
  ///
  /// - Parameters:
  ///   - records: the records, as ``DocumentDecoder`` reads them.
  ///   - evidence: which hits go into `evidence`, as `govtag tag --evidence`.
  ///   - layout: how they are laid out, as `govtag tag --evidence-layout`.
  ///   - check: called after each record with its JSON and the number of records labelled so
  ///     far; what it throws stops the labelling (a service's limit on the answer's size), so
  ///     that one tagger serves the whole request.
  /// - Returns: one JSON object per record.
  /// - Throws: `GovTagError` when ICU fails, or what `check` throws.
  package func labelledRecords(
    _ records: some Sequence<Document>, evidence: LabelledRecordWriter.EvidenceDetail = .standard,
    layout: LabelledRecordWriter.EvidenceLayout = .compact,
    check: (_ record: [UInt8], _ count: Int) throws -> Void = { _, _ in }
  ) throws -> [[UInt8]] {
    let tagger = try Tagger(model: model)
    let writer = LabelledRecordWriter(
      model: model, evidenceDetail: evidence, evidenceLayout: layout, fragments: evidenceFragments)
    var answers: [[UInt8]] = []
    for record in records {
      let classification = try tagger.classify(title: record.title, text: record.text, nearMisses: evidence == .all)
      var json = JSONWriter()
      writer.write(record, classification, to: &json)
      var bytes = json.bytes
      if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
      answers.append(bytes)
      try check(bytes, answers.count)
    }
    return answers
  }
}

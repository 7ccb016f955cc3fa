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
  /// - Returns: one JSON object per record.
  /// - Throws: `GovTagError` when ICU fails.
  package func labelledRecords(
    _ records: some Sequence<Document>, evidence: LabelledRecordWriter.EvidenceDetail = .standard,
    layout: LabelledRecordWriter.EvidenceLayout = .compact
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
    }
    return answers
  }
}

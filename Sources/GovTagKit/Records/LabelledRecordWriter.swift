/// Writes labelled records and error records as JSON Lines.
///
/// A labelled record keeps every input field and adds GovTag's. Field order is fixed so that
/// records read well and diff cleanly: `id`, `title`, the other input fields by name, `text`,
/// then `labels`, `scores`, `implied` (when a category was implied), `confidence` (calibrated
/// lexicons only), `location`, `review`,
/// `evidence` and the provenance fields
/// (`text_hash`, `lexicon_version`, `govtag_version`, `icu_version`).
package struct LabelledRecordWriter: Sendable {
  /// Which hits go into `evidence`.
  package enum EvidenceDetail: String, Sendable, CaseIterable {
    /// Hits that counted and hits suppressed by an exclusion (the default).
    case standard
    /// Every hit, including those that cross a word boundary or sit inside a longer term.
    case all
    /// No evidence at all (smallest output).
    case none
  }

  /// How `evidence` is laid out.
  package enum EvidenceLayout: String, Sendable, CaseIterable {
    /// Hits grouped by dimension, category and term, each hit a short list:
    /// `{"capability": {"public_service": {"一网通办": [["text", 3, 7, 1]]}}}`. A hit that did not
    /// count in full adds its status and why: `["text", 40, 44, 0, "planned", "only planned (…)"]`.
    /// The default: about a third of the full layout's size, and nothing is lost that the text
    /// and the offsets do not give back (`match`, `context`).
    case compact
    /// One object per hit with every field: `dimension`, `category`, `term`, `field`, `start`,
    /// `end`, `match`, `context`, `weight`, `contribution`, `status`, `why`, `lexicon` (the layout
    /// of GovTag 0.1).
    case full
  }

  /// Fields GovTag writes; input fields of these names are replaced, so that re-tagging an
  /// output file does not nest old labels in new ones.
  package static let ownFields: Set<String> = [
    "labels", "scores", "implied", "confidence", "location", "review", "evidence", "text_hash", "lexicon_version",
    "govtag_version",
    "icu_version", "error",
  ]

  /// The lexicon (rules) version to stamp on each record.
  package var lexiconVersion: String
  /// Which hits to list.
  package var evidenceDetail: EvidenceDetail
  /// How to lay them out.
  package var evidenceLayout: EvidenceLayout
  /// The dimensions, in order, so that every one appears in `labels` even when empty.
  package var dimensions: [String]
  /// The model's evidence fragments rendered once per run (`nil`: rendered per hit).
  var evidenceFragments: EvidenceJSONFragmentTable?

  /// Creates a writer.
  package init(
    lexiconVersion: String, dimensions: [String], evidenceDetail: EvidenceDetail = .standard,
    evidenceLayout: EvidenceLayout = .compact
  ) {
    self.lexiconVersion = lexiconVersion
    self.dimensions = dimensions
    self.evidenceDetail = evidenceDetail
    self.evidenceLayout = evidenceLayout
  }

  /// Creates the writer of a model's records, as the batch runner and the front door use it.
  ///
  /// - Parameters:
  ///   - model: the model whose records it writes (its version and dimensions).
  ///   - evidenceDetail: which hits to list.
  ///   - evidenceLayout: how to lay them out.
  ///   - fragments: the model's evidence JSON, rendered once per run.
  init(
    model: ClassifierModel, evidenceDetail: EvidenceDetail, evidenceLayout: EvidenceLayout,
    fragments: EvidenceJSONFragmentTable
  ) {
    self.init(
      lexiconVersion: model.rulesVersion, dimensions: model.lexicons.dimensions.map(\.id), evidenceDetail: evidenceDetail,
      evidenceLayout: evidenceLayout)
    self.evidenceFragments = fragments
  }

  /// Appends one labelled record and a newline.
  package func write(_ document: Document, _ classification: Classification, to json: inout JSONWriter) {
    json.beginObject()
    json.key("id")
    json.value(document.fields["id"] ?? .string(document.id))
    if let title = document.fields["title"] {
      json.key("title")
      json.value(title)
    }
    for name in document.fields.keys.sorted()
    where name != "id" && name != "title" && name != "text" && !Self.ownFields.contains(name) {
      json.key(name)
      json.value(document.fields[name] ?? .null)
    }
    json.field("text", string: document.text)

    json.key("labels")
    json.beginObject()
    for result in classification.dimensions {
      json.field(result.dimension, strings: result.labels)
    }
    json.endObject()

    json.key("scores")
    json.beginObject()
    for result in classification.dimensions {
      json.key(result.dimension)
      json.beginObject()
      for score in result.scores where score.score > 0 {
        json.field(score.category, number: score.score)
      }
      json.endObject()
    }
    json.endObject()

    writeImplications(classification, to: &json)
    if classification.dimensions.contains(where: { $0.scores.contains { $0.confidence != nil } }) {
      // Per dimension, in the taxonomy's order, the categories that scored or nearly did, in
      // the lexicon's order, at three decimals: the same bytes for every --jobs.
      json.key("confidence")
      json.beginObject()
      for result in classification.dimensions {
        json.key(result.dimension)
        json.beginObject()
        for score in result.scores where score.reportsConfidence {
          json.field(score.category, number: ((score.confidence ?? 0) * 1000).rounded() / 1000)
        }
        json.endObject()
      }
      json.endObject()
    }

    json.key("location")
    writeLocation(classification.location, to: &json)

    json.key("review")
    writeReview(classification.review, to: &json)

    switch (evidenceDetail, evidenceLayout) {
    case (.none, _): break
    case (_, .compact): writeCompactEvidence(classification.evidence, to: &json)
    case (_, .full): writeFullEvidence(document, classification.evidence, to: &json)
    }
    writeProvenance(textHash: document.textHash, to: &json)
    json.endObject()
    json.newline()
  }

  /// Appends `"evidence": {dimension: {category: {term: [hit, …]}}}`: dimensions, categories
  /// and terms in the lexicons' order (the order of the model's flat term list), each term's
  /// hits in the order of the text.
  private func writeCompactEvidence(_ evidence: [Evidence], to json: inout JSONWriter) {
    json.key("evidence")
    json.beginObject()
    // A record has a hundred hits or so: sorting one integer per hit, its term index above its
    // position, groups them by term with each term's hits in the text's order, without a
    // dictionary and without copying a hit (and retaining its strings) per comparison.
    // The hits are read in place through the buffer: `let hit = evidence[i]` copied each one,
    // retaining its text, its term and its status's strings.
    evidence.withUnsafeBufferPointer { evidence in
      var order: [UInt64] = []
      order.reserveCapacity(evidence.count)
      for index in evidence.indices where include(evidence[index].status) {
        order.append(UInt64(evidence[index].lexiconTerm.termIndex) << 32 | UInt64(index))
      }
      order.sort()
      var dimension: String?
      var category: String?
      var term: LexiconTermIdentity?
      for key in order {
        let index = Int(truncatingIfNeeded: key & 0xFFFF_FFFF)
        let identity = evidence[index].lexiconTerm
        if identity !== term {
          if term != nil { json.appendRaw("]") }
          if identity.dimension != dimension {
            if category != nil { json.endObject() }
            if dimension != nil { json.endObject() }
            json.key(identity.dimension)
            json.beginObject()
            dimension = identity.dimension
            category = nil
          }
          if identity.category != category {
            if category != nil { json.endObject() }
            json.key(identity.category)
            json.beginObject()
            category = identity.category
          }
          json.beginRawValue()
          if let fragments = evidenceFragments?[identity] {
            json.appendRaw(fragments.termKeyAndListStart)
          } else {
            var text = identity.text
            text.withUTF8 { json.appendQuoted($0) }
            json.appendRaw(":[")
          }
          term = identity
        } else {
          json.appendRaw(",")
        }
        evidence[index].writeCompactJSON(to: &json)
      }
      if term != nil { json.appendRaw("]") }
      if category != nil { json.endObject() }
      if dimension != nil { json.endObject() }
    }
    json.endObject()
  }

  /// Appends `"evidence": [hit, …]`, one object per hit with every field, in the order of the text.
  private func writeFullEvidence(_ document: Document, _ evidence: [Evidence], to json: inout JSONWriter) {
    json.key("evidence")
    json.beginArray()
    // The field bytes once per record, not once per hit. A hit of another text (a caller
    // that classified something else) is written from its own text; the comparison is a
    // pointer check when the strings share storage, as they do in a batch run.
    let title = document.title ?? ""
    let text = document.text
    var titleStorage = title
    var textStorage = text
    titleStorage.withUTF8 { titleBytes in
      textStorage.withUTF8 { textBytes in
        for hit in evidence where include(hit.status) {
          if hit.fieldText == (hit.field == .title ? title : text) {
            hit.writeJSON(to: &json, fieldBytes: hit.field == .title ? titleBytes : textBytes, fragments: evidenceFragments)
          } else {
            hit.writeJSON(to: &json, fragments: evidenceFragments)
          }
        }
      }
    }
    json.endArray()
  }

  /// Appends `"implied": {"innovation": {"technology": ["technology.ai", …]}}` for the categories
  /// that another dimension's labels assigned (lexicon `implied_by:`), and nothing when there are
  /// none, so records of lexicons without implications keep their bytes.
  private func writeImplications(_ classification: Classification, to json: inout JSONWriter) {
    guard classification.dimensions.contains(where: { $0.scores.contains { !$0.impliedBy.isEmpty } }) else { return }
    json.key("implied")
    json.beginObject()
    for result in classification.dimensions where result.scores.contains(where: { !$0.impliedBy.isEmpty }) {
      json.key(result.dimension)
      json.beginObject()
      for score in result.scores where !score.impliedBy.isEmpty {
        json.field(score.category, strings: score.impliedBy)
      }
      json.endObject()
    }
    json.endObject()
  }

  /// Appends an error record standing in for an input record that could not be labelled, and a
  /// newline: `{"id": …, "error": {"source", "line", "reason"}, …provenance}`.
  package func writeError(_ error: RecordError, to json: inout JSONWriter) {
    json.beginObject()
    json.key("id")
    if let id = error.id { json.string(id) } else { json.null() }
    json.key("error")
    Self.writeErrorDetail(error, includeRaw: false, to: &json)
    json.field("lexicon_version", string: lexiconVersion)
    json.field("govtag_version", string: GovTagVersion.current)
    json.endObject()
    json.newline()
  }

  /// Writes `{"source", "line", "id", "reason", "hint", "raw"?}` for an error.
  package static func writeErrorDetail(_ error: RecordError, includeRaw: Bool, to json: inout JSONWriter) {
    json.beginObject()
    json.field("source", string: error.location.file)
    json.key("line")
    if let line = error.location.line { json.integer(line) } else { json.null() }
    if let id = error.id {
      json.field("id", string: id)
    }
    json.field("reason", string: error.reason)
    if let hint = error.hint {
      json.field("hint", string: hint)
    }
    if includeRaw {
      json.field("raw", string: error.rawLine)
    }
    json.endObject()
  }

  /// Whether a hit with `status` is written at this level of detail.
  private func include(_ status: Evidence.Status) -> Bool {
    switch evidenceDetail {
    case .none: false
    case .all: true
    case .standard: status.isReportedByDefault
    }
  }

  private func writeLocation(_ location: Location, to json: inout JSONWriter) {
    func optional(_ key: String, _ value: String?) {
      json.key(key)
      if let value { json.string(value) } else { json.null() }
    }
    json.beginObject()
    optional("province", location.province)
    optional("city", location.city)
    optional("district", location.district)
    optional("region", location.region?.rawValue)
    json.field("chain", strings: location.chain)
    if let reason = location.reason {
      json.field("reason", string: reason)
    }
    json.field("candidates", strings: location.otherCandidates)
    json.key("evidence")
    json.beginArray()
    for hit in location.evidence {
      json.beginObject()
      json.field("name", string: hit.name)
      json.field("level", string: hit.level.rawValue)
      json.field("province", string: hit.province)
      if let city = hit.city {
        json.field("city", string: city)
      }
      json.field("field", string: hit.field.rawValue)
      json.field("start", integer: hit.start)
      json.field("end", integer: hit.end)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }

  private func writeReview(_ review: Review, to json: inout JSONWriter) {
    json.beginObject()
    json.field("needs_review", bool: review.needsReview)
    json.key("reasons")
    json.beginArray()
    for reason in review.reasons {
      json.beginObject()
      json.field("code", string: reason.code)
      if let category = reason.category {
        json.field("category", string: category)
      }
      json.field("message", string: reason.message)
      json.endObject()
    }
    json.endArray()
    json.endObject()
  }

  private func writeProvenance(textHash: String, to json: inout JSONWriter) {
    json.field("text_hash", string: textHash)
    json.field("lexicon_version", string: lexiconVersion)
    json.field("govtag_version", string: GovTagVersion.current)
    json.field("icu_version", string: ICU.version)
  }
}

extension Evidence {
  /// Writes the hit as a JSON object, the shape of labelled records' `evidence` entries:
  /// `dimension`, `category` (unless the caller already names them), `term`, `field`, `start`,
  /// `end`, `match`, `context`, `weight`, `contribution`, `status`, `why`?, `lexicon`.
  ///
  /// This runs for every hit of every record, so the parts that depend only on the term come
  /// pre-rendered (``EvidenceJSONFragments``, from the run's ``EvidenceJSONFragmentTable``) and
  /// `match` and `context` are escaped straight from the field's bytes. Without a table (a
  /// caller that writes a few hits) the fragments are rendered for this hit alone.
  func writeJSON(to json: inout JSONWriter, fragments table: EvidenceJSONFragmentTable? = nil, includeCategory: Bool = true) {
    var text = fieldText
    text.withUTF8 { writeJSON(to: &json, fieldBytes: $0, fragments: table, includeCategory: includeCategory) }
  }

  /// ``writeJSON(to:fragments:includeCategory:)`` with the field's UTF-8 bytes at hand (a
  /// record's writer gets them once for all its hits).
  func writeJSON(
    to json: inout JSONWriter, fieldBytes bytes: UnsafeBufferPointer<UInt8>, fragments table: EvidenceJSONFragmentTable? = nil,
    includeCategory: Bool = true
  ) {
    if let fragments = table?[lexiconTerm] {
      writeJSON(to: &json, fieldBytes: bytes, fragments: fragments, includeCategory: includeCategory)
    } else {
      let fragments = EvidenceJSONFragments(lexiconTerm)
      defer { fragments.deallocate() }
      writeJSON(to: &json, fieldBytes: bytes, fragments: fragments, includeCategory: includeCategory)
    }
  }

  /// Writes the hit as one entry of the compact layout's hit lists (``LabelledRecordWriter/EvidenceLayout/compact``):
  /// `["text",38,40,1]` for a counted hit, `["text",38,40,0,"aim","why…"]` for one that did not
  /// count in full. Everything else a reviewer reads (term, category, dimension) is in the keys
  /// around the list, and `match` and `context` follow from the field's text and the offsets.
  func writeCompactJSON(to json: inout JSONWriter) {
    json.appendRaw(field == .title ? "[\"title\"," : "[\"text\",")
    json.appendInteger(start)
    json.appendRaw(",")
    json.appendInteger(end)
    json.appendRaw(",")
    if contribution.isFinite { json.appendFiniteNumber(contribution) } else { json.appendRaw("null") }
    if !status.isCounted {
      json.appendRaw(",")
      var code = status.code
      code.withUTF8 { json.appendQuoted($0) }
      if let parts = status.explanationParts {
        json.appendRaw(",")
        json.appendQuoted(parts)
      }
    }
    json.appendRaw("]")
  }

  private func writeJSON(
    to json: inout JSONWriter, fieldBytes bytes: UnsafeBufferPointer<UInt8>, fragments: EvidenceJSONFragments,
    includeCategory: Bool
  ) {
    json.beginRawValue()
    json.appendRaw(includeCategory ? fragments.headWithCategory : fragments.headWithoutCategory)
    json.appendRaw(field == .title ? "title\",\"start\":" : "text\",\"start\":")
    json.appendInteger(start)
    json.appendRaw(",\"end\":")
    json.appendInteger(end)
    json.appendRaw(",\"match\":")
    json.appendQuoted(UnsafeBufferPointer(rebasing: bytes[byteRange]))
    json.appendRaw(",\"context\":\"")
    json.appendEscaped(
      UnsafeBufferPointer(rebasing: bytes[contextRange.lowerBound..<byteRange.lowerBound]), lineBreaksAsSpaces: true)
    json.appendRaw("【")
    json.appendEscaped(UnsafeBufferPointer(rebasing: bytes[byteRange]), lineBreaksAsSpaces: true)
    json.appendRaw("】")
    json.appendEscaped(
      UnsafeBufferPointer(rebasing: bytes[byteRange.upperBound..<contextRange.upperBound]), lineBreaksAsSpaces: true)
    json.appendRaw("\"")
    json.appendRaw(fragments.weightAndContributionKey)
    if contribution.isFinite { json.appendFiniteNumber(contribution) } else { json.appendRaw("null") }
    json.appendRaw(",\"status\":")
    switch status {
    case .counted: json.appendRaw("\"counted\"")
    default:
      var code = status.code
      code.withUTF8 { json.appendQuoted($0) }
    }
    if let parts = status.explanationParts {
      json.appendRaw(",\"why\":")
      json.appendQuoted(parts)
    }
    json.appendRaw(fragments.lexiconAndEnd)
  }
}

/// The parts of an evidence object that depend only on its term, rendered to JSON once per term.
///
/// The bytes live in one allocation owned by an ``EvidenceJSONFragmentTable`` (which frees it):
/// plain pointers, so writing a hit's JSON retains nothing, which on the per-hit path costs
/// more than the copying. Use them only while the owner is alive (through the table a writer
/// holds); never store a copy.
struct EvidenceJSONFragments: @unchecked Sendable {
  /// `{"dimension":…,"category":…,"term":…,"field":"`
  let headWithCategory: UnsafeBufferPointer<UInt8>
  /// `{"term":…,"field":"`
  let headWithoutCategory: UnsafeBufferPointer<UInt8>
  /// `,"weight":…,"contribution":`
  let weightAndContributionKey: UnsafeBufferPointer<UInt8>
  /// `,"lexicon":…}`
  let lexiconAndEnd: UnsafeBufferPointer<UInt8>
  /// `"term":[`, which opens the term's hit list in the compact layout
  let termKeyAndListStart: UnsafeBufferPointer<UInt8>
  private let storage: UnsafeMutableBufferPointer<UInt8>

  /// Renders the fragments of one term; ``deallocate()`` frees them.
  init(_ identity: LexiconTermIdentity) {
    self.init(
      dimension: identity.dimension, category: identity.category, term: identity.text, weight: identity.weight,
      source: identity.source.description)
  }

  /// Renders the fragments; ``deallocate()`` frees them.
  init(dimension: String, category: String, term: String, weight: Double, source: String) {
    var json = JSONWriter()
    json.beginObject()
    json.field("dimension", string: dimension)
    json.field("category", string: category)
    let categoryEnd = json.bytes.count
    json.field("term", string: term)
    json.key("field")
    let withCategory = json.bytes + [UInt8(ascii: "\"")]
    let withoutCategory = [UInt8(ascii: "{")] + json.bytes[(categoryEnd + 1)...] + [UInt8(ascii: "\"")]
    json.reset()
    json.appendRaw(",\"weight\":")
    json.appendFiniteNumber(weight)
    json.appendRaw(",\"contribution\":")
    let weightPart = json.bytes
    json.reset()
    json.appendRaw(",\"lexicon\":")
    json.string(source)
    json.appendRaw("}")
    let lexiconPart = json.bytes
    json.reset()
    json.string(term)
    let termKeyPart = json.bytes + Array(":[".utf8)
    let parts = [withCategory, withoutCategory, weightPart, lexiconPart, termKeyPart]
    storage = .allocate(capacity: parts.reduce(0) { $0 + $1.count })
    var slices: [UnsafeBufferPointer<UInt8>] = []
    var offset = 0
    for part in parts {
      let slice = UnsafeMutableBufferPointer(rebasing: storage[offset..<offset + part.count])
      _ = slice.initialize(from: part)
      slices.append(UnsafeBufferPointer(slice))
      offset += part.count
    }
    headWithCategory = slices[0]
    headWithoutCategory = slices[1]
    weightAndContributionKey = slices[2]
    lexiconAndEnd = slices[3]
    termKeyAndListStart = slices[4]
  }

  /// Frees the bytes; called once, by the owner.
  func deallocate() { storage.deallocate() }
}

/// The ``EvidenceJSONFragments`` of every term of one model, rendered once per run and indexed
/// by the term's index in the model's flat term list.
///
/// Kept here rather than on the core's ``LexiconTermIdentity`` so that the engine knows nothing
/// of the record format. Immutable after `init`, so one table serves every worker thread.
final class EvidenceJSONFragmentTable: @unchecked Sendable {
  private let terms: [LexiconTermIdentity]
  private let fragments: [EvidenceJSONFragments]

  /// Renders the fragments of every term of `model`.
  init(model: ClassifierModel) {
    terms = model.termIdentities
    fragments = terms.map(EvidenceJSONFragments.init)
  }

  deinit { for part in fragments { part.deallocate() } }

  /// The fragments of `term`, or `nil` when the term belongs to another model.
  subscript(term: LexiconTermIdentity) -> EvidenceJSONFragments? {
    let index = term.termIndex
    return index < terms.count && terms[index] === term ? fragments[index] : nil
  }
}

/// Segments and classifies documents: the per-worker half of the classifier.
///
/// A tagger composes the per-text parts that are not thread-safe, its ``FoldedText`` and its
/// ``WordBoundaries`` (an ICU word-break iterator), with scratch buffers for matching and
/// scoring, so each worker thread creates its own from the shared, immutable ``ClassifierModel``.
/// Creating one is cheap (the automaton is shared, not rebuilt).
///
/// What runs is not the folder order: a field is folded, the keyword automaton runs over its
/// bytes first, and ICU is asked for word boundaries only around the hits that need them
/// (``WordBoundaries/prepareLazy(_:)``).
package final class Tagger {
  /// The shared model.
  package let model: ClassifierModel
  /// The current field's word boundaries.
  let boundaries: WordBoundaries
  /// The current field after folding, with the map back to its original offsets.
  let foldedText: FoldedText
  // The scratch state below is marked `@exclusivity(unchecked)`: a tagger belongs to one
  // thread and no access to it overlaps another, and the dynamic check Swift otherwise makes on
  // every access to a class's stored property (a call into the runtime, ~75 instructions) ran
  // on every counted hit.
  /// Per flat term index: how many of its hits ``score(_:textLength:)`` has counted so far
  /// (all zero between records).
  @exclusivity(unchecked) var termRepeats: [Int32] = []
  /// Per flat term index: the decayed weight its last counted hit started from, so the next
  /// hit's is one multiplication away (meaningful only where `termRepeats` is not zero).
  @exclusivity(unchecked) var termDecayedWeight: [Double] = []
  /// Per flat category index: while ``rawHits(in:)`` sweeps for nested hits, the furthest end of
  /// a counting hit so far (-1 between fields) and its term.
  @exclusivity(unchecked) var coverEnd: [Int] = []
  @exclusivity(unchecked) var coverTerm: [Int] = []
  /// Per flat category index, for ``attachConfidence(to:)``: distinct counted terms, counted
  /// title hits and near misses of the current record (all zero between records); per flat term
  /// index, whether it was counted yet.
  @exclusivity(unchecked) var featureTerms: [Int32] = []
  @exclusivity(unchecked) var featureTitleHits: [Int32] = []
  @exclusivity(unchecked) var featureNearMisses: [Int32] = []
  @exclusivity(unchecked) var featureTermSeen: [Bool] = []
  @exclusivity(unchecked) var featureSeenList: [Int32] = []
  /// The place names ``rawHits(in:)`` found in the current field (gazetteer pattern numbers), in
  /// the automaton's order, for ``LocationResolver``.
  @exclusivity(unchecked) var placeMatches: [(start: Int, end: Int, pattern: Int)] = []

  /// Creates a tagger for `model`.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU cannot open a word-break iterator.
  package init(model: ClassifierModel) throws {
    self.model = model
    self.boundaries = try WordBoundaries()
    self.foldedText = FoldedText()
  }

  /// Classifies a document.
  ///
  /// - Parameters:
  ///   - title: the title, if the document has one; its hits count ``ClassifierConfiguration/titleBoost`` times.
  ///   - text: the narrative.
  ///   - nearMisses: whether to keep, as evidence, hits that cross a word boundary or sit inside
  ///     a longer term of their category. They never count; a batch run that will not write them
  ///     skips building them, which saves a good share of the per-record work.
  ///   - features: whether to fill in every score's ``Classification/CategoryScore/features``
  ///     even when the model is not calibrated (`govtag calibrate` needs them).
  /// - Returns: labels, scores, evidence and review flags (and confidences, when calibrated).
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  package func classify(
    title: String?, text: String, nearMisses: Bool = true, features: Bool = false
  ) throws -> Classification {
    var evidence: [Evidence] = []
    var places: [LocationResolver.Mention] = []
    if let title, !title.isEmpty {
      try analyze(title, field: .title, places: &places, nearMisses: nearMisses, into: &evidence)
    }
    try analyze(text, field: .text, places: &places, nearMisses: nearMisses, into: &evidence)
    // Only short texts need their exact length (a scalar is at most 4 bytes): counting the
    // scalars of every text is a pass over it for nothing.
    let utf8Count = text.utf8.count
    let textLength = utf8Count / 4 >= model.configuration.shortTextLimit ? utf8Count : text.unicodeScalars.count
    // Handed over, not shared: scoring writes each hit's contribution, and an array still
    // referenced here would be copied, hit by hit, first.
    var classification = score(consume evidence, textLength: textLength)
    if features || model.calibration != nil { attachConfidence(to: &classification) }
    if let gazetteer = model.gazetteer { classification.location = LocationResolver(gazetteer: gazetteer).resolve(places) }
    return classification
  }

  /// Every lexicon hit in `text`, with its status, in order of position.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  package func hits(in text: String, field: Evidence.Field = .text) throws -> [Evidence] {
    var places: [LocationResolver.Mention] = []
    var evidence: [Evidence] = []
    try analyze(text, field: field, places: &places, into: &evidence)
    return evidence
  }

  /// Segments `text` into tokens: ICU's word boundaries, with every lexicon term that fires
  /// merged back into one token (人工|智能 → 人工智能), as a user dictionary does in jieba.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  package func segment(_ text: String) throws -> [Token] {
    try foldedText.fold(text) { bytes, _ in
      try boundaries.findAll(bytes)
      let hits = try rawHits(in: bytes).filter { $0.status.isAligned }
      let tokens = Token.merging(
        terms: hits.map { $0.start..<$0.end }, segmentEnds: boundaries.segmentEnds,
        segmentStatuses: boundaries.segmentStatuses)
      return tokens.map { token in
        var token = token
        token.range = foldedText.originalOffset(token.range.lowerBound)..<foldedText.originalOffset(token.range.upperBound)
        return token
      }
    }
  }
}

// MARK: - Analysis of one field

extension Evidence.Status {
  /// Whether the hit may become a token of its own (it does not cross a word boundary).
  var isAligned: Bool {
    if case .crossesWordBoundary = self { return false }
    return true
  }
}

extension Tagger {
  /// A hit before it is turned into evidence: byte offsets and indexes into the lexicons.
  struct RawHit {
    var start: Int
    var end: Int
    var dimension: Int
    var category: Int
    var term: Int
    var status: Evidence.Status
  }

  /// Finds every term hit in `bytes` (after ``WordBoundaries/findAll(_:)`` or
  /// ``WordBoundaries/prepareLazy(_:)`` on them) and decides its status.
  ///
  /// - Throws: `GovTagError` with code `.icu` when ICU fails.
  func rawHits(in bytes: UnsafeBufferPointer<UInt8>) throws -> [RawHit] {
    let lexicons = model.lexicons.dimensions
    var hits: [RawHit] = []
    var exclusions: [(start: Int, end: Int, dimension: Int, category: Int, exclusion: Int)] = []
    var contextWords: [ContextWordHit] = []
    var scopeCues: [(start: Int, end: Int, cue: Int)] = []
    var places = placeMatches
    placeMatches = []
    places.removeAll(keepingCapacity: true)
    var salienceWords = SalienceWords()
    try model.entries.withUnsafeBufferPointer { entries in
      try model.entryStart.withUnsafeBufferPointer { entryStart in
        try model.entryIsSubstring.withUnsafeBufferPointer { isSubstring in
          try model.automaton.forEachMatch(in: bytes) { start, end, pattern in
            for index in Int(entryStart[pattern])..<Int(entryStart[pattern + 1]) {
              switch entries[index] {
              case .term(let d, let c, let t):
                let aligned =
                  try isSubstring[index]
                  || (boundaries.isBoundary(at: start, in: bytes) && boundaries.isBoundary(at: end, in: bytes))
                hits.append(
                  RawHit(
                    start: start, end: end, dimension: d, category: c, term: t,
                    status: aligned ? .counted : .crossesWordBoundary))
              case .exclusion(let d, let c, let e):
                exclusions.append((start, end, d, c, e))
              case .contextWord(let context, let word):
                contextWords.append(ContextWordHit(start: start, end: end, context: context, word: word))
              case .frameClose(let frame):
                salienceWords.frameCloses.append(FrameWordHit(start: start, end: end, frame: frame))
              case .backgroundCue(let cue):
                salienceWords.backgroundCues.append((start, cue))
              case .focusCue(let cue):
                salienceWords.focusCues.append((start, cue))
              case .planCue(let cue):
                salienceWords.planCues.append((start, end, cue))
              case .purposeCue(let cue):
                salienceWords.purposeCues.append((start, cue))
              case .pendingCue(let cue):
                salienceWords.pendingCues.append((start, cue))
              case .speechCue(let cue):
                salienceWords.speechCues.append((start, end, cue))
              case .enumerationMark:
                salienceWords.enumerationMarks.append(start)
              case .scopeCue(let cue):
                scopeCues.append((start, end, cue))
              case .placeName(let name):
                places.append((start, end, name))
              }
            }
          }
        }
      }
    }
    placeMatches = places
    guard !hits.isEmpty else { return hits }
    // Order by position, longer first at the same start, then by lexicon order for stability.
    hits.sort {
      ($0.start, -$0.end, $0.dimension, $0.category, $0.term) < ($1.start, -$1.end, $1.dimension, $1.category, $1.term)
    }
    for index in hits.indices where hits[index].status == .counted {
      let hit = hits[index]
      if let exclusion = exclusions.first(where: {
        $0.dimension == hit.dimension && $0.category == hit.category && $0.start <= hit.start && hit.end <= $0.end
      }) {
        let phrase = lexicons[exclusion.dimension].categories[exclusion.category].exclusions[exclusion.exclusion].text
        hits[index].status = .excluded(phrase: phrase)
      }
    }
    try applyScope(to: &hits, in: bytes, cues: scopeCues)
    applySalience(to: &hits, words: salienceWords, in: bytes)
    if model.usesContexts { applyContexts(to: &hits, words: contextWords, in: bytes) }
    // A counted hit nested in a longer counted hit of the same category adds nothing of its own.
    // Hits are sorted by start, longest first, so a covering hit is always seen before the hits
    // it covers: one sweep keeping, per category, the counting hit that reaches furthest. A hit
    // that lacks its context is a near miss too when a longer term covers it (交换 in 数据交换),
    // but never covers others.
    // Per category, in per-tagger arrays (reset below) rather than a dictionary: the furthest end
    // of a counting hit so far (-1: none) and its term.
    if coverEnd.count < model.categoryCount {
      coverEnd = [Int](repeating: -1, count: model.categoryCount)
      coverTerm = [Int](repeating: 0, count: model.categoryCount)
    }
    for index in hits.indices {
      let hit = hits[index]
      let lacksContext: Bool
      if case .missingContext = hit.status { lacksContext = true } else { lacksContext = false }
      guard hit.status.counts || lacksContext else { continue }
      let category = model.categoryBase[hit.dimension] + hit.category
      if coverEnd[category] >= hit.end {
        let outer = lexicons[hit.dimension].categories[hit.category].terms[coverTerm[category]].text
        hits[index].status = .insideLongerTerm(term: outer)
      } else if !lacksContext {
        coverEnd[category] = hit.end
        coverTerm[category] = hit.term
      }
    }
    for hit in hits { coverEnd[model.categoryBase[hit.dimension] + hit.category] = -1 }
    return hits
  }

  /// Analyses one field: segmentation, matching, statuses, and evidence with code point offsets,
  /// appended to `evidence` (a record's fields one after the other, with no array to join);
  /// appends the field's place names to `places` when the model has a gazetteer.
  func analyze(
    _ text: String, field: Evidence.Field, places: inout [LocationResolver.Mention], nearMisses: Bool = true,
    into evidence: inout [Evidence]
  ) throws {
    let width = model.configuration.contextWidth
    try foldedText.fold(text) { folded, bytes in
      boundaries.prepareLazy(folded)
      var hits = try rawHits(in: folded)
      if let gazetteer = model.gazetteer {
        places += LocationResolver(gazetteer: gazetteer).mentions(
          of: placeMatches, original: bytes, field: field, toOriginal: foldedText.originalOffset)
      }
      if !nearMisses { hits.removeAll { !$0.status.isReportedByDefault } }
      guard !hits.isEmpty else { return }
      // From here on, offsets are into the original text.
      if foldedText.movesOffsets {
        for index in hits.indices {
          hits[index].start = foldedText.originalOffset(hits[index].start)
          hits[index].end = foldedText.originalOffset(hits[index].end)
        }
      }
      // Every byte offset we need as a code point offset, converted in one pass. Each offset is
      // sorted as one integer, the offset above its slot (hit 2i's start, 2i + 1's end): a
      // plain integer sort, not a closure reading an array per comparison.
      guard bytes.count < 1 << 32 else {
        throw GovTagError(
          .input, "a text of \(bytes.count) bytes is longer than GovTag can label (4 GiB)",
          hint: "split it into smaller records")
      }
      var contexts: [(Int, Int)] = []
      var keys: [UInt64] = []
      keys.reserveCapacity(hits.count * 2)
      contexts.reserveCapacity(hits.count)
      for index in hits.indices {
        // The offsets in place: copying a hit copies (and retains) its status too.
        let (start, end) = (hits[index].start, hits[index].end)
        contexts.append(
          (UTF8Text.retreat(start, by: width, in: bytes), UTF8Text.advance(end, by: width, ceiling: bytes.count, in: bytes)))
        keys.append(UInt64(start) << 32 | UInt64(2 * index))
        keys.append(UInt64(end) << 32 | UInt64(2 * index + 1))
      }
      keys.sort()
      let scalars = UTF8Text.scalarOffsets(ofSorted: keys.map { Int($0 >> 32) }, in: bytes)
      var scalarAt = [Int](repeating: 0, count: keys.count)
      for (rank, key) in keys.enumerated() { scalarAt[Int(key & 0xFFFF_FFFF)] = scalars[rank] }
      evidence.reserveCapacity(evidence.count + hits.count)
      for (index, hit) in hits.enumerated() {
        let (before, after) = contexts[index]
        evidence.append(
          Evidence(
            lexiconTerm: model.termIdentities[model.termBase[model.categoryBase[hit.dimension] + hit.category] + hit.term],
            fieldText: text, field: field, start: scalarAt[2 * index], end: scalarAt[2 * index + 1],
            contribution: 0, status: hit.status, byteRange: hit.start..<hit.end, contextRange: before..<after))
      }
    }
  }
}

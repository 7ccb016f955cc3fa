/// Everything the classifier needs that does not change during a run: the lexicons, compiled
/// into one keyword automaton, and the scoring configuration.
///
/// Built once per run and shared by every worker; it is immutable, hence `Sendable`.
/// Per-worker state (the ICU iterator, scratch buffers) lives in ``Tagger``.
package struct ClassifierModel: Sendable {
  /// What a pattern of the automaton stands for. One pattern can stand for several entries:
  /// the same term in two dimensions, a term that is also an exclusion or a context word.
  enum PatternEntry: Sendable {
    case term(dimension: Int, category: Int, term: Int)
    case exclusion(dimension: Int, category: Int, exclusion: Int)
    /// A word of a context: flat context index, flat word index (into `contextWordValue`).
    case contextWord(context: Int, word: Int)
    /// The closing word of a salience frame (方面 of 在…方面), by frame index: found in the same
    /// pass as the terms, so frames cost nothing where their closing word is absent.
    case frameClose(frame: Int)
    /// A background cue (近年来), by its index in ``backgroundCues``; likewise.
    case backgroundCue(cue: Int)
    /// A focus cue (本文关注), by its index in ``focusCues``; likewise.
    case focusCue(cue: Int)
    /// A plan cue (下一步), by its index in ``planCues``: the salience rules look for one that
    /// opens a sentence or heads a section.
    case planCue(cue: Int)
    /// A purpose cue (为深入), by its index in ``purposeCues``; likewise.
    case purposeCue(cue: Int)
    /// A pending cue (尚在酝酿), by its index in ``pendingCues``; likewise.
    case pendingCue(cue: Int)
    /// A speech cue (表示), by its index in ``speechCues``; likewise.
    case speechCue(cue: Int)
    /// The enumeration comma 、, which lists are made of; likewise.
    case enumerationMark
    /// A scope cue, by its number among the distinct cue texts (the index into `scope.cues`
    /// when, as the loader ensures, no text repeats): read by ``Tagger/applyScope(to:in:cues:)``.
    case scopeCue(cue: Int)
    /// A place name of the gazetteer, by its number in `Gazetteer.names` (the index into
    /// `Gazetteer.places`): read by ``LocationResolver``.
    case placeName(name: Int)
  }

  /// The lexicons.
  package let lexicons: LexiconSet
  /// The scoring rules.
  package let configuration: ClassifierConfiguration
  /// The place names, if the lexicon directory has a gazetteer.
  package let gazetteer: Gazetteer?
  /// Negation and plan cues.
  package let scope: ScopeRules
  /// All terms, exclusions and (needed) context words of all dimensions, the scope cues and the
  /// gazetteer's place names: one pass over a text finds them all (a pass costs about the same
  /// however many patterns there are, and each used to have its own).
  let automaton: KeywordAutomaton
  /// The entries of pattern `p` are `entries[entryStart[p]..<entryStart[p + 1]]`: flat arrays of
  /// plain values, so the per-match loop touches no reference-counted storage.
  let entries: [PatternEntry]
  let entryStart: [Int32]
  /// Per entry: whether it is a term with `match: substring` (needs no boundary check).
  let entryIsSubstring: [Bool]
  /// A hash of the lexicons and the scoring rules, and of the calibration when there is one:
  /// two runs with the same version label identically.
  package let rulesVersion: String
  /// The rules version without the calibration: what ``CalibrationModel/lexiconVersion`` is
  /// compared with (equal to ``rulesVersion`` when there is no calibration).
  package let lexiconRulesVersion: String
  /// The confidence curves, if the lexicon directory has `calibration.yaml`.
  package let calibration: CalibrationModel?
  /// Per flat category index: its curve, if calibrated, and whether its labels follow
  /// confidence rather than thresholds.
  let curves: [CalibrationModel.Curve?]
  let labelsByConfidence: [Bool]
  /// The curves as flat plain values for the per-record path: per flat category index, the
  /// intercept and one coefficient per feature (zeros without a curve), and whether it has one.
  let curveWeights: [Double]
  let hasCurve: [Bool]
  /// Per dimension index: whether its confidences can flag a record for review.
  let reviewsDimension: [Bool]
  /// `categoryBase[d] + c` numbers the categories of all dimensions 0..<categoryCount, and
  /// `termBase[categoryBase[d] + c] + t` the terms, so the hot path indexes arrays, not strings.
  let categoryBase: [Int]
  let termBase: [Int]
  let categoryCount: Int
  let termCount: Int
  /// Each term as its hits report it, by flat term index, built once rather than per hit.
  package let termIdentities: [LexiconTermIdentity]
  /// The contexts of all dimensions, numbered in dimension order (flat context index).
  let contexts: [LexiconContext]
  /// Per flat context index: the total value of distinct words a sentence needs; flat arrays of
  /// plain values for the per-hit path, like `entries`.
  let contextAtLeast: [Double]
  /// Per flat word index (words of all contexts, in order): what the word adds.
  let contextWordValue: [Double]
  /// Whether any term needs a context (else context words are not even matched).
  let usesContexts: Bool
  /// The background cues of the scope rules (a sentence opening with one is background), and the
  /// use cues (before a list, they make it the case's own work), as UTF-8 bytes.
  let backgroundCues: [[UInt8]]
  let useCues: [[UInt8]]
  /// The focus cues of the scope rules (the text before the sentence of the first one sets the
  /// scene), as written.
  let focusCues: [String]
  /// The plan cues of the scope rules, as written.
  let planCues: [String]
  /// Per plan cue: whether it is one of `plan_without_will:` (下一步), which governs the rest of
  /// its sentence from the clause it opens without 将 after it.
  let planCuesWithoutWill: [Bool]
  /// The grammar words of the scope rules (将, 要 …), as UTF-8 bytes.
  let grammar: GrammarWords
  /// The purpose cues of the scope rules, as written, and the words that open a clause going on
  /// with a purpose sentence's aims (those of `purpose_clauses` and the aim cues), as UTF-8 bytes.
  let purposeCues: [String]
  let purposeClauseWords: [[UInt8]]
  /// The pending cues of the scope rules, as written.
  let pendingCues: [String]
  /// The speech cues of the scope rules (表示, 透露), as written.
  let speechCues: [String]
  /// The words that close a list of the bodies taking part (部门), as UTF-8 bytes.
  let listClosers: [[UInt8]]
  /// The frames of the scope rules as UTF-8 bytes (open, close, as written).
  let frames: [(open: [UInt8], close: [UInt8], text: String)]
  /// Whether any category is `implied_by:` another dimension (else scoring skips that pass).
  let hasImplications: Bool
  /// Per flat term index: the flat index of the context its hits need, or -1. A `near` that
  /// names no context of its dimension is ignored (``LexiconLoader`` rejects such files).
  let termContext: [Int32]

  /// Compiles `lexicons` (and the gazetteer, when given, for ``Classification/location``).
  ///
  /// - Complexity: O(total bytes of all terms × byte classes).
  package init(
    lexicons: LexiconSet, gazetteer: Gazetteer? = nil, scope: ScopeRules = .none,
    configuration: ClassifierConfiguration = ClassifierConfiguration(), calibration: CalibrationModel? = nil
  ) {
    self.lexicons = lexicons
    self.gazetteer = gazetteer
    self.scope = scope
    backgroundCues = scope.cues.filter { $0.kind == .background }.map { Array($0.text.utf8) }
    useCues = scope.cues.filter { $0.kind == .use }.map { Array($0.text.utf8) }
    focusCues = scope.cues.filter { $0.kind == .focus }.map(\.text)
    planCues = scope.cues.filter { $0.kind == .plan }.map(\.text)
    planCuesWithoutWill = planCues.map(scope.planWithoutWill.contains)
    grammar = GrammarWords(scope.grammar)
    purposeCues = scope.cues.filter { $0.kind == .purpose }.map(\.text)
    pendingCues = scope.cues.filter { $0.kind == .pending }.map(\.text)
    speechCues = scope.cues.filter { $0.kind == .speech }.map(\.text)
    listClosers = scope.cues.filter { $0.kind == .listCloser }.map { Array($0.text.utf8) }
    purposeClauseWords = scope.cues.filter { $0.kind == .purposeClause || $0.kind == .aim }.map { Array($0.text.utf8) }
    frames = scope.frames.map { (Array($0.open.utf8), Array($0.close.utf8), $0.text) }
    self.configuration = configuration
    var builder = KeywordAutomaton.Builder()
    var entries: [[PatternEntry]] = []
    func add(_ text: String, _ entry: PatternEntry) {
      let pattern = builder.add(Array(text.utf8))
      if pattern == entries.count { entries.append([]) }
      entries[pattern].append(entry)
    }
    var contexts: [LexiconContext] = []
    var contextBase: [Int] = []
    for dimension in lexicons.dimensions {
      contextBase.append(contexts.count)
      contexts += dimension.contexts
    }
    let termContext = lexicons.dimensions.enumerated().flatMap { d, dimension in
      dimension.categories.flatMap(\.terms).map { term in
        Int32(term.near.flatMap { name in dimension.contexts.firstIndex { $0.name == name } }.map { contextBase[d] + $0 } ?? -1)
      }
    }
    // Context words are matched only when some term needs their context.
    let neededContexts = Set(termContext.filter { $0 >= 0 }.map(Int.init))
    var contextWordValue: [Double] = []
    for (k, context) in contexts.enumerated() {
      for word in context.words {
        if neededContexts.contains(k) { add(word.text, .contextWord(context: k, word: contextWordValue.count)) }
        contextWordValue.append(word.value)
      }
    }
    // The salience rules' words, found in the same pass as the terms (Tagger+Salience.swift).
    for (f, frame) in scope.frames.enumerated() { add(frame.close, .frameClose(frame: f)) }
    for (k, cue) in scope.cues.filter({ $0.kind == .background }).enumerated() { add(cue.text, .backgroundCue(cue: k)) }
    for (k, cue) in focusCues.enumerated() { add(cue, .focusCue(cue: k)) }
    for (k, cue) in planCues.enumerated() { add(cue, .planCue(cue: k)) }
    for (k, cue) in purposeCues.enumerated() { add(cue, .purposeCue(cue: k)) }
    for (k, cue) in pendingCues.enumerated() { add(cue, .pendingCue(cue: k)) }
    for (k, cue) in speechCues.enumerated() { add(cue, .speechCue(cue: k)) }
    add("、", .enumerationMark)
    for (d, dimension) in lexicons.dimensions.enumerated() {
      for (c, category) in dimension.categories.enumerated() {
        for (t, term) in category.terms.enumerated() {
          add(term.text, .term(dimension: d, category: c, term: t))
        }
        for (e, exclusion) in category.exclusions.enumerated() {
          add(exclusion.text, .exclusion(dimension: d, category: c, exclusion: e))
        }
      }
    }
    // Added last, so a pattern's earlier entries keep their order. A cue's number is its
    // text's among the distinct cue texts, as a cue automaton of its own would number it.
    var cueNumbers: [String: Int] = [:]
    for cue in scope.cues where cueNumbers[cue.text] == nil {
      cueNumbers[cue.text] = cueNumbers.count
      add(cue.text, .scopeCue(cue: cueNumbers.count - 1))
    }
    for (name, text) in (gazetteer?.names ?? []).enumerated() { add(text, .placeName(name: name)) }
    automaton = builder.build()
    var flat: [PatternEntry] = []
    var starts: [Int32] = [0]
    var substring: [Bool] = []
    for patternEntries in entries {
      for entry in patternEntries {
        flat.append(entry)
        if case .term(let d, let c, let t) = entry {
          substring.append(lexicons.dimensions[d].categories[c].terms[t].matchMode == .substring)
        } else {
          substring.append(false)
        }
      }
      starts.append(Int32(flat.count))
    }
    self.entries = flat
    self.entryStart = starts
    self.entryIsSubstring = substring
    var categoryBase: [Int] = []
    var termBase: [Int] = []
    var terms = 0
    for dimension in lexicons.dimensions {
      categoryBase.append(termBase.count)
      for category in dimension.categories {
        termBase.append(terms)
        terms += category.terms.count
      }
    }
    self.categoryBase = categoryBase
    self.termBase = termBase
    self.categoryCount = termBase.count
    self.termCount = terms
    var identities: [LexiconTermIdentity] = []
    identities.reserveCapacity(terms)
    for (d, dimension) in lexicons.dimensions.enumerated() {
      for (c, category) in dimension.categories.enumerated() {
        for term in category.terms {
          identities.append(
            LexiconTermIdentity(
              dimension: dimension.id, category: category.id, term: term, categoryIndex: categoryBase[d] + c,
              termIndex: identities.count))
        }
      }
    }
    termIdentities = identities
    self.contexts = contexts
    self.termContext = termContext
    self.contextAtLeast = contexts.map(\.atLeast)
    self.usesContexts = !neededContexts.isEmpty
    self.hasImplications = lexicons.dimensions.contains { $0.categories.contains { $0.impliedBy != nil } }
    self.contextWordValue = contextWordValue
    var hash = StableHash()
    hash.combine(lexicons.version)
    hash.combine(configuration.fingerprint)
    hash.combine(gazetteer?.version ?? "no gazetteer")
    for cue in scope.cues { hash.combine(cue.kind.rawValue + ":" + cue.text) }
    for frame in scope.frames { hash.combine("frame:" + frame.text) }
    for cue in scope.planWithoutWill { hash.combine("plan_without_will:" + cue) }
    // Only a scope file's words: lexicons without scope.yaml keep their version.
    if scope.grammar != .none { for line in scope.grammar.fingerprintLines { hash.combine(line) } }
    lexiconRulesVersion = hash.hexDigest
    // The calibration (and the review band, which only it uses) joins the hash only when
    // present, so that lexicons without calibration keep their version.
    if let calibration {
      hash.combine("calibration:" + calibration.fingerprint)
      hash.combine("band=\(configuration.reviewBand.lowerBound),\(configuration.reviewBand.upperBound)")
      hash.combine("review=" + configuration.reviewDimensions.joined(separator: ","))
    }
    rulesVersion = hash.hexDigest
    self.calibration = calibration
    curves = lexicons.dimensions.flatMap { dimension in
      dimension.categories.map { calibration?.curve(dimension.id, $0.id) }
    }
    curveWeights = curves.flatMap { curve -> [Double] in
      guard let curve, curve.coefficients.count == ConfidenceFeatures.count else {
        return [Double](repeating: 0, count: ConfidenceFeatures.count + 1)
      }
      return [curve.intercept] + curve.coefficients
    }
    hasCurve = curves.map { $0.map { $0.coefficients.count == ConfidenceFeatures.count } ?? false }
    // A category another dimension implies (`implied_by:`) keeps the threshold rule: its label
    // follows the implying dimension's final labels, which a curve of its own would contradict.
    labelsByConfidence = lexicons.dimensions.flatMap { dimension in
      dimension.categories.map { $0.impliedBy == nil && calibration?.curve(dimension.id, $0.id)?.labelRule == .confidence }
    }
    reviewsDimension = lexicons.dimensions.map { configuration.reviewDimensions.contains($0.id) }
  }

  /// Whether the calibration was fitted against other lexicons (or scoring rules) than these:
  /// its confidences are then only approximate until `govtag calibrate` is run again.
  package var calibrationIsStale: Bool {
    guard let calibration else { return false }
    return calibration.lexiconVersion != lexiconRulesVersion
  }

  /// A sentence saying that the calibration is stale and what to do, or `nil` when it is current.
  ///
  /// It names three versions, and says which is which: the calibration is stamped with the
  /// version of the lexicons without it (it cannot hash itself), compared with the current one,
  /// while ``rulesVersion`` (with it) is what `lexicon check` ends with and `tag` writes.
  ///
  /// It says what the stale curves decide: the confidences, the labels of the categories that
  /// label by confidence (named), and the review flags; and it names the command that remakes
  /// the file of the folder that was loaded from what the file records
  /// (``CalibrationModel/remakeCommand(file:names:)``).
  ///
  /// - Parameter names: how the caller names the command that remakes the file; the default
  ///   (a program) points to the file's `Made by` line instead.
  package func calibrationStalenessWarning(names: SettingNames = SettingNames()) -> String? {
    guard let calibration, calibrationIsStale else { return nil }
    let file = calibration.file ?? CalibrationModel.fileName
    let byConfidence = lexicons.dimensions.flatMap { dimension in dimension.categories.map { (dimension.id, $0.id) } }
      .enumerated().filter { labelsByConfidence[$0.offset] }.map { "\($0.element.0).\($0.element.1)" }
    let decided =
      byConfidence.isEmpty
      ? "the confidences and the review flags"
      : "the confidences, the labels of the categories labelled by confidence (\(byConfidence.joined(separator: ", "))) and the review flags"
    return
      "\(file) was fitted against lexicon version \(calibration.lexiconVersion), but the lexicons are now \(lexiconRulesVersion) (both versions leave \(CalibrationModel.fileName) out; with it, the lexicons are version \(rulesVersion)): \(decided) come from curves fitted to other lexicons until it is remade with \(calibration.remakeCommand(file: file, names: names))"
  }

  /// ``calibrationStalenessWarning(names:)`` as a warning to pass on: ``LexiconDirectory/loadModel(configuration:calibrated:everyMissingCategory:warn:)``
  /// passes it to its `warn`, after the loading warnings, so that every command that loads
  /// lexicons prints it once; its description is the same sentence.
  package func calibrationStalenessError(names: SettingNames = SettingNames()) -> GovTagError? {
    calibrationStalenessWarning(names: names).map { GovTagError(.lexicon, $0) }
  }
}

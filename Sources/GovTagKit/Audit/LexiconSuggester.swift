/// Runs `govtag lexicon suggest`: finds, for each category, the n-grams most associated with its
/// labelled records that its lexicon lacks, ranked by the weighted log-odds z-score
/// (``WeightedLogOdds``).
///
/// Counts are of records, not occurrences: an n-gram counts once per record however often the
/// record repeats it, so one long record cannot make its pet phrase a candidate. Group i is the
/// records labelled with the category, group j the other records annotated in its dimension;
/// the prior is every record's counts.
///
/// Left out: n-grams in fewer than `minCount` of the category's records, n-grams with z ≤ 0,
/// n-grams that are a term of the category or contain one (its lexicon already labels those
/// records), and an n-gram contained in a better-ranked one with the same counts (it adds nothing
/// to the longer phrase). Ties rank the more category records first, then the longer n-gram.
package struct LexiconSuggester: Sendable {
  /// The compiled lexicons: their segmentation and their terms.
  package var model: ClassifierModel
  /// The field holding the labels.
  package var field: ReferenceLabels.Field
  /// Candidates per category.
  package var top: Int
  /// The fewest category records a candidate must occur in.
  package var minCount: Int
  /// Worker threads.
  package var jobs: Int

  /// Creates a suggester.
  ///
  /// - Parameters:
  ///   - model: the compiled lexicons.
  ///   - field: the field holding the labels (`manual`, or `gold` for a gold corpus).
  ///   - top: candidates per category.
  ///   - minCount: the fewest category records a candidate must occur in.
  ///   - jobs: worker threads, at least 1.
  package init(model: ClassifierModel, field: ReferenceLabels.Field, top: Int = 20, minCount: Int = 3, jobs: Int) {
    self.model = model
    self.field = field
    self.top = top
    self.minCount = minCount
    self.jobs = max(1, jobs)
  }

  /// Counts of one category.
  struct CategoryCounts {
    /// Records labelled with the category.
    var records = 0
    /// The sum of their distinct n-gram counts.
    var total = 0
    /// Per n-gram id: records containing it, and the example sentence (index into the sentence store).
    var grams: [Int: (count: Int, example: Int)] = [:]
  }

  /// Reads `inputs` and ranks the candidates.
  ///
  /// - Parameters:
  ///   - inputs: JSON Lines paths; `-` is standard input.
  ///   - onProblem: called for every skipped record and unreadable input, in input order.
  /// - Returns: the suggestions.
  /// - Throws: `GovTagError` when an input fails midway or ICU cannot start.
  package func suggest(inputs: [String], onProblem: (CorpusProblem) -> Void = { _ in }) throws -> LexiconSuggestions {
    let space = LabelSpace(model: model)
    let categories = space.categories
    var gramIDs: [String: Int] = [:]
    var grams: [String] = []
    var corpusCount: [Int] = []
    var corpusTotal = 0
    var dimensionCount = [[Int]](repeating: [], count: space.dimensions.count)
    var dimensionTotal = [Int](repeating: 0, count: space.dimensions.count)
    var dimensionRecords = [Int](repeating: 0, count: space.dimensions.count)
    var counts = [CategoryCounts](repeating: CategoryCounts(), count: categories.count)
    var sentences: [String] = []
    var records = 0
    let extractor = NGramExtractor()
    let reader = AnnotatedCorpusReader(model: model, field: field, jobs: jobs)
    let summary = try reader.run(
      inputs: inputs,
      job: { tagger, record in
        try extractor.extract(title: record.document.title, text: record.document.text, tagger: tagger)
      },
      consume: { record, extracted in
        records += 1
        var ids: [(id: Int, sentence: Int)] = []
        ids.reserveCapacity(extracted.grams.count)
        for (gram, sentence) in extracted.grams {
          let id: Int
          if let known = gramIDs[gram] {
            id = known
          } else {
            id = grams.count
            gramIDs[gram] = id
            grams.append(gram)
            corpusCount.append(0)
            for d in dimensionCount.indices { dimensionCount[d].append(0) }
          }
          corpusCount[id] += 1
          ids.append((id, sentence))
        }
        corpusTotal += ids.count
        var stored: [Int: Int] = [:]  // this record's sentence index → index in `sentences`
        var flat = 0
        for (d, dimension) in space.dimensions.enumerated() {
          defer { flat += dimension.categories.count }
          guard let assigned = record.labels.categories[dimension.id] else { continue }
          dimensionRecords[d] += 1
          dimensionTotal[d] += ids.count
          for (id, _) in ids { dimensionCount[d][id] += 1 }
          for (c, category) in dimension.categories.enumerated() where assigned.contains(category.id) {
            let k = flat + c
            counts[k].records += 1
            counts[k].total += ids.count
            for (id, sentence) in ids {
              if let index = counts[k].grams.index(forKey: id) {
                counts[k].grams.values[index].count += 1
                continue
              }
              let example: Int
              if let known = stored[sentence] {
                example = known
              } else {
                example = sentences.count
                stored[sentence] = example
                sentences.append(extracted.sentences[sentence])
              }
              counts[k].grams[id] = (1, example)
            }
          }
        }
      },
      onProblem: onProblem)

    // Which categories' terms each candidate contains, found in one pass over its bytes.
    let termMatcher = Self.termMatcher(space)
    var containedTerms: [Int: Set<Int>] = [:]
    func containsTerm(_ id: Int, of category: Int) -> Bool {
      if let known = containedTerms[id] { return known.contains(category) }
      var found: Set<Int> = []
      var gram = grams[id]
      gram.withUTF8 { bytes in
        termMatcher.automaton.forEachMatch(in: bytes) { _, _, pattern in found.formUnion(termMatcher.categories[pattern]) }
      }
      containedTerms[id] = found
      return found.contains(category)
    }

    var result: [LexiconSuggestions.Category] = []
    var flat = 0
    for (d, dimension) in space.dimensions.enumerated() {
      defer { flat += dimension.categories.count }
      for (c, category) in dimension.categories.enumerated() {
        let own = counts[flat + c]
        guard own.records > 0 else { continue }
        var candidates: [LexiconSuggestions.Candidate] = []
        for (id, tally) in own.grams where tally.count >= minCount {
          let countIn = tally.count
          if containsTerm(id, of: flat + c) { continue }
          let gram = grams[id]
          let countOut = dimensionCount[d][id] - countIn
          let statistic = WeightedLogOdds(
            countIn: Double(countIn), totalIn: Double(own.total), countOut: Double(countOut),
            totalOut: Double(dimensionTotal[d] - own.total), prior: Double(corpusCount[id]), priorTotal: Double(corpusTotal))
          guard statistic.z > 0 else { continue }
          candidates.append(
            .init(
              ngram: gram, statistic: statistic, countIn: countIn, countOut: countOut,
              example: sentences[tally.example]))
        }
        candidates.sort(by: Self.ranksBefore)
        var chosen: [LexiconSuggestions.Candidate] = []
        for candidate in candidates {
          if chosen.count >= top { break }
          let redundant = chosen.contains {
            $0.countIn == candidate.countIn && $0.countOut == candidate.countOut && $0.ngram.contains(candidate.ngram)
          }
          if !redundant { chosen.append(candidate) }
        }
        result.append(
          .init(
            category: category, recordsIn: own.records, recordsOut: dimensionRecords[d] - own.records, candidates: chosen))
      }
    }
    return LexiconSuggestions(
      field: field.name, lexiconVersion: model.rulesVersion, inputs: inputs, records: records, minCount: minCount,
      categories: result, summary: summary)
  }

  /// An automaton of every category's terms, and for each pattern the flat indexes (into
  /// `space.categories`) of the categories that have it as a term.
  static func termMatcher(_ space: LabelSpace) -> (automaton: KeywordAutomaton, categories: [Set<Int>]) {
    var builder = KeywordAutomaton.Builder()
    var categories: [Set<Int>] = []
    for (index, category) in space.categories.enumerated() {
      for term in category.terms.sorted() {
        let pattern = builder.add(Array(term.utf8))
        if pattern == categories.count { categories.append([]) }
        categories[pattern].insert(index)
      }
    }
    return (builder.build(), categories)
  }

  /// Higher z first, then more category records, then the longer n-gram, then the n-gram.
  static func ranksBefore(_ a: LexiconSuggestions.Candidate, _ b: LexiconSuggestions.Candidate) -> Bool {
    if a.statistic.z != b.statistic.z { return a.statistic.z > b.statistic.z }
    if a.countIn != b.countIn { return a.countIn > b.countIn }
    let (lengthA, lengthB) = (a.ngram.unicodeScalars.count, b.ngram.unicodeScalars.count)
    if lengthA != lengthB { return lengthA > lengthB }
    return a.ngram < b.ngram
  }
}

extension CalibrationFitter {
  /// Fits the audit's ``LabelContextModel``: the co-occurrence counts of the gold labels, and per
  /// dimension a logistic regression from the curves' held-out confidence, the number of the
  /// record's other labels in the dimension and their co-occurrence evidence, to the gold answer.
  ///
  /// Every input of a record comes from the folds it is not in (its confidence is the curves'
  /// held-out probability; its co-occurrence evidence is counted without its fold), so the
  /// coefficients weigh each input as it will be on records the model never saw.
  ///
  /// - Parameters:
  ///   - dimensions: the examples, in the lexicons' order.
  ///   - heldOut: the curves' held-out probabilities, one per dimension of `dimensions`.
  ///   - recordCount: how many gold records there are.
  ///   - fold: each record's fold.
  /// - Returns: the model, or `nil` when no record annotates every dimension.
  func fitLabelContext(
    _ dimensions: [DimensionExamples], heldOut: [HeldOut], recordCount: Int, fold: [Int]
  ) -> LabelContextModel? {
    // Each record's gold labels per annotated dimension.
    var labels = [[String: Set<String>]](repeating: [:], count: recordCount)
    for data in dimensions {
      for (record, examples) in data.records {
        labels[record][data.dimension] = Set(zip(data.categories, examples).filter { $0.1.applies }.map(\.0))
      }
    }
    // Co-occurrence counts over the records that annotate every dimension, in total and per fold.
    struct Counts {
      var records = 0
      var labels: [String: Int] = [:]
      var pairs: [String: [String: Int]] = [:]
    }
    var total = Counts()
    var byFold = [Counts](repeating: Counts(), count: folds)
    for record in 0..<recordCount where labels[record].count == dimensions.count {
      let present = labels[record].flatMap { dimension, categories in categories.map { "\(dimension).\($0)" } }
      for k in [nil, fold[record]] as [Int?] {
        func add(_ counts: inout Counts) {
          counts.records += 1
          for label in present {
            counts.labels[label, default: 0] += 1
            for other in present where other != label { counts.pairs[label, default: [:]][other, default: 0] += 1 }
          }
        }
        if let k { add(&byFold[k]) } else { add(&total) }
      }
    }
    guard total.records > 0 else { return nil }
    let columns = LabelContextModel.featureNames.count + 1
    let regression = LogisticRegression(columns: columns)
    let prior = [Double](repeating: 0, count: columns)
    let penalty = [1e-4] + [Double](repeating: LabelContextModel.penalty, count: columns - 1)
    var fitted: [LabelContextModel.Dimension] = []
    for (data, held) in zip(dimensions, heldOut) {
      var rows: [Double] = []
      var answers: [Double] = []
      for (r, (record, examples)) in data.records.enumerated() {
        let k = fold[record]
        let records = Double(total.records - byFold[k].records)
        for (c, example) in examples.enumerated() {
          let label = "\(data.dimension).\(data.categories[c])"
          let evidence = LabelContextModel.coOccurrence(
            of: label, labels: labels[record], records: records,
            count: { (total.labels[$0] ?? 0) - (byFold[k].labels[$0] ?? 0) },
            pair: { (total.pairs[$0]?[$1] ?? 0) - (byFold[k].pairs[$0]?[$1] ?? 0) })
          let others = labels[record][data.dimension]?.subtracting([data.categories[c]]).count ?? 0
          rows +=
            [1] + LabelContextModel.inputs(confidence: held.probabilities[r][c], otherLabels: others, coOccurrence: evidence)
          answers.append(example.applies ? 1 : 0)
        }
      }
      guard !answers.isEmpty else { continue }
      let beta = regression.fit(rows: rows, labels: answers, prior: prior, penalty: penalty).map(CalibrationModel.stored)
      fitted.append(LabelContextModel.Dimension(id: data.dimension, intercept: beta[0], coefficients: Array(beta.dropFirst())))
    }
    return LabelContextModel(
      records: total.records, labelCounts: total.labels, pairCounts: total.pairs, dimensions: fitted)
  }
}

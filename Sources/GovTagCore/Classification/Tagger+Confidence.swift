import Foundation

extension Tagger {
  /// Fills in every score's ``Classification/CategoryScore/features`` and, when the model is
  /// calibrated, its confidence; then, for a dimension whose calibration assigns by confidence,
  /// the labels; and the review reasons from the confidences (``ClassifierConfiguration/reviewBand``).
  ///
  /// One pass over the evidence into per-tagger counters (reset after), then one over the
  /// categories: no allocation per category, so calibrated runs cost about what uncalibrated
  /// ones do.
  func attachConfidence(to classification: inout Classification) {
    let categoryCount = model.categoryCount
    // The per-tagger counters move into locals for the record: one exclusivity check each,
    // not one per hit (they are stored properties of a class).
    var terms: [Int32] = []
    var titleHits: [Int32] = []
    var nearMisses: [Int32] = []
    var termSeen: [Bool] = []
    var seenList: [Int32] = []
    swap(&terms, &featureTerms)
    swap(&titleHits, &featureTitleHits)
    swap(&nearMisses, &featureNearMisses)
    swap(&termSeen, &featureTermSeen)
    swap(&seenList, &featureSeenList)
    defer {
      for category in 0..<categoryCount {
        terms[category] = 0
        titleHits[category] = 0
        nearMisses[category] = 0
      }
      for term in seenList { termSeen[Int(term)] = false }
      seenList.removeAll(keepingCapacity: true)
      swap(&terms, &featureTerms)
      swap(&titleHits, &featureTitleHits)
      swap(&nearMisses, &featureNearMisses)
      swap(&termSeen, &featureTermSeen)
      swap(&seenList, &featureSeenList)
    }
    if terms.count < categoryCount {
      terms = [Int32](repeating: 0, count: categoryCount)
      titleHits = terms
      nearMisses = terms
    }
    if termSeen.count < model.termCount { termSeen = [Bool](repeating: false, count: model.termCount) }
    classification.evidence.withUnsafeBufferPointer { hits in
      for index in hits.indices {
        let category = hits[index].categoryIndex
        if hits[index].status.counts {
          let term = hits[index].termIndex
          if !termSeen[term] {
            termSeen[term] = true
            seenList.append(Int32(term))
            terms[category] += 1
          }
          if hits[index].field == .title { titleHits[category] += 1 }
        } else if hits[index].status.isReportedByDefault {
          // Hits across a word boundary or inside a longer term are left out: a batch run does
          // not always collect them, and the features must not depend on --evidence.
          nearMisses[category] += 1
        }
      }
    }
    let weights = model.curveWeights
    let hasCurve = model.hasCurve
    let byConfidence = model.labelsByConfidence
    let stride = ConfidenceFeatures.count + 1
    let calibrated = model.calibration != nil
    for d in classification.dimensions.indices {
      let base = model.categoryBase[d]
      var top = 0.0
      for score in classification.dimensions[d].scores { top = max(top, score.score) }
      var relabel = false
      for c in classification.dimensions[d].scores.indices {
        let score = classification.dimensions[d].scores[c].score
        let threshold = classification.dimensions[d].scores[c].threshold
        let assigned = classification.dimensions[d].scores[c].assigned
        let features = ConfidenceFeatures(
          scoreOverThreshold: threshold > 0 ? score / threshold : 0, shareOfTop: top > 0 ? score / top : 0,
          distinctTerms: Int(terms[base + c]), titleHits: Int(titleHits[base + c]), nearMisses: Int(nearMisses[base + c]),
          assigned: assigned)
        classification.dimensions[d].scores[c].features = features
        guard calibrated, hasCurve[base + c] else { continue }
        var z = weights[(base + c) * stride]
        for feature in 0..<ConfidenceFeatures.count { z += weights[(base + c) * stride + 1 + feature] * features.value(feature) }
        let confidence = LogisticRegression.sigmoid(z)
        classification.dimensions[d].scores[c].confidence = confidence
        if byConfidence[base + c], (confidence >= 0.5) != assigned {
          classification.dimensions[d].scores[c].assigned = confidence >= 0.5
          relabel = true
        }
      }
      if relabel {
        classification.dimensions[d].labels = classification.dimensions[d].scores.filter(\.assigned)
          .sorted { ($1.score, $0.category) < ($0.score, $1.category) }.map(\.category)
      }
    }
    // Curves may have relabelled a dimension that implies another's category (technology's gis
    // or digital_twin imply innovation's technology): settle the implications on the final labels.
    if calibrated, model.hasImplications {
      var unused: [Review.Reason] = []
      Self.applyImplications(of: model.lexicons, to: &classification.dimensions, reasons: &unused)
    }
    if calibrated { classification.review = confidenceReview(classification) }
  }

  /// The review reasons of a calibrated classification: no capability; an assigned label below
  /// the band's upper bound, or a category that scored or nearly did above its lower bound; a
  /// short text (kept from the threshold review).
  func confidenceReview(_ classification: Classification) -> Review {
    let band = model.configuration.reviewBand
    var reasons: [Review.Reason] = []
    if let capability = classification.dimensions.first(where: { $0.dimension == "capability" }), capability.labels.isEmpty {
      reasons.append(
        Review.Reason(code: "no_capability", category: nil, message: "no capability is assigned"))
    }
    for (d, result) in classification.dimensions.enumerated() where model.reviewsDimension[d] {
      let top = result.scores.reduce(0) { max($0, $1.score) }
      let floor = Self.rounded(top * model.lexicons.dimensions[d].relativeThreshold)
      for score in result.scores {
        guard let confidence = score.confidence else { continue }
        let uncertain = score.assigned ? confidence < band.upperBound : (score.reportsConfidence && confidence > band.lowerBound)
        guard uncertain else { continue }
        let bound = score.assigned ? band.upperBound : band.lowerBound
        let (figure, boundFigure) = Self.formatApart(confidence, from: bound)
        var scored = "score \(Self.format(score.score)) of threshold \(Self.format(score.threshold))"
        if !score.assigned, score.score >= score.threshold, score.score < floor {
          // Reaching the threshold is not enough when the relative rule keeps the category out.
          scored +=
            ", kept out by the relative rule: below \(Self.format(floor)), \(Self.format(model.lexicons.dimensions[d].relativeThreshold * 100))% of the top score \(Self.format(top))"
        }
        let message =
          score.assigned
          ? "\(score.category) is assigned (\(scored)) but its confidence is only \(figure), below \(boundFigure)"
          : "\(score.category) is not assigned (\(scored)) but its confidence is \(figure), above \(boundFigure)"
        reasons.append(
          Review.Reason(code: "uncertain_confidence", category: "\(result.dimension).\(score.category)", message: message))
      }
    }
    reasons += classification.review.reasons.filter { $0.code == "short_text" }
    return Review(reasons: reasons)
  }

  /// A confidence and the bound it is compared with, with as many decimals as it takes to tell
  /// them apart (two, the usual, then up to six): 0.796 against 0.8 reads "0.796, below 0.800",
  /// not "0.80, below 0.80".
  package static func formatApart(_ value: Double, from bound: Double) -> (value: String, bound: String) {
    var digits = 2
    while true {
      let pair = (formatConfidence(value, digits: digits), formatConfidence(bound, digits: digits))
      if pair.0 != pair.1 || digits == 6 { return pair }
      digits += 1
    }
  }

  /// A confidence as people read it: two decimals by default (`0.97`, `0.50`).
  package static func formatConfidence(_ value: Double, digits: Int = 2) -> String {
    // What String(format: "%.2f") prints, without Foundation's formatter on the per-record path:
    // printf rounds the exact binary value to the last digit, ties to even. The product's rounding
    // error (one fused multiply-add) says on which side of a tie the exact value lies.
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    guard value.isFinite, value >= 0, value < 1e6 else { return String(format: "%.\(digits)f", value) }
    let product = value * scale
    let error = (-product).addingProduct(value, scale)  // the exact product is product + error
    var units = product.rounded(.down)
    let fraction = product - units
    if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && Int(units) % 2 == 1))) { units += 1 }
    let whole = Int(units)
    let unit = Int(scale)
    var rest = String(whole % unit)
    while rest.count < digits { rest = "0" + rest }
    return "\(whole / unit)." + rest
  }
}

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
    if featureTerms.count < model.categoryCount {
      featureTerms = [Int32](repeating: 0, count: model.categoryCount)
      featureTitleHits = featureTerms
      featureNearMisses = featureTerms
    }
    if featureTermSeen.count < model.termCount { featureTermSeen = [Bool](repeating: false, count: model.termCount) }
    for hit in classification.evidence {
      let category = hit.categoryIndex
      if hit.status.counts {
        if !featureTermSeen[hit.termIndex] {
          featureTermSeen[hit.termIndex] = true
          featureTerms[category] += 1
        }
        if hit.field == .title { featureTitleHits[category] += 1 }
      } else if hit.status.isReportedByDefault {
        // Hits across a word boundary or inside a longer term are left out: a batch run does
        // not always collect them, and the features must not depend on --evidence.
        featureNearMisses[category] += 1
      }
    }
    defer {
      for hit in classification.evidence {
        featureTermSeen[hit.termIndex] = false
        featureTerms[hit.categoryIndex] = 0
        featureTitleHits[hit.categoryIndex] = 0
        featureNearMisses[hit.categoryIndex] = 0
      }
    }
    let calibrated = model.calibration != nil
    for d in classification.dimensions.indices {
      let base = model.categoryBase[d]
      var top = 0.0
      for score in classification.dimensions[d].scores { top = max(top, score.score) }
      var relabel = false
      for c in classification.dimensions[d].scores.indices {
        let score = classification.dimensions[d].scores[c]
        let features = ConfidenceFeatures(
          scoreOverThreshold: score.threshold > 0 ? score.score / score.threshold : 0,
          shareOfTop: top > 0 ? score.score / top : 0, distinctTerms: Int(featureTerms[base + c]),
          titleHits: Int(featureTitleHits[base + c]), nearMisses: Int(featureNearMisses[base + c]),
          assigned: score.assigned)
        classification.dimensions[d].scores[c].features = features
        guard calibrated, let curve = model.curves[base + c] else { continue }
        let confidence = curve.probability(features)
        classification.dimensions[d].scores[c].confidence = confidence
        if model.labelsByConfidence[base + c], (confidence >= 0.5) != score.assigned {
          classification.dimensions[d].scores[c].assigned = confidence >= 0.5
          relabel = true
        }
      }
      if relabel {
        classification.dimensions[d].labels = classification.dimensions[d].scores.filter(\.assigned)
          .sorted { ($1.score, $0.category) < ($0.score, $1.category) }.map(\.category)
      }
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
        let figure = Self.formatConfidence(confidence)
        var scored = "score \(Self.format(score.score)) of threshold \(Self.format(score.threshold))"
        if !score.assigned, score.score >= score.threshold, score.score < floor {
          // Reaching the threshold is not enough when the relative rule keeps the category out.
          scored += ", kept out by the relative rule: below \(Self.format(floor)), \(Self.format(model.lexicons.dimensions[d].relativeThreshold * 100))% of the top score \(Self.format(top))"
        }
        let message =
          score.assigned
          ? "\(score.category) is assigned (\(scored)) but its confidence is only \(figure), below \(Self.formatConfidence(band.upperBound))"
          : "\(score.category) is not assigned (\(scored)) but its confidence is \(figure), above \(Self.formatConfidence(band.lowerBound))"
        reasons.append(Review.Reason(code: "uncertain_confidence", category: "\(result.dimension).\(score.category)", message: message))
      }
    }
    reasons += classification.review.reasons.filter { $0.code == "short_text" }
    return Review(reasons: reasons)
  }

  /// A confidence as people read it: two decimals (`0.97`, `0.50`).
  static func formatConfidence(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Renders a classification for a person: labels, scores against thresholds, and every hit with
/// why it did or did not count.
package struct ExplainRenderer {
  /// The model whose thresholds and names are shown.
  package let model: ClassifierModel

  /// Creates a renderer.
  package init(model: ClassifierModel) { self.model = model }

  /// The explanation as plain text.
  package func render(title: String?, text: String, classification: Classification) -> String {
    var lines: [String] = []
    let length = text.unicodeScalars.count
    lines.append("Text: \(length) characters" + (title.map { ", title \"\($0)\"" } ?? ""))
    lines.append("")
    lines.append("Labels")
    for result in classification.dimensions {
      let names = result.labels.map { id in "\(id) (\(name(result.dimension, id)))" }
      lines.append("  \(pad(result.dimension, 14)) \(names.isEmpty ? "—" : names.joined(separator: ", "))")
    }
    lines.append("")
    let calibrated = classification.dimensions.contains { $0.scores.contains { $0.confidence != nil } }
    lines.append(calibrated ? "Scores (score / threshold, confidence that the category applies)" : "Scores (score / threshold)")
    for (d, result) in classification.dimensions.enumerated() {
      let top = result.scores.reduce(0) { max($0, $1.score) }
      for score in result.scores where score.score > 0 || score.reportsConfidence || score.assigned {
        let mark = score.assigned ? "✓" : " "
        var body =
          "\(pad(result.dimension + "." + score.category, 40)) \(pad(Tagger.format(score.score), 6)) / \(Tagger.format(score.threshold))"
        if let confidence = score.confidence { body = pad(body, 52) + "  " + Tagger.formatConfidence(confidence) }
        var line = "  \(mark) " + body
        let why = decision(score, dimension: d, top: top)
        if !why.isEmpty { line += "  " + why }
        line += implication(score)
        lines.append(line)
      }
    }
    let counted = classification.evidence.filter { $0.status.counts }
    let suppressed = classification.evidence.filter { !$0.status.counts }
    lines.append("")
    lines.append("Hits that counted (\(counted.count))")
    for hit in counted {
      lines.append(
        "  \(pad(hit.dimension + "." + hit.category, 40)) \(hit.term)  +\(Tagger.format(hit.contribution))  \(hit.field.rawValue) [\(hit.start),\(hit.end))  …\(hit.context)…  (\(hit.source))"
      )
    }
    if !suppressed.isEmpty {
      lines.append("")
      lines.append("Hits that did not count (\(suppressed.count))")
      for hit in suppressed {
        lines.append(
          "  \(pad(hit.dimension + "." + hit.category, 40)) \(hit.term)  \(hit.field.rawValue) [\(hit.start),\(hit.end))  …\(hit.context)…  — \(hit.status.explanation ?? "") (\(hit.source))"
        )
      }
    }
    lines.append("")
    if classification.review.needsReview {
      lines.append("Needs review")
      for reason in classification.review.reasons { lines.append("  - \(reason.message) [\(reason.code)]") }
    } else {
      lines.append("No review needed")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `  implied by technology.ai, technology.iot` for a category another dimension assigned.
  private func implication(_ score: Classification.CategoryScore) -> String {
    score.impliedBy.isEmpty ? "" : "  implied by " + score.impliedBy.joined(separator: ", ")
  }

  /// Why a category is in or out, when thresholds alone do not say: every rule that kept it out
  /// (its threshold, the dimension's relative threshold, a confidence below 0.5), or that it was
  /// assigned by confidence below its threshold.
  private func decision(_ score: Classification.CategoryScore, dimension d: Int, top: Double) -> String {
    let dimension = model.lexicons.dimensions[d]
    let byConfidence = model.calibration?.curve(dimension.id, score.category)?.labelRule == .confidence
    if score.assigned {
      return byConfidence && score.score < score.threshold
        ? "assigned: confidence ≥ 0.5 (labels by confidence), though below its threshold" : ""
    }
    var rules: [String] = []
    if byConfidence, let confidence = score.confidence {
      let (figure, bound) = Tagger.formatApart(confidence, from: 0.5)
      rules.append("confidence \(figure) below \(bound) (labels by confidence)")
    } else {
      if score.score == 0 {
        rules.append("no hit counted")
      } else if score.score < score.threshold {
        rules.append("below its threshold \(Tagger.format(score.threshold))")
      }
      let floor = Tagger.rounded(top * dimension.relativeThreshold)
      if dimension.relativeThreshold > 0, score.score < floor {
        rules.append(
          "relative rule: below \(Tagger.format(floor)), \(Tagger.format(dimension.relativeThreshold * 100))% of the top \(dimension.id) score \(Tagger.format(top))"
        )
      }
    }
    return rules.isEmpty ? "" : "kept out: " + rules.joined(separator: "; ")
  }

  private func name(_ dimension: String, _ category: String) -> String {
    model.lexicons.dimensions.first { $0.id == dimension }?.categories.first { $0.id == category }?.name ?? category
  }

  /// Pads to a display width, counting CJK characters as two columns (as ``TextTable`` does).
  private func pad(_ text: String, _ width: Int) -> String {
    let columns = TextTable.width(text)
    return columns >= width ? text : text + String(repeating: " ", count: width - columns)
  }
}

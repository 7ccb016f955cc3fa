/// Renders a classification for a person: labels, scores against thresholds, and every hit with
/// why it did or did not count.
public struct ExplainRenderer {
  /// The model whose thresholds and names are shown.
  public let model: ClassifierModel

  /// Creates a renderer.
  public init(model: ClassifierModel) { self.model = model }

  /// The explanation as plain text.
  public func render(title: String?, text: String, classification: Classification) -> String {
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
    lines.append("Scores (score / threshold)")
    for result in classification.dimensions {
      for score in result.scores where score.score > 0 {
        let mark = score.assigned ? "✓" : " "
        lines.append(
          "  \(mark) \(pad(result.dimension + "." + score.category, 40)) \(pad(Tagger.format(score.score), 6)) / \(Tagger.format(score.threshold))"
            + implication(score)
        )
      }
      for score in result.scores where score.score <= 0 && !score.impliedBy.isEmpty {
        lines.append(
          "  ✓ \(pad(result.dimension + "." + score.category, 40)) \(pad("0", 6)) / \(Tagger.format(score.threshold))"
            + implication(score))
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
      for reason in classification.review.reasons { lines.append("  - \(reason.message)") }
    } else {
      lines.append("No review needed")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `  implied by technology.ai, technology.iot` for a category another dimension assigned.
  private func implication(_ score: Classification.CategoryScore) -> String {
    score.impliedBy.isEmpty ? "" : "  implied by " + score.impliedBy.joined(separator: ", ")
  }

  private func name(_ dimension: String, _ category: String) -> String {
    model.lexicons.dimensions.first { $0.id == dimension }?.categories.first { $0.id == category }?.name ?? category
  }

  /// Pads to a display width, counting CJK characters as two columns.
  private func pad(_ text: String, _ width: Int) -> String {
    let columns = text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    return columns >= width ? text : text + String(repeating: " ", count: width - columns)
  }
}

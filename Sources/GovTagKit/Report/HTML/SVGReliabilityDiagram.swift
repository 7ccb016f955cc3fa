/// A reliability diagram: GovTag's confidences in ten bins against how often the reference
/// labels (gold or manual) have the category, one panel per dimension; a calibrated GovTag keeps
/// its points on the diagonal.
///
/// Counts only the categories a record lists under `confidence` (those that scored or nearly
/// did); the rest, with low confidences, would crowd the first bin.
struct SVGReliabilityDiagram {
  /// One panel's bins: predictions, summed confidence, and how many the reference labels have.
  struct Panel {
    var dimension: String
    var counts = [Int](repeating: 0, count: 10)
    var sums = [Double](repeating: 0, count: 10)
    var positives = [Int](repeating: 0, count: 10)
  }

  private(set) var panels: [Panel] = []

  /// Collects the records that have both confidences and reference labels.
  init(records: [LabelledRecord], dimensions: [String]) {
    for dimension in dimensions {
      var panel = Panel(dimension: dimension)
      for record in records {
        guard let reference = record.reference?.categories[dimension], let values = record.confidence[dimension] else { continue }
        for (category, confidence) in values {
          let bin = min(9, max(0, Int(confidence * 10)))
          panel.counts[bin] += 1
          panel.sums[bin] += confidence
          if reference.contains(category) { panel.positives[bin] += 1 }
        }
      }
      if panel.counts.reduce(0, +) > 0 { panels.append(panel) }
    }
  }

  /// Whether there is anything to draw.
  var isEmpty: Bool { panels.isEmpty }

  /// The panels as one `<svg>`.
  func node() -> HTMLNode {
    let size = 200.0
    let gap = 40.0
    let left = 40.0
    let top = 24.0
    let width = left + Double(panels.count) * (size + gap)
    let height = top + size + 44
    let title = "可靠性 Reliability: confidence against the reference labels"
    var children: [HTMLNode] = [.element("title", text: title)]
    for (index, panel) in panels.enumerated() {
      let x0 = left + Double(index) * (size + gap)
      func x(_ value: Double) -> String { SVGBarChart.number(x0 + value * size) }
      func y(_ value: Double) -> String { SVGBarChart.number(top + (1 - value) * size) }
      children.append(
        .element("text", ["class": "axis-title", "x": x(0.5), "y": "16", "text-anchor": "middle"], text: panel.dimension))
      children.append(
        .element(
          "rect",
          [
            "class": "frame", "x": x(0), "y": y(1), "width": SVGBarChart.number(size), "height": SVGBarChart.number(size),
            "fill": "none", "stroke": "#999",
          ]))
      children.append(
        .element(
          "line", ["class": "grid", "x1": x(0), "y1": y(0), "x2": x(1), "y2": y(1), "stroke": "#bbb", "stroke-dasharray": "4 3"]))
      for tick in [0.0, 0.5, 1.0] {
        children.append(
          .element(
            "text", ["class": "tick", "x": x(tick), "y": SVGBarChart.number(top + size + 14), "text-anchor": "middle"],
            text: NumberText.fixed(tick, digits: 1)))
        children.append(
          .element(
            "text",
            [
              "class": "tick", "x": SVGBarChart.number(x0 - 4), "y": SVGBarChart.number(top + (1 - tick) * size + 4),
              "text-anchor": "end",
            ], text: NumberText.fixed(tick, digits: 1)))
      }
      var points: [String] = []
      let largest = Double(panel.counts.max() ?? 1)
      for bin in 0..<10 where panel.counts[bin] > 0 {
        let mean = panel.sums[bin] / Double(panel.counts[bin])
        let rate = Double(panel.positives[bin]) / Double(panel.counts[bin])
        points.append("\(x(mean)),\(y(rate))")
        let radius = 2.5 + 5.5 * (Double(panel.counts[bin]) / largest).squareRoot()
        children.append(
          .element(
            name: "circle",
            attributes: [
              HTMLAttribute("cx", x(mean)), HTMLAttribute("cy", y(rate)), HTMLAttribute("r", SVGBarChart.number(radius)),
              HTMLAttribute("fill", "#3b6ea5"), HTMLAttribute("fill-opacity", "0.7"),
            ],
            children: [
              .element(
                "title",
                text:
                  "\(panel.dimension): \(panel.counts[bin]) predictions with mean confidence \(NumberText.fixed(mean, digits: 2)); the reference labels have \(NumberText.fixed(rate * 100, digits: 0))% of them"
              )
            ]))
      }
      children.append(.element("polyline", ["points": points.joined(separator: " "), "fill": "none", "stroke": "#3b6ea5"]))
      children.append(
        .element(
          "text", ["class": "axis-title", "x": x(0.5), "y": SVGBarChart.number(top + size + 34), "text-anchor": "middle"],
          text: "confidence"))
    }
    return .element(
      name: "svg",
      attributes: [
        HTMLAttribute("class", "chart"),
        HTMLAttribute("viewBox", "0 0 \(SVGBarChart.number(width)) \(SVGBarChart.number(height))"),
        HTMLAttribute("role", "img"), HTMLAttribute("aria-label", title),
      ],
      children: children)
  }
}

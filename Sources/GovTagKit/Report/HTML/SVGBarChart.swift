/// A bar chart as inline SVG: grouped bars (one bar per series in each group) or stacked bars
/// (the series stacked to 100% in each group), with the value on every bar, axis labels, a
/// legend, and a tooltip (`<title>`) per bar.
///
/// Values are shares (0.25 is 25%) and are labelled as whole percentages. The chart is a
/// ``HTMLNode`` tree, so every label is escaped, and it scales to its container through its
/// `viewBox`. Text inherits the page's CJK font stack.
package struct SVGBarChart: Sendable {
  /// How series are drawn.
  package enum Layout: Sendable {
    /// Side by side in each group; the y axis ends at the largest value, rounded up.
    case grouped
    /// On top of each other in each group, up to 100%.
    case stacked
  }

  /// One series: a name for the legend, a colour, and one value per group.
  package struct Series: Sendable {
    /// The legend's text.
    package var name: String
    /// A CSS colour.
    package var color: String
    /// The share per group, `nil` where there is no data.
    package var values: [Double?]
    /// The tooltip per group (`2023 · 公共服务: 5 of 12 cases`); empty for none.
    package var tooltips: [String]

    /// Creates a series.
    package init(name: String, color: String, values: [Double?], tooltips: [String] = []) {
      self.name = name
      self.color = color
      self.values = values
      self.tooltips = tooltips
    }
  }

  /// What the chart shows, for screen readers and the SVG's `<title>`.
  package var title: String
  /// The group labels along the x axis.
  package var groups: [String]
  /// The series.
  package var series: [Series]
  /// Grouped or stacked.
  package var layout: Layout
  /// The x axis title.
  package var xAxisLabel: String
  /// The y axis title.
  package var yAxisLabel: String
  /// The drawing's width in SVG units (see ``preferredWidth``).
  package var width: Double = 700
  /// The drawing's height in SVG units.
  package var height: Double = 330

  /// Creates a chart.
  package init(title: String, groups: [String], series: [Series], layout: Layout, xAxisLabel: String, yAxisLabel: String) {
    self.title = title
    self.groups = groups
    self.series = series
    self.layout = layout
    self.xAxisLabel = xAxisLabel
    self.yAxisLabel = yAxisLabel
  }

  /// 700 units (half a laptop screen) when every grouped bar can be about 18 units wide in it
  /// (every stacked bar 40), else 1240 (the whole width): room for many years.
  package var preferredWidth: Double {
    let needed: Double =
      switch layout {
      case .grouped: Double(groups.count) * (Double(series.count) * 18 + 20) + 60
      case .stacked: Double(groups.count) * 64 + 60
      }
    return needed <= 700 ? 700 : 1240
  }

  // MARK: - Geometry

  private var left: Double { 52 }
  private var right: Double { 8 }
  private var top: Double { 30 + 20 * Double(legendRows) }
  private var bottom: Double { 68 }
  private var plotWidth: Double { width - left - right }
  private var plotHeight: Double { height - top - bottom }

  /// The top of the y axis: 100% for stacked bars; for grouped bars the largest value rounded
  /// up to a multiple of 10%, at least 10%.
  var axisMaximum: Double {
    guard layout == .grouped else { return 1 }
    let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
    return min(1, max(0.1, (largest * 10 - 1e-9).rounded(.up) / 10))
  }

  private func y(_ share: Double) -> Double { top + plotHeight * (1 - share / axisMaximum) }

  // MARK: - Rendering

  /// The chart as an `<svg>` element.
  package func node() -> HTMLNode {
    var children: [HTMLNode] = [.element("title", text: title)]
    children += axes()
    children += bars()
    children += legend()
    return .element(
      name: "svg",
      attributes: [
        HTMLAttribute("class", "chart"), HTMLAttribute("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
        HTMLAttribute("role", "img"), HTMLAttribute("aria-label", title),
      ],
      children: children)
  }

  private func axes() -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    let step = axisMaximum > 0.5 ? 0.2 : 0.1
    var tick = 0.0
    while tick <= axisMaximum + 1e-9 {
      let position = Self.number(y(tick))
      nodes.append(
        .element(
          "line",
          ["class": "grid", "x1": Self.number(left), "x2": Self.number(width - right), "y1": position, "y2": position]))
      nodes.append(
        .element(
          "text", ["class": "tick", "x": Self.number(left - 6), "y": Self.number(y(tick) + 4), "text-anchor": "end"],
          text: NumberText.fixed(tick * 100, digits: 0) + "%"))
      tick += step
    }
    nodes.append(
      .element(
        "line",
        [
          "class": "axis", "x1": Self.number(left), "x2": Self.number(width - right), "y1": Self.number(y(0)),
          "y2": Self.number(y(0)),
        ]))
    let groupWidth = plotWidth / Double(max(groups.count, 1))
    for (index, group) in groups.enumerated() {
      let x = Self.number(left + groupWidth * (Double(index) + 0.5))
      let lines = Self.wrap(group, width: groupWidth - 6, size: 13)
      nodes.append(
        .element(
          name: "text",
          attributes: [
            HTMLAttribute("class", "group-label"), HTMLAttribute("x", x), HTMLAttribute("y", Self.number(y(0) + 18)),
            HTMLAttribute("text-anchor", "middle"),
          ],
          children: lines.enumerated().map { number, line in
            .element("tspan", ["x": x, "dy": number == 0 ? "0" : "15"], text: line)
          }))
    }
    nodes.append(
      .element(
        "text",
        [
          "class": "axis-title", "x": Self.number(left + plotWidth / 2), "y": Self.number(height - 10),
          "text-anchor": "middle",
        ], text: xAxisLabel))
    let middle = Self.number(top + plotHeight / 2)
    nodes.append(
      .element(
        "text",
        [
          "class": "axis-title", "x": "16", "y": middle, "text-anchor": "middle",
          "transform": "rotate(-90 16 \(middle))",
        ], text: yAxisLabel))
    return nodes
  }

  private func bars() -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    let groupWidth = plotWidth / Double(max(groups.count, 1))
    switch layout {
    case .grouped:
      let barWidth = groupWidth * 0.82 / Double(max(series.count, 1))
      // Too narrow for a number even turned on its side: the tooltip still has it.
      let labelled = barWidth >= 12
      for groupIndex in groups.indices {
        let start = left + groupWidth * Double(groupIndex) + groupWidth * 0.09
        for (seriesIndex, item) in series.enumerated() {
          guard groupIndex < item.values.count, let value = item.values[groupIndex] else { continue }
          let x = start + barWidth * Double(seriesIndex)
          let barTop = y(value)
          nodes.append(bar(x: x, y: barTop, width: barWidth - 2, height: y(0) - barTop, item: item, group: groupIndex))
          guard labelled else { continue }
          let label = NumberText.fixed(value * 100, digits: 0) + "%"
          let centre = x + (barWidth - 2) / 2
          if Self.textWidth(label, size: 11.5) + 2 > barWidth {
            nodes.append(
              .element(
                "text",
                [
                  "class": "value", "x": Self.number(centre + 3.5), "y": Self.number(barTop - 4), "text-anchor": "start",
                  "transform": "rotate(-90 \(Self.number(centre + 3.5)) \(Self.number(barTop - 4)))",
                ], text: label))
          } else {
            nodes.append(
              .element(
                "text",
                ["class": "value", "x": Self.number(centre), "y": Self.number(barTop - 4), "text-anchor": "middle"],
                text: label))
          }
        }
      }
    case .stacked:
      let barWidth = min(groupWidth * 0.6, 120)
      for groupIndex in groups.indices {
        let x = left + groupWidth * (Double(groupIndex) + 0.5) - barWidth / 2
        var cumulative = 0.0
        for item in series {
          guard groupIndex < item.values.count, let value = item.values[groupIndex], value > 0 else { continue }
          let upper = y(cumulative + value)
          let lower = y(cumulative)
          nodes.append(bar(x: x, y: upper, width: barWidth, height: lower - upper, item: item, group: groupIndex))
          if lower - upper >= 14 {
            nodes.append(
              .element(
                "text",
                [
                  "class": "value inside", "x": Self.number(x + barWidth / 2), "y": Self.number((upper + lower) / 2 + 4),
                  "text-anchor": "middle",
                ], text: NumberText.fixed(value * 100, digits: 0) + "%"))
          }
          cumulative += value
        }
      }
    }
    return nodes
  }

  private func bar(x: Double, y: Double, width: Double, height: Double, item: Series, group: Int) -> HTMLNode {
    let tooltip = group < item.tooltips.count ? item.tooltips[group] : "\(groups[group]) · \(item.name)"
    return .element(
      "rect",
      [
        "x": Self.number(x), "y": Self.number(y), "width": Self.number(max(width, 0)),
        "height": Self.number(max(height, 0)), "fill": item.color,
      ], [.element("title", text: tooltip)])
  }

  /// Where each legend entry goes: its x and its row, wrapping rows at the drawing's width.
  private var legendPositions: [(x: Double, row: Int)] {
    var positions: [(x: Double, row: Int)] = []
    var x = left
    var row = 0
    for item in series {
      let itemWidth = 20 + Self.textWidth(item.name, size: 13)
      if x > left, x + itemWidth > width - right {
        x = left
        row += 1
      }
      positions.append((x, row))
      x += itemWidth + 22
    }
    return positions
  }

  private var legendRows: Int { (legendPositions.last?.row ?? 0) + 1 }

  private func legend() -> [HTMLNode] {
    var nodes: [HTMLNode] = []
    for (item, position) in zip(series, legendPositions) {
      let y = 12 + 20 * Double(position.row)
      nodes.append(
        .element(
          "rect",
          ["x": Self.number(position.x), "y": Self.number(y), "width": "14", "height": "14", "rx": "2", "fill": item.color]))
      nodes.append(
        .element("text", ["class": "legend", "x": Self.number(position.x + 20), "y": Self.number(y + 12)], text: item.name))
    }
    return nodes
  }

  /// A rough width of `text` at font size `size`: CJK characters are square, others about half.
  static func textWidth(_ text: String, size: Double) -> Double {
    text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? size : size * 0.6) }
  }

  /// `text` in one line, or split in two near its middle when it is wider than `width`.
  static func wrap(_ text: String, width: Double, size: Double) -> [String] {
    guard textWidth(text, size: size) > width else { return [text] }
    let characters = Array(text)
    if let space = characters.firstIndex(of: " ") {
      return [String(characters[..<space]), String(characters[(space + 1)...])]
    }
    let half = (characters.count + 1) / 2
    return [String(characters[..<half]), String(characters[half...])]
  }

  /// A coordinate with at most one decimal.
  static func number(_ value: Double) -> String {
    let text = NumberText.fixed(value, digits: 1)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}

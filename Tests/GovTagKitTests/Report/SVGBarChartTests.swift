import Foundation
import GovTagKit
import Testing

@Suite("SVG bar charts")
struct SVGBarChartTests {
  let series = [
    SVGBarChart.Series(name: "2022", color: "#4e79a7", values: [0.25, 0.5]),
    SVGBarChart.Series(name: "2023", color: "#f28e2b", values: [0.125, nil]),
  ]

  @Test("grouped bars: one rect per value plus legend swatches, a value label on every bar, escaped labels")
  func grouped() {
    let chart = SVGBarChart(
      title: "A & B", groups: ["公共服务", "<x>"], series: series, layout: .grouped, xAxisLabel: "履职能力",
      yAxisLabel: "share")
    let svg = chart.node().render()
    #expect(
      svg.hasPrefix(#"<svg class="chart" viewBox="0 0 700 330" role="img" aria-label="A &amp; B"><title>A &amp; B</title>"#))
    #expect(svg.components(separatedBy: "<rect").count - 1 == 3 + 2)
    for label in [">25%<", ">50%<", ">13%<", ">公共服务<", ">&lt;x&gt;<", ">履职能力<", ">share<", ">2022<", ">2023<"] {
      #expect(svg.contains(label), "missing \(label)")
    }
    // The axis ends at the largest value rounded up to 10%: 50%.
    #expect(svg.contains(">50%</text>"))
    #expect(!svg.contains(">60%</text>"))
  }

  @Test("stacked bars go to 100% and label segments tall enough to hold a number")
  func stacked() {
    let chart = SVGBarChart(
      title: "regions", groups: ["2022"],
      series: [
        .init(name: "东部 east", color: "#4e79a7", values: [0.75]), .init(name: "西部 west", color: "#59a14f", values: [0.25]),
      ], layout: .stacked, xAxisLabel: "year", yAxisLabel: "share")
    let svg = chart.node().render()
    #expect(svg.contains(">100%</text>"))
    #expect(svg.contains(#"class="value inside""#))
    #expect(svg.contains(">75%<"))
    #expect(svg.contains(">25%<"))
  }
}

/// Renders labelled records as one self-contained HTML review report: bar charts of the
/// statistics, a filterable and sortable case table, and each case's text with its evidence
/// highlighted beside GovTag's and people's labels.
///
/// The file needs nothing from a network: the style sheet, the charts (inline SVG), the script
/// and the data (inline JSON) are all in it, and fonts are the reader's own. The page is built
/// as an ``HTMLNode`` tree; every text is escaped by ``HTMLEscaping``.
///
///     let html = HTMLReportRenderer(title: "2023 案例").render(records: records)
package struct HTMLReportRenderer: Sendable {
  /// The page's title and heading.
  package var title: String
  /// The label set: names, order and colours.
  package var taxonomy: Taxonomy

  /// The default title.
  package static let defaultTitle = "GovTag 案例标注报告"

  /// Creates a renderer.
  ///
  /// - Parameters:
  ///   - title: the page's title and heading.
  ///   - taxonomy: the label set.
  package init(title: String = HTMLReportRenderer.defaultTitle, taxonomy: Taxonomy = .standard) {
    self.title = title
    self.taxonomy = taxonomy
  }

  /// Renders the report.
  ///
  /// The charts count GovTag's labels (`labels` and `location`); reference labels are shown
  /// beside them case by case, disagreements marked.
  ///
  /// - Parameter records: the cases, in the order the table lists them by default.
  /// - Returns: the HTML document's UTF-8 bytes.
  package func render(records: [LabelledRecord]) -> [UInt8] {
    assert(HTMLEscaping.isSafeRawText(HTMLReportScript.javaScript, in: "script"), "the script must not close its element")
    assert(HTMLEscaping.isSafeRawText(HTMLReportStyle.css, in: "style"), "the style sheet must not close its element")
    var statistics = CaseStatistics()
    for record in records { statistics.add(year: record.year, labels: record.labels ?? CaseLabels(categories: [:])) }
    let table = StatsTable(statistics: statistics, source: .govtag, taxonomy: taxonomy)
    var data = HTMLReportData(taxonomy: taxonomy)
    let blob = data.json(records: records, years: statistics.years.map(\.key))

    let referenceFields = Set(records.compactMap(\.referenceField)).sorted()
    var meta = "\(records.count) case\(records.count == 1 ? "" : "s")"
    let perYear = statistics.years.map { "\($0.key): \($0.cases)" }
    if !perYear.isEmpty { meta += " (" + perYear.joined(separator: ", ") + ")" }
    meta += " · charts count GovTag's labels"
    meta += referenceFields.isEmpty ? " · no reference labels" : " · reference labels: " + referenceFields.joined(separator: ", ")
    meta += " · govtag \(GovTagVersion.current)"

    let head = HTMLNode.element(
      "head", [:],
      [
        .element("meta", ["charset": "utf-8"]),
        .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
        .element("title", text: title),
        .element("style", [:], [.trustedRaw(HTMLReportStyle.css)]),
      ])
    let header = HTMLNode.element(
      "header", ["class": "page"],
      [
        .element("h1", text: title),
        .element("p", ["class": "meta"], text: meta),
        .element(
          "nav", [:],
          [.element("a", ["href": "#charts"], text: "统计图 Charts"), .element("a", ["href": "#cases"], text: "案例 Cases")]),
      ])
    var sections = [chartsSection(table, statistics)]
    // With confidences and reference labels, how well the one matches the other.
    let reliability = SVGReliabilityDiagram(records: records, dimensions: taxonomy.dimensions.map(\.id))
    if !reliability.isEmpty {
      sections.append(
        .element(
          "section", ["id": "reliability"],
          [
            .element("h2", text: "可靠性 Reliability"),
            .element(
              "p", ["class": "note"],
              text:
                "GovTag's confidences in ten bins (x: mean confidence) against the share the reference labels (\(referenceFields.joined(separator: ", "))) have (y); on the dashed diagonal, a confidence of 0.8 is right 80% of the time. Counts the categories each record lists under confidence (those that scored or nearly did); the circle's size is the bin's count."
            ),
            reliability.node(),
          ]))
    }
    sections.append(casesSection(referenceFields))
    let main = HTMLNode.element("main", [:], sections)
    let body = HTMLNode.element(
      "body", [:],
      [
        header, main,
        .element(
          "script", ["type": "application/json", "id": "govtag-data"],
          [.trustedRaw(String(decoding: blob, as: UTF8.self))]),
        .element("script", [:], [.trustedRaw(HTMLReportScript.javaScript)]),
      ])
    var output = Array("<!DOCTYPE html>\n".utf8)
    HTMLNode.element("html", ["lang": "zh-Hans"], [head, body]).render(into: &output)
    output.append(0x0A)
    return output
  }

  // MARK: - Charts

  private func chartsSection(_ table: StatsTable, _ statistics: CaseStatistics) -> HTMLNode {
    var children: [HTMLNode] = [
      .element("h2", text: "统计 Statistics"),
      .element("p", ["class": "note"], text: "\(StatsTable.multiLabelNote) \(StatsTable.changeNote)"),
    ]
    let years = table.columns.dropLast()
    var charts: [HTMLNode] = []
    for section in table.sections {
      let chart: SVGBarChart
      let heading: String
      if section.id == "region" {
        heading = "地区构成 Region mix by year"
        let groups = Array(table.columns)
        chart = SVGBarChart(
          title: heading, groups: groups.map { Self.groupName($0.key) },
          series: section.rows.map { row in
            SVGBarChart.Series(
              name: "\(row.name) \(row.id)", color: CategoryPalette.region(row.id), values: row.shares,
              tooltips: groups.indices.map { tooltip(groups[$0], row, $0) })
          }, layout: .stacked, xAxisLabel: "年份 year", yAxisLabel: "案例占比 share of cases")
      } else {
        heading = "\(section.name) \(section.id): share of cases by year"
        chart = SVGBarChart(
          title: heading, groups: section.rows.map(\.name),
          series: years.enumerated().map { index, column in
            let position = index
            return SVGBarChart.Series(
              name: Self.groupName(column.key) + " (n=\(column.cases))", color: CategoryPalette.series(index, key: column.key),
              values: section.rows.map { $0.shares[position] },
              tooltips: section.rows.map { tooltip(column, $0, position) })
          }, layout: .grouped, xAxisLabel: "\(section.name) (\(section.id))", yAxisLabel: "案例占比 share of cases")
      }
      var sized = chart
      sized.width = chart.preferredWidth
      let wide = sized.width > 700
      var parts: [HTMLNode] = [.element("h3", text: heading)]
      if let note = section.note { parts.append(.element("p", ["class": "note"], text: note)) }
      parts.append(sized.node())
      parts.append(numbers(section, table))
      charts.append(
        .element("section", ["class": wide ? "chart-section wide" : "chart-section", "id": "chart-\(section.id)"], parts))
    }
    children.append(.element("div", ["class": "charts"], charts))
    return .element("section", ["id": "charts"], children)
  }

  private func tooltip(_ column: StatsTable.Column, _ row: StatsTable.Row, _ index: Int) -> String {
    "\(Self.groupName(column.key)) · \(row.name) \(row.id): \(row.counts[index]) of \(column.cases) cases (\(NumberText.percent(row.shares[index])))"
  }

  static func groupName(_ key: String) -> String {
    switch key {
    case CaseStatistics.all: "全部 all"
    case CaseStatistics.unknown: "未知 unknown"
    default: key
    }
  }

  /// The numbers behind a chart, folded away.
  private func numbers(_ section: StatsTable.Section, _ table: StatsTable) -> HTMLNode {
    let head = HTMLNode.element(
      "tr", [:],
      [.element("th", text: "")] + table.columns.map { .element("th", text: "\(Self.groupName($0.key)) (n=\($0.cases))") }
        + table.changes.map { .element("th", text: "Δ \($0.label)") })
    let rows = section.rows.map { row in
      HTMLNode.element(
        "tr", [:],
        [.element("td", text: "\(row.name) \(row.id)")]
          + zip(row.counts, row.shares).map { .element("td", text: "\($0) (\(NumberText.percent($1)))") }
          + row.changes.map { .element("td", text: NumberText.change($0)) })
    }
    return .element(
      "details", ["class": "numbers"],
      [.element("summary", text: "数字 Numbers"), .element("table", ["class": "numbers"], [head] + rows)])
  }

  // MARK: - Cases

  private func casesSection(_ referenceFields: [String]) -> HTMLNode {
    func select(_ id: String, _ label: String, _ options: [(String, String)]) -> HTMLNode {
      .element(
        "label", [:],
        [
          .text(label + " "),
          .element("select", ["id": id], options.map { .element("option", ["value": $0.0], text: $0.1) }),
        ])
    }
    let reference = referenceFields.isEmpty ? "reference" : referenceFields.joined(separator: "/")
    let filters = HTMLNode.element(
      "div", ["class": "filters"],
      [
        select("f-category", "类别 category", [("", "all")]),
        select(
          "f-region", "地区 region",
          [("", "all")] + Region.allCases.map { ($0.rawValue, "\($0.name) \($0.rawValue)") } + [("unknown", "未知 unknown")]),
        select("f-year", "年份 year", [("", "all")]),
        select(
          "f-review", "复核 review",
          [("", "all"), ("yes", "needs review"), ("no", "no review needed"), ("disagree", "GovTag ≠ \(reference)")]),
        .element(
          "label", [:],
          [.text("搜索 search "), .element("input", ["id": "f-query", "type": "search", "placeholder": "id or title"])]),
      ])
    let legend = HTMLNode.element(
      "p", ["class": "legend-line"],
      [
        .text("Labels: "), .element("span", ["class": "chip govtag-only"], text: "GovTag yes, \(reference) no"),
        .element("span", ["class": "chip ref-only"], text: "\(reference) yes, GovTag no"),
        .element("span", ["class": "chip not-annotated"], text: "GovTag yes, dimension not annotated in \(reference)"),
        .text(" · other chips: both agree (or no reference labels). Click a row to read the case with its evidence."),
      ])
    let columns: [(String, String)] = [
      ("id", "ID"), ("title", "标题 title"), ("year", "年份 year"), ("province", "省份 province"),
      ("labels", "标签 labels"), ("review", "复核 review"),
    ]
    let table = HTMLNode.element(
      "table", ["class": "cases"],
      [
        .element(
          "thead", [:], [.element("tr", [:], columns.map { .element("th", ["data-sort": $0.0], text: $0.1) })]),
        .element("tbody", ["id": "case-rows"]),
      ])
    let pager = HTMLNode.element(
      "div", ["class": "pager"],
      [
        .element("button", ["id": "page-prev", "type": "button"], text: "‹ previous"),
        .element("span", ["id": "page-info"], text: ""),
        .element("button", ["id": "page-next", "type": "button"], text: "next ›"),
      ])
    return .element(
      "section", ["id": "cases"],
      [
        .element("h2", text: "案例 Cases"), filters, legend,
        .element("noscript", [:], [.element("p", text: "The case table needs JavaScript.")]),
        table, pager, .element("div", ["id": "backdrop", "hidden": ""]),
        .element("article", ["id": "case-view", "hidden": "", "role": "dialog", "aria-label": "case"]),
      ])
  }
}

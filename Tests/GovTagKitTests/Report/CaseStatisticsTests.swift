import Foundation
import GovTagKit
import Testing

@Suite("Statistics of labelled cases")
struct CaseStatisticsTests {
  /// One expected row: counts per column (2022, 2023, unknown, all) and the printed Δ 2022→2023.
  struct RowCase: Sendable, CustomTestStringConvertible {
    var section: String
    var row: String
    var counts: [Int]
    var percents: [String]
    var change: String
    var testDescription: String { "\(section).\(row)" }
  }

  // Counted by hand from the fixture.
  static let rows: [RowCase] = [
    RowCase(
      section: "capability", row: "public_service", counts: [2, 2, 1, 5], percents: ["66.7%", "50.0%", "100.0%", "62.5%"],
      change: "-16.7 pp"),
    RowCase(
      section: "capability", row: "economic_regulation", counts: [1, 1, 0, 2], percents: ["33.3%", "25.0%", "0.0%", "25.0%"],
      change: "-8.3 pp"),
    RowCase(
      section: "capability", row: "social_management", counts: [1, 0, 0, 1], percents: ["33.3%", "0.0%", "0.0%", "12.5%"],
      change: "-33.3 pp"),
    RowCase(
      section: "capability", row: "government_operations", counts: [0, 1, 0, 1], percents: ["0.0%", "25.0%", "0.0%", "12.5%"],
      change: "+25.0 pp"),
    RowCase(
      section: "capability", row: "market_supervision", counts: [0, 0, 0, 0], percents: ["0.0%", "0.0%", "0.0%", "0.0%"],
      change: "0.0 pp"),
    RowCase(
      section: "region", row: "east", counts: [1, 2, 0, 3], percents: ["33.3%", "50.0%", "0.0%", "37.5%"], change: "+16.7 pp"),
    RowCase(
      section: "region", row: "central", counts: [1, 0, 0, 1], percents: ["33.3%", "0.0%", "0.0%", "12.5%"], change: "-33.3 pp"),
    RowCase(
      section: "region", row: "west", counts: [1, 1, 0, 2], percents: ["33.3%", "25.0%", "0.0%", "25.0%"], change: "-8.3 pp"),
    RowCase(
      section: "region", row: "unknown", counts: [0, 1, 1, 2], percents: ["0.0%", "25.0%", "100.0%", "25.0%"], change: "+25.0 pp"),
    RowCase(
      section: "data_element", row: "any", counts: [2, 2, 1, 5], percents: ["66.7%", "50.0%", "100.0%", "62.5%"],
      change: "-16.7 pp"),
    RowCase(
      section: "data_element", row: "data_sharing", counts: [2, 1, 0, 3], percents: ["66.7%", "25.0%", "0.0%", "37.5%"],
      change: "-41.7 pp"),
    RowCase(
      section: "data_element", row: "data_management", counts: [0, 0, 1, 1], percents: ["0.0%", "0.0%", "100.0%", "12.5%"],
      change: "0.0 pp"),
    RowCase(
      section: "data_element", row: "data_market", counts: [0, 1, 0, 1], percents: ["0.0%", "25.0%", "0.0%", "12.5%"],
      change: "+25.0 pp"),
    RowCase(
      section: "traits", row: "platform", counts: [2, 0, 0, 2], percents: ["66.7%", "0.0%", "0.0%", "25.0%"], change: "-66.7 pp"),
    RowCase(
      section: "traits", row: "grassroots", counts: [2, 0, 0, 2], percents: ["66.7%", "0.0%", "0.0%", "25.0%"], change: "-66.7 pp"
    ),
    RowCase(
      section: "innovation", row: "technology", counts: [1, 0, 0, 1], percents: ["33.3%", "0.0%", "0.0%", "12.5%"],
      change: "-33.3 pp"),
    RowCase(
      section: "technology", row: "big_data", counts: [1, 0, 0, 1], percents: ["33.3%", "0.0%", "0.0%", "12.5%"],
      change: "-33.3 pp"),
  ]

  @Test("columns: years in order (a string year counts with the integer one), unknown, all")
  func columns() throws {
    let table = StatsTable(statistics: try ReportFixture.statistics(), source: .govtag)
    #expect(table.columns.map(\.key) == ["2022", "2023", "unknown", "all"])
    #expect(table.columns.map(\.cases) == [3, 4, 1, 8])
    #expect(table.changes.map(\.label) == ["2022→2023"])
    #expect(table.sections.map(\.id) == ["capability", "region", "data_element", "traits", "innovation", "technology"])
  }

  @Test("counts, shares and year-over-year changes match the hand count", arguments: rows)
  func row(_ expected: RowCase) throws {
    let table = StatsTable(statistics: try ReportFixture.statistics(), source: .govtag)
    let row = try #require(table.section(expected.section)?.rows.first { $0.id == expected.row })
    #expect(row.counts == expected.counts)
    #expect(row.shares.map { NumberText.percent($0) } == expected.percents)
    #expect(row.changes.map { NumberText.change($0) } == [expected.change])
  }

  @Test("--field manual counts people's labels, and their province and region replace location")
  func manualLabels() throws {
    let table = StatsTable(statistics: try ReportFixture.statistics(.field("manual")), source: .field("manual"))
    let capability = try #require(table.section("capability"))
    #expect(capability.rows.first { $0.id == "social_management" }?.counts == [2, 0, 0, 2])
    #expect(capability.rows.first { $0.id == "economic_regulation" }?.counts == [0, 1, 0, 1])
    let region = try #require(table.section("region"))
    #expect(region.rows.first { $0.id == "east" }?.counts == [1, 3, 0, 4])
    #expect(region.rows.first { $0.id == "unknown" }?.counts == [0, 0, 1, 1])
    #expect(region.rows.first { $0.id == "east" }.map { NumberText.change($0.changes[0]) } == "+41.7 pp")
  }

  @Test("a dimension people's labels leave out is not annotated: shares are of the cases that annotate it")
  func notAnnotated() throws {
    var statistics = CaseStatistics()
    // 4 cases: 2 annotate data_element (one with data_sharing), 2 leave it out.
    statistics.add(
      year: "2023", labels: CaseLabels(categories: ["capability": ["public_service"], "data_element": ["data_sharing"]]))
    statistics.add(year: "2023", labels: CaseLabels(categories: ["capability": ["public_service"], "data_element": []]))
    statistics.add(year: "2023", labels: CaseLabels(categories: ["capability": []]))
    statistics.add(year: "2023", labels: CaseLabels(categories: ["capability": []]))
    let table = StatsTable(statistics: statistics, source: .field("manual"))
    let data = try #require(table.section("data_element"))
    #expect(data.annotated == [2, 2])
    #expect(data.rows.first { $0.id == "any" }?.counts == [1, 1])
    #expect(data.rows.first { $0.id == "any" }?.shares == [0.5, 0.5])
    #expect(data.rows.first { $0.id == "data_sharing" }?.shares == [0.5, 0.5])
    #expect(
      data.note
        == "any (涉及数据要素): cases with at least one data_element label; every share is of the cases that annotate data_element. "
        + "Shares are of the cases whose \"manual\" labels annotate data_element (n in the header): 2 of 4; "
        + "the 2 that leave data_element out were not annotated and are not counted as no.")
    let capability = try #require(table.section("capability"))
    #expect(capability.annotated == nil)
    #expect(capability.note == nil)
    #expect(capability.rows.first { $0.id == "public_service" }?.shares == [0.5, 0.5])
    let markdown = table.markdown()
    #expect(
      markdown.contains("| category | 2023 (n=2) | all (n=2) |\n| --- | --: | --: |\n| 涉及数据要素 any | 1 (50.0%) | 1 (50.0%) |"))
    #expect(markdown.contains("| category | 2023 (n=4) | all (n=4) |\n| --- | --: | --: |\n| 经济调节 economic_regulation |"))
    #expect(String(decoding: table.csv(), as: UTF8.self).contains("\r\ndata_element,any,涉及数据要素,all,2,1,50.00,\r\n"))
    #expect(String(decoding: table.json(), as: UTF8.self).contains(#""annotated":{"2023":2,"all":2},"rows""#))
  }

  @Test("changes compare consecutive years present, skipping a missing year")
  func gapYears() {
    var statistics = CaseStatistics()
    let service = CaseLabels(categories: ["capability": ["public_service"]])
    let none = CaseLabels(categories: ["capability": []])
    statistics.add(year: "2021", labels: service)
    statistics.add(year: "2021", labels: none)
    statistics.add(year: "2023", labels: service)
    statistics.add(year: "第三批", labels: none)
    let table = StatsTable(statistics: statistics, source: .govtag)
    #expect(table.columns.map(\.key) == ["2021", "2023", "第三批", "all"])
    #expect(table.changes.map(\.label) == ["2021→2023"])
    let row = table.section("capability")?.rows.first { $0.id == "public_service" }
    #expect(row?.changes.map { NumberText.change($0) } == ["+50.0 pp"])
  }

  @Test("the province table: cases, share and top capability (ties in the taxonomy's order)")
  func provinces() throws {
    let table = ProvinceTable(statistics: try ReportFixture.statistics(), source: .govtag)
    #expect(table.rows.map(\.province) == ["四川", "浙江", "广东", "河南", "unknown"])
    #expect(table.rows.map(\.cases) == [2, 2, 1, 1, 2])
    #expect(table.rows.map { NumberText.percent($0.share) } == ["25.0%", "25.0%", "12.5%", "12.5%", "25.0%"])
    #expect(
      table.rows.map { $0.topCapability?.id } == [
        "public_service", "public_service", "public_service", "social_management", "economic_regulation",
      ])
    #expect(table.rows.map { $0.topCapability?.count } == [1, 2, 1, 1, 1])
    #expect(table.rows.map(\.region) == [.west, .east, .east, .central, nil])
  }

  @Test("Markdown: names beside ids, the multi-label note, Δ columns")
  func markdown() throws {
    let text = StatsTable(statistics: try ReportFixture.statistics(), source: .govtag).markdown()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "# GovTag statistics: 8 cases, labels from GovTag (labels)")
    #expect(lines[2] == "Cases per year: 2022: 3, 2023: 4, unknown: 1.")
    #expect(lines[4].contains("shares of a dimension can add up to more than 100%"))
    #expect(lines.contains("| category | 2022 (n=3) | 2023 (n=4) | unknown (n=1) | all (n=8) | Δ 2022→2023 |"))
    #expect(lines.contains("| 公共服务 public_service | 2 (66.7%) | 2 (50.0%) | 1 (100.0%) | 5 (62.5%) | -16.7 pp |"))
    #expect(lines.contains("| 未知 unknown | 0 (0.0%) | 1 (25.0%) | 1 (100.0%) | 2 (25.0%) | +25.0 pp |"))
    #expect(lines.contains("| 涉及数据要素 any | 2 (66.7%) | 2 (50.0%) | 1 (100.0%) | 5 (62.5%) | -16.7 pp |"))
  }

  @Test("CSV: one line per section, category and column, with the change from the previous year")
  func csv() throws {
    let bytes = StatsTable(statistics: try ReportFixture.statistics(), source: .govtag).csv()
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasSuffix("\r\n"))
    let lines: [String] = Array(text.components(separatedBy: "\r\n").dropLast())
    #expect(lines[0] == "section,category,name,group,cases,count,share_percent,change_pp")
    #expect(lines.count == 1 + 4 * (7 + 4 + 6 + 4 + 4 + 8))
    #expect(lines.contains("capability,public_service,公共服务,2022,3,2,66.67,"))
    #expect(lines.contains("capability,public_service,公共服务,2023,4,2,50.00,-16.67"))
    #expect(lines.contains("region,unknown,未知,unknown,1,1,100.00,"))
    #expect(lines.contains("data_element,any,涉及数据要素,all,8,5,62.50,"))
  }

  @Test("JSON: counts, percentages with two decimals, changes keyed by year pair")
  func json() throws {
    let bytes = StatsTable(statistics: try ReportFixture.statistics(), source: .govtag).json()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(object["cases"] as? Int == 8)
    #expect(object["source"] as? String == "labels")
    #expect((object["note"] as? String)?.contains("more than 100%") == true)
    let sections = try #require(object["sections"] as? [[String: Any]])
    let capability = try #require(sections.first { $0["id"] as? String == "capability" })
    let rows = try #require(capability["rows"] as? [[String: Any]])
    let service = try #require(rows.first { $0["id"] as? String == "public_service" })
    #expect(service["name"] as? String == "公共服务")
    #expect(service["counts"] as? [String: Int] == ["2022": 2, "2023": 2, "unknown": 1, "all": 5])
    #expect(service["share_percent"] as? [String: Double] == ["2022": 66.67, "2023": 50, "unknown": 100, "all": 62.5])
    #expect(service["change_pp"] as? [String: Double] == ["2022→2023": -16.67])
  }

  @Test("fixed-point formatting rounds half away from zero and never prints -0")
  func numbers() {
    #expect(NumberText.fixed(12.5, digits: 0) == "13")
    #expect(NumberText.fixed(100.0 / 3, digits: 1) == "33.3")
    #expect(NumberText.fixed(-0.04, digits: 1) == "0.0")
    #expect(NumberText.fixed(0.05, digits: 1) == "0.1")
    #expect(NumberText.change(-0.01) == "0.0 pp")
    #expect(NumberText.change(2.0 / 3 * 100 - 50) == "+16.7 pp")
    #expect(NumberText.percent(nil) == "–")
    #expect(NumberText.rounded(-16.666, digits: 2) == -16.67)
  }
}

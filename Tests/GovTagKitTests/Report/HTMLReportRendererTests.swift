import Foundation
import GovTagKit
import Testing

@Suite("The HTML review report")
struct HTMLReportRendererTests {
  func html(title: String = HTMLReportRenderer.defaultTitle) throws -> String {
    String(decoding: HTMLReportRenderer(title: title).render(records: try ReportFixture.records()), as: UTF8.self)
  }

  /// Every value of `attribute` in the document.
  func values(of attribute: String, in html: String) -> [String] {
    html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  @Test("a UTF-8 document with the CJK font stack, every case id, and an SVG chart per section")
  func content() throws {
    let html = try html()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"))
    #expect(
      html.contains(
        #"font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;"#))
    for id in ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"] {
      #expect(html.contains(#"{"id":"\#(id)","#), "case \(id) missing")
    }
    for section in ["capability", "region", "data_element", "traits", "innovation", "technology"] {
      let start = try #require(html.range(of: #"<section class="chart-section" id="chart-\#(section)">"#))
      let rest = html[start.upperBound...]
      let end = try #require(rest.range(of: "</section>"))
      #expect(rest[..<end.lowerBound].contains("<svg class=\"chart\""), "no chart for \(section)")
    }
    #expect(html.contains("8 cases (2022: 3, 2023: 4, unknown: 1) · charts count GovTag's labels · reference labels: manual"))
    // The capability chart's tooltip carries the hand count.
    #expect(html.contains("<title>2022 · 公共服务 public_service: 2 of 3 cases (66.7%)</title>"))
  }

  @Test("nothing is fetched: no external URL, no link element, no @import, no url()")
  func selfContained() throws {
    let html = try html()
    #expect(!html.contains("http://"))
    #expect(!html.contains("https://"))
    #expect(!html.contains("<link"))
    #expect(!html.contains("@import"))
    #expect(!html.contains("url("))
    for value in values(of: "src", in: html) + values(of: "href", in: html) {
      #expect(value.hasPrefix("#") || value.hasPrefix("data:"), "external reference \(value)")
      #expect(!value.contains("//"))
    }
    #expect(values(of: "href", in: html) == ["#charts", "#cases"])
  }

  @Test("a title with <script> and & is escaped in the data, and the page title is escaped")
  func escaping() throws {
    let html = try html(title: "<script>x</script> & 报告")
    #expect(html.contains("<title>&lt;script&gt;x&lt;/script&gt; &amp; 报告</title>"))
    #expect(html.contains("<h1>&lt;script&gt;x&lt;/script&gt; &amp; 报告</h1>"))
    // r1's title in the inline data.
    #expect(html.contains(#""title":"\u003cscript\u003ealert(1)\u003c/script\u003e 一网通办 \u0026 营商环境""#))
    #expect(!html.contains("alert(1)</script>"))
    // Only the report's own two script elements.
    #expect(html.components(separatedBy: "<script").count - 1 == 2)
    #expect(html.components(separatedBy: "</script>").count - 1 == 2)
  }

  @Test("evidence pieces land on the matched characters after astral-plane characters and in titles")
  func highlighting() throws {
    let html = try html()
    // r2: 😀😀推进一网通办… with evidence at code points 4..<8.
    #expect(html.contains(#""x":["😀😀推进",["一网通办",0],"，服务群众"]"#))
    // r1: title hits after the escaped <script>; text hits in order, evidence indices in input order.
    #expect(html.contains(#""t":["\u003cscript\u003ealert(1)\u003c/script\u003e ",["一网通办",0]," \u0026 ",["营商环境",1]]"#))
    #expect(html.contains(#""x":["杭州推进",["政务服务",2],["一网通办",3],"，优化",["营商环境",4],"，打通",["数据共享",5],"。"]"#))
    #expect(html.contains(#""ev":[[3,"一网通办",4,4,"counted"],[0,"营商环境",3,3,"counted"]"#))
  }

  @Test("a dimension the reference does not annotate is \"not annotated\" in the data, not a disagreement")
  func notAnnotated() throws {
    // GovTag: public_service (3), data_sharing (7), ai (22). The reference annotates capability
    // and traits only; b's reference also misses public_service.
    let labels = CaseLabels(categories: [
      "capability": ["public_service"], "data_element": ["data_sharing"], "traits": [], "innovation": [], "technology": ["ai"],
    ])
    let partial = CaseLabels(categories: ["capability": ["public_service"], "traits": []])
    let missing = CaseLabels(categories: ["capability": [], "traits": []])
    let records = [
      LabelledRecord(id: "a", text: "x", labels: labels, reference: partial, referenceField: "manual"),
      LabelledRecord(id: "b", text: "x", labels: labels, reference: missing, referenceField: "manual"),
      LabelledRecord(id: "c", text: "x", labels: labels),
    ]
    let html = String(decoding: HTMLReportRenderer().render(records: records), as: UTF8.self)
    #expect(
      html.contains(
        #""labels":[3,7,22],"ref":[3],"refField":"manual","refDims":["capability","traits"],"cmp":[[3,""],[7,"not-annotated"],[22,"not-annotated"]],"dis":false"#
      ))
    #expect(
      html.contains(
        #""labels":[3,7,22],"ref":[],"refField":"manual","refDims":["capability","traits"],"cmp":[[3,"govtag-only"],[7,"not-annotated"],[22,"not-annotated"]],"dis":true"#
      ))
    #expect(
      html.contains(#""labels":[3,7,22],"ref":null,"refField":null,"refDims":null,"cmp":[[3,""],[7,""],[22,""]],"dis":false"#))
    // The "disagree" filter reads `dis`; the script no longer compares the labels itself.
    #expect(html.contains(#"if (state.review === "disagree" && !c.dis) return false;"#))
    #expect(!html.contains("function compare(c)"))
  }

  @Test("GovTag's and the reference labels are both in the data, as category indices")
  func labels() throws {
    let html = try html()
    // r1: GovTag economic_regulation (0) + public_service (3) + data_sharing (7) + platform (12) + technology (16) + big_data (20);
    // manual lacks economic_regulation.
    #expect(html.contains(#""labels":[0,3,7,12,16,20],"ref":[3,7,12,16,20],"refField":"manual""#))
    #expect(
      html.contains(
        #"{"dim":"capability","dimName":"履职能力","id":"economic_regulation","name":"经济调节","bg":"hsl(0 75% 85%)","fg":"hsl(0 60% 38%)"}"#
      ))
  }
}

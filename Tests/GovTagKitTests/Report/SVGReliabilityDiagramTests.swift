import GovTagKit
import Testing

@Suite("The report's reliability diagram")
struct SVGReliabilityDiagramTests {
  func record(_ id: String, confidence: Double, reference: [String]?) -> LabelledRecord {
    var record = LabelledRecord(
      id: id, text: "…", labels: CaseLabels(categories: ["capability": ["public_service"]]),
      reference: reference.map { CaseLabels(categories: ["capability": $0]) }, referenceField: reference == nil ? nil : "gold")
    record.confidence = ["capability": ["public_service": confidence]]
    return record
  }

  @Test("drawn when records have confidences and reference labels: one point per bin, the share that applied")
  func drawn() {
    let records = [
      record("a", confidence: 0.85, reference: ["public_service"]),
      record("b", confidence: 0.87, reference: []),
      record("c", confidence: 0.15, reference: []),
    ]
    let html = String(decoding: HTMLReportRenderer().render(records: records), as: UTF8.self)
    #expect(html.contains(#"<section id="reliability"><h2>可靠性 Reliability</h2>"#))
    #expect(html.contains("capability: 2 predictions with mean confidence 0.86; the reference labels have 50% of them"))
    #expect(html.contains("capability: 1 predictions with mean confidence 0.15; the reference labels have 0% of them"))
  }

  @Test("left out without reference labels or without confidences")
  func leftOut() {
    let unjudged = [record("a", confidence: 0.85, reference: nil)]
    #expect(!String(decoding: HTMLReportRenderer().render(records: unjudged), as: UTF8.self).contains("reliability"))
    var plain = record("b", confidence: 0.5, reference: ["public_service"])
    plain.confidence = [:]
    #expect(!String(decoding: HTMLReportRenderer().render(records: [plain]), as: UTF8.self).contains("reliability"))
  }
}

import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Label Studio tasks and labeling configuration")
struct LabelStudioTaskTests {
  @Test("UTF-16 offsets count a character outside the BMP (𠮷) as two units")
  func utf16Offsets() {
    let offsets = UTF16Offsets("𠮷野家推进一网通办")
    #expect(offsets.codePointCount == 9)
    #expect(offsets.utf16(0) == 0)
    #expect(offsets.utf16(1) == 2)
    #expect(offsets.utf16(5) == 6)
    #expect(offsets.utf16(9) == 10)
    #expect(offsets.utf16(10) == nil)
  }

  /// A record with a title, a 𠮷 before its evidence, a place and confidences.
  static let record: LabelledRecord = {
    var record = LabelledRecord(
      id: "k1", title: "𠮷野家办事", text: "𠮷野家推进一网通办。",
      labels: CaseLabels(categories: ["capability": ["public_service"], "technology": []], province: "浙江", region: .east),
      evidence: [
        EvidenceSpan(
          dimension: "capability", category: "public_service", term: "一网通办", field: .text, start: 5, end: 9, weight: 4,
          contribution: 4),
        EvidenceSpan(
          dimension: "capability", category: "public_service", term: "办事", field: .title, start: 3, end: 5, weight: 1,
          contribution: 1.5),
        EvidenceSpan(
          dimension: "capability", category: "economic_regulation", term: "推进", field: .text, start: 3, end: 5, weight: 1,
          contribution: 0, status: "negated"),
      ])
    record.confidence = ["capability": ["public_service": 0.9, "economic_regulation": 0.25]]
    return record
  }()

  @Test("A task's JSON: data, choices, place, spans in UTF-16 units, model_version and score")
  func taskJSON() {
    var json = JSONWriter()
    LabelStudioTask(record: Self.record, modelVersion: "abc123").write(to: &json)
    let expected =
      #"{"data":{"id":"k1","title":"𠮷野家办事","text":"𠮷野家推进一网通办。"},"predictions":[{"model_version":"abc123","score":0.75,"result":["#
      + #"{"id":"capability","from_name":"capability","to_name":"text","type":"choices","value":{"choices":["public_service"]}},"#
      + #"{"id":"province","from_name":"province","to_name":"text","type":"choices","value":{"choices":["浙江"]}},"#
      + #"{"id":"region","from_name":"region","to_name":"text","type":"choices","value":{"choices":["east"]}},"#
      + #"{"id":"e1","from_name":"evidence","to_name":"text","type":"labels","value":{"start":6,"end":10,"text":"一网通办","labels":["capability.public_service"]}},"#
      + #"{"id":"e2","from_name":"title_evidence","to_name":"title","type":"labels","value":{"start":4,"end":6,"text":"办事","labels":["capability.public_service"]}}"#
      + "]}]}"
    #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    // JavaScript's String.prototype.slice is what Label Studio applies to these offsets.
    let units = Array(Self.record.text.utf16)
    #expect(String(decoding: units[6..<10], as: UTF16.self) == "一网通办")
  }

  @Test("No confidences, no score; no gazetteer, no province")
  func withoutScore() {
    var record = Self.record
    record.confidence = [:]
    let task = LabelStudioTask(record: record, modelVersion: nil, offersProvince: false)
    #expect(task.score == nil)
    var json = JSONWriter()
    task.write(to: &json)
    let text = String(decoding: json.bytes, as: UTF8.self)
    #expect(text.contains(#""predictions":[{"result":[{"id":"capability""#))
    #expect(!text.contains(#""from_name":"province""#))
  }

  @Test("Evidence past its field's end is reported, not written")
  func misplaced() {
    var record = Self.record
    record.evidence[0].end = 40
    let task = LabelStudioTask(record: record, modelVersion: nil)
    #expect(task.misplacedSpans.map(\.term) == ["一网通办"])
    var json = JSONWriter()
    task.write(to: &json)
    #expect(!String(decoding: json.bytes, as: UTF8.self).contains(#""id":"e2""#))
  }

  @Test("The labeling configuration: a block per dimension with both names, provinces, regions, evidence labels")
  func config() {
    let xml = LabelStudioConfig(provinces: [(name: "浙江", fullName: "浙江省"), (name: "北京", fullName: "北京市")]).xml()
    let lines = xml.split(separator: "\n").map(String.init)
    #expect(lines.count == 119)
    #expect(
      Array(lines.prefix(5)) == [
        "<View>", #"  <Header value="$id"/>"#, #"  <Text name="title" value="$title"/>"#,
        #"  <Labels name="title_evidence" toName="title">"#,
        ##"    <Label value="capability.economic_regulation" hint="履职能力：经济调节" background="#1f77b4"/>"##,
      ])
    #expect(
      xml.contains(
        #"""
          <Text name="text" value="$text"/>
          <Labels name="evidence" toName="text">
            <Label value="capability.economic_regulation" hint="履职能力：经济调节" background="#1f77b4"/>
        """#))
    #expect(
      xml.contains(
        #"""
          <Header value="案例特征 traits"/>
          <Choices name="traits" toName="text" choice="multiple" showInline="true">
            <Choice value="platform" hint="平台型"/>
            <Choice value="grassroots" hint="基层治理"/>
            <Choice value="gov_enterprise" hint="政企合作"/>
            <Choice value="market_operation" hint="管运分离"/>
          </Choices>
          <Header value="创新类型 innovation"/>
        """#))
    #expect(
      xml.hasSuffix(
        #"""
          <Header value="省份 province"/>
          <Choices name="province" toName="text" choice="single" showInline="true">
            <Choice value="浙江" hint="浙江省"/>
            <Choice value="北京" hint="北京市"/>
          </Choices>
          <Header value="地区 region"/>
          <Choices name="region" toName="text" choice="single" showInline="true">
            <Choice value="east" hint="东部"/>
            <Choice value="central" hint="中部"/>
            <Choice value="west" hint="西部"/>
          </Choices>
        </View>

        """#))
  }
}

import Foundation
import GovTagKit
import Testing

@Suite("gazetteer.yaml: a name may denote one province, and one city of its province")
struct GazetteerDuplicateTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var yaml: String
    var messages: [String]
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "a province listed twice (a copy-paste slip keeping the other full name)",
      yaml: """
        provinces:
          - name: 北京
            full: 北京市
            region: east
          - name: 北京
            full: 天津市
            region: east
        """,
      messages: [
        "g.yaml:5:11: province \"北京\" is listed twice (first at line 2); give each province its own entry: rename this one, or merge the two"
      ]),
    Case(
      id: "an alias of one province that is another's full name",
      yaml: """
        provinces:
          - name: 广东
            full: 广东省
            region: east
          - name: 广西
            full: 广西壮族自治区
            aliases: [广东省]
            region: west
        """,
      messages: [
        "g.yaml:7:14: alias \"广东省\" of province 广西 is already a name of province 广东 (line 3); a name can denote one province only: remove it from one of them"
      ]),
    Case(
      id: "a city listed twice in one province",
      yaml: """
        provinces:
          - name: 广东
            full: 广东省
            region: east
            cities:
              - name: 深圳
                full: 深圳市
                districts: [南山区]
              - name: 深圳
                full: 深圳特区
                districts: [福田区]
        """,
      messages: [
        "g.yaml:9:15: city \"深圳\" is listed twice in province 广东 (first at line 6); keep one entry per city, and merge the districts of the two"
      ]),
    Case(
      id: "a city's alias that is another city's full name",
      yaml: """
        provinces:
          - name: 广东
            full: 广东省
            region: east
            cities:
              - name: 深圳
                full: 深圳市
              - name: 广州
                full: 广州市
                aliases: [深圳市]
        """,
      messages: [
        "g.yaml:10:18: alias \"深圳市\" of city 广州 is already a name of city 深圳 in province 广东 (line 7); a name can denote one city of a province only: remove it from one of them"
      ]),
  ]

  @Test("a repeated province or city name is an error naming both lines", arguments: cases)
  func duplicates(_ item: Case) {
    do {
      _ = try GazetteerLoader().parse(item.yaml + "\n", file: "g.yaml")
      Issue.record("expected an error")
    } catch let errors as GovTagErrors {
      #expect(errors.errors.map(\.description) == item.messages)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("a district name in two cities of one province (向阳区: 鹤岗, 佳木斯) and a city named like another province (海南) stay allowed")
  func allowedRepeats() throws {
    let gazetteer = try GazetteerLoader().parse(
      """
      provinces:
        - name: 黑龙江
          full: 黑龙江省
          region: east
          cities:
            - name: 鹤岗
              full: 鹤岗市
              districts: [向阳区]
            - name: 佳木斯
              full: 佳木斯市
              districts: [向阳区]
        - name: 海南
          full: 海南省
          region: east
        - name: 青海
          full: 青海省
          region: west
          cities:
            - name: 海南
              full: 海南藏族自治州
              ambiguous_short: true

      """, file: "g.yaml")
    #expect(gazetteer.provinces.map(\.name) == ["黑龙江", "海南", "青海"])
    #expect(gazetteer.districts.count == 2)
  }
}

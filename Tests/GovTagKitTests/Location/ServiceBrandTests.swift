import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Provincial government service brands as place evidence, below any named place")
struct ServiceBrandTests {
  /// The bundled gazetteer, where the brands are listed.
  static let model: ClassifierModel = {
    do {
      return try ClassifierModel.load(lexiconDirectory: Fixtures.repository.appendingPathComponent("Lexicons").path)
    } catch {
      fatalError("the bundled lexicons must load: \(error)")
    }
  }()

  func locate(_ text: String, title: String? = nil) throws -> Location {
    try Tagger(model: Self.model).classify(title: title, text: text).location
  }

  @Test("a case that names only a brand gets the brand's province, and says so")
  func brandAlone() throws {
    let chongqing = try locate("上线'渝快办·渝悦生活'服务专区，群众办事更方便")
    #expect(chongqing.chain == ["重庆", "west"])
    #expect(chongqing.reason == "no place is named; 渝快办 is the government service brand of 重庆")
    let hit = try #require(chongqing.evidence.first)
    #expect(chongqing.evidence.count == 1)
    #expect([hit.name, hit.level.rawValue, hit.province, "\(hit.start)-\(hit.end)"] == ["渝快办", "service_brand", "重庆", "3-6"])
    let guangdong = try locate("'粤省事'移动政务服务平台")
    #expect(guangdong.chain == ["广东", "east"])
    #expect(guangdong.evidence.map(\.level) == [.serviceBrand])
  }

  @Test("a named place wins over a brand, wherever it stands")
  func namedPlaceWins() throws {
    let named = try locate("借鉴'粤省事'经验，重庆市上线政务服务平台")
    #expect(named.chain == ["重庆", "west"])
    #expect(named.reason == nil)
    #expect(named.evidence.map(\.name) == ["重庆市"])
    #expect(try locate("'浙里办'专区", title: "杭州市数字政府").chain == ["杭州", "浙江", "east"])
  }

  @Test("brands of several provinces: the first, with the others as candidates")
  func severalBrands() throws {
    let location = try locate("对标'浙里办'和'粤省事'")
    #expect(location.province == "浙江")
    #expect(location.otherCandidates == ["广东"])
  }

  @Test("service_brands is validated: a repeated brand, an unknown province, a place name")
  func validation() {
    let yaml = """
      provinces:
        - name: 重庆
          full: 重庆市
          region: west
      service_brands:
        渝快办: 重庆
        粤省事: 广东
        重庆市: 重庆
        渝快办: 重庆
      """
    do {
      _ = try GazetteerLoader().parse(yaml, file: "g.yaml")
      Issue.record("must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"g.yaml:9:3: duplicate key "渝快办" in service_brands (first at line 6): only the first is read, so the rules under this one would be lost; merge the two into one "渝快办:""#,
          #"g.yaml:7:8: service brand "粤省事" names an unknown province "广东"; use a province's short name as in provinces: (重庆, 广东, 内蒙古)"#,
          #"g.yaml:8:3: service brand "重庆市" is also a place name; remove it: the place name already resolves it"#,
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}

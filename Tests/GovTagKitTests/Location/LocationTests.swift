import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Location from the gazetteer")
struct LocationTests {
  let tagger: Tagger

  init() throws { tagger = try Tagger(model: Fixtures.model) }

  func locate(_ text: String, title: String? = nil) throws -> Location {
    try tagger.classify(title: title, text: text).location
  }

  @Test("a district resolves through its city to its province and region")
  func districtChain() throws {
    let location = try locate("深圳市南山区推进一网通办")
    #expect(location.province == "广东")
    #expect(location.city == "深圳")
    #expect(location.district == "南山区")
    #expect(location.region == .east)
    #expect(location.chain == ["南山区", "深圳", "广东", "east"])
    #expect(location.evidence.map(\.name) == ["深圳市", "南山区"])
    #expect(location.evidence.map(\.start) == [0, 3])
  }

  @Test("a district alone, named in one place only, is enough")
  func districtAlone() throws {
    #expect(try locate("福田区上线智慧停车").chain == ["福田区", "深圳", "广东", "east"])
  }

  @Test("an ambiguous district resolves only with its city or province in the text")
  func ambiguousDistrict() throws {
    #expect(try locate("朝阳区推行接诉即办").province == nil)
    #expect(try locate("北京市朝阳区推行接诉即办").chain == ["朝阳区", "北京", "east"])
    #expect(try locate("长春市朝阳区推行接诉即办").chain == ["朝阳区", "长春", "吉林", "central"])
  }

  @Test("an ambiguous city short name is not matched, its full name is")
  func ambiguousShortName() throws {
    #expect(try locate("朝阳产业蓬勃发展").province == nil)
    #expect(try locate("朝阳市双塔区建设数字乡村").chain == ["双塔区", "朝阳", "辽宁", "east"])
  }

  @Test("several provinces: the first named wins, the title first, and the reason says so")
  func severalProvinces() throws {
    let location = try locate("与浙江省杭州市签订协议，共同推进跨省通办", title: "重庆市渝中区：跨省通办")
    #expect(location.province == "重庆")
    #expect(location.district == "渝中区")
    #expect(location.otherCandidates == ["浙江"])
    #expect(location.reason == "the case names 2 provinces (重庆, 浙江); 重庆 is named first (in the title)")
  }

  @Test("institutions name their place; longest names win; overlapping short names do not")
  func institutionsAndOverlaps() throws {
    #expect(try locate("中国建设银行重庆市分行推出信易贷").province == "重庆")
    #expect(try locate("广西壮族自治区梧州市").chain == ["梧州", "广西", "west"])
    // 浙江西部 holds 江西 across a word: the leftmost-longest name is 浙江.
    #expect(try locate("浙江西部山区").province == "浙江")
  }

  @Test("no place named: no location, never a guess")
  func noPlace() throws {
    let location = try locate("某市推进一网通办")
    #expect(location == .unknown)
  }

  @Test("traditional characters are folded before places are matched")
  func traditional() throws {
    let location = try locate("廣東省深圳市南山區推進一網通辦")
    #expect(location.chain == ["南山区", "深圳", "广东", "east"])
    #expect(location.evidence.map(\.start) == [0, 3, 6])
  }

  @Test("gazetteer problems are reported with their line")
  func gazetteerErrors() {
    #expect(throws: GovTagErrors.self) {
      _ = try GazetteerLoader().parse("provinces:\n  - name: 广东\n    full: 广东省\n    region: south\n", file: "g.yaml")
    }
    do {
      _ = try GazetteerLoader().parse("provinces:\n  - name: 广东\n    full: 广东省\n    region: south\n", file: "g.yaml")
    } catch let errors as GovTagErrors {
      #expect(
        errors.description
          == #"g.yaml:4:13: province 广东 has the region "south", which is none of east, central and west; write region: east, region: central or region: west"#
      )
    } catch {
      Issue.record("unexpected \(error)")
    }
    // The province's service brand gets no error of its own: it would read as if 广东 were unknown.
    do {
      _ = try GazetteerLoader().parse(
        "provinces:\n  - name: 广东\n    full: 广东省\n    region: centrl\nservice_brands:\n  粤省事: 广东\n", file: "g.yaml")
      Issue.record("a misspelt region must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"g.yaml:4:13: province 广东 has the region "centrl", which is none of east, central and west; write region: east, region: central or region: west"#
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}

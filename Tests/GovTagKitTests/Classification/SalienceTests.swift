import GovTagKit
import GovTagTestSupport
import Testing

/// The salience rules of `scope.yaml`: hits that a text mentions without saying the case does
/// them (aims, background sentences, lists of trends, field and benefit frames).
@Suite("Salience: what a case is about, not what it mentions")
struct SalienceTests {
  static let technology = """
    dimension: technology
    categories:
      big_data:
        terms:
          大数据: 3
      cloud:
        terms:
          云计算: 3
      ai:
        terms:
          人工智能: 3
      iot:
        terms:
          物联网: 3
    """

  static let traits = """
    dimension: traits
    categories:
      grassroots:
        terms:
          基层治理: 4
          基层减负: 4
          网格: 3
    """

  static let scope = """
    plan: [下一步]
    aim: [助力, 旨在]
    background: [近年来]
    use: [运用, 依托]
    frames: [在…方面, 为…减负, 推动…融合]
    """

  let tagger: Tagger

  init() throws {
    let loader = LexiconLoader()
    let lexicons = LexiconSet(dimensions: [
      try loader.parse(Self.traits, file: "traits.yaml"), try loader.parse(Self.technology, file: "technology.yaml"),
    ])
    tagger = try Tagger(model: ClassifierModel(lexicons: lexicons, scope: try ScopeRules.parse(Self.scope, file: "scope.yaml")))
  }

  func statuses(_ text: String) throws -> [String] {
    try tagger.hits(in: text).filter(\.status.isReportedByDefault).map { "\($0.term):\($0.status.code)" }
  }

  @Test("an aim cue before the hit in its clause keeps it from counting, and says which")
  func aim() throws {
    #expect(try statuses("助力基层治理现代化，推行网格管理") == ["基层治理:aim", "网格:counted"])
    let hit = try #require(try tagger.hits(in: "旨在提升基层治理水平").first)
    #expect(hit.status == .aim(cue: "旨在"))
    #expect(hit.status.explanation == "named as an aim or benefit (\"旨在\" in its clause), not as what the case does")
  }

  @Test("a sentence opening with a background cue counts half, to its end but not beyond")
  func background() throws {
    let text = "近年来，全市推进基层治理，网格体系不断完善。区里推行网格管理"
    #expect(try statuses(text) == ["基层治理:background", "网格:background", "网格:counted"])
    let result = try tagger.classify(title: nil, text: text)
    // 基层治理 4 × ½ and 网格 3 × ½ (background), then 网格 again: 3 × ½ (a repeat counts half).
    #expect(result.score("traits", "grassroots") == 5)
    // The cue must open the sentence: in its middle it is an ordinary word.
    #expect(try statuses("区里近年来推进基层治理") == ["基层治理:counted"])
    // Quotes and spaces before the cue do not hide it.
    #expect(try statuses("“近年来，全市推进基层治理") == ["基层治理:background"])
  }

  @Test("a list across three or more categories of a dimension is a survey, unless a use verb introduces it")
  func listed() throws {
    #expect(
      try statuses("大数据、云计算、人工智能等技术被写入规划")
        == ["大数据:listed", "云计算:listed", "人工智能:listed"])
    let hit = try #require(try tagger.hits(in: "大数据、云计算、人工智能等技术被写入规划").first)
    #expect(hit.status.explanation == "one item of a list that spans 3 categories: a list of trends or fields, not the case's own work")
    // A use verb before the list: the case uses what it names.
    #expect(
      try statuses("运用物联网、云计算、人工智能等技术实现自动预警")
        == ["物联网:counted", "云计算:counted", "人工智能:counted"])
    // Two categories are not a survey; neither is a list in another clause.
    #expect(try statuses("大数据、人工智能与政务服务结合") == ["大数据:counted", "人工智能:counted"])
    #expect(try statuses("建成物联网平台，大数据、云计算、人工智能等技术广泛应用") == ["物联网:counted", "大数据:listed", "云计算:listed", "人工智能:listed"])
  }

  @Test("a frame naming a field or a benefit encloses the hit in its clause")
  func framed() throws {
    #expect(try statuses("在基层治理方面，城乡网格体系已覆盖全省") == ["基层治理:framed", "网格:counted"])
    #expect(try statuses("为基层减负，为群众解忧") == ["基层减负:framed"])
    #expect(try statuses("推动大数据、人工智能与政务服务深度融合") == ["大数据:framed", "人工智能:framed"])
    let hit = try #require(try tagger.hits(in: "为基层减负").first)
    #expect(hit.status.explanation == "inside \"为…减负\": names a field or a benefit, not what the case does")
    // The frame's words must both stand in the hit's clause.
    #expect(try statuses("在全省推进基层治理，取得积极成效方面") == ["基层治理:counted"])
  }

  @Test("scope files declare frames as two words joined by …, and check the new lists")
  func scopeFileErrors() {
    do {
      _ = try ScopeRules.parse("frames: [在方面]\n", file: "scope.yaml")
      Issue.record("a frame without … must fail")
    } catch let errors as GovTagErrors {
      #expect(errors.description == "scope.yaml:1:10: frame \"在方面\" must be two words joined by …; e.g. 在…方面")
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try ScopeRules.parse("frames: [為…減負, 在…方面, 在…方面]\n", file: "scope.yaml")
      Issue.record("a frame folding would change, and a repeated frame, must fail")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          #"scope.yaml:1:10: frame "為…減負" can never match: texts are folded to simplified characters and half-width forms before matching; write "为…减负""#,
          #"scope.yaml:1:22: frame "在…方面" is listed twice; remove one"#,
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try ScopeRules.parse("aim: 助力\n", file: "scope.yaml")
      Issue.record("a scalar where a list belongs must fail")
    } catch {
      #expect("\(error)".contains("scope.yaml:1"))
    }
  }
}

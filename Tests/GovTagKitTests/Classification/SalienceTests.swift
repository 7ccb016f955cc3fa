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
          乡镇: 2
    """

  static let scope = """
    plan: [下一步, 未来]
    plan_without_will: [下一步]
    aim: [助力, 旨在]
    background: [近年来]
    use: [运用, 依托]
    focus: [本文关注, 在此背景下]
    purpose: [为深入, 为进一步, 着力推动]
    purpose_clauses: [推动, 以]
    pending: [尚在酝酿]
    speech: [表示, 介绍, 要求, 提出]
    list_closers: [部门, 单位]
    frames: [在…方面, 为…减负, 推动…融合, 根据…统计, 打造…样板, 推送…部门, 向…转变, 来自…上报]
    \(Fixtures.scopeGrammar)
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

  @Test("a sentence opening with a background cue counts half, to its end; a paragraph opening with one, to the line break")
  func background() throws {
    let text = "近年来，全市推进基层治理，网格体系不断完善。\n区里推行网格管理"
    #expect(try statuses(text) == ["基层治理:background", "网格:background", "网格:counted"])
    // A paragraph that opens with the cue surveys the setting in all its sentences…
    #expect(try statuses("近年来，全市推进基层治理。区里推行网格管理") == ["基层治理:background", "网格:background"])
    // …a sentence that opens with it inside a paragraph only to its own end.
    #expect(
      try statuses("区里推行网格管理。近年来，全市推进基层治理。街道推行网格管理")
        == ["网格:counted", "基层治理:background", "网格:counted"])
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
    #expect(
      hit.status.explanation == "one item of a list that spans 3 categories: a list of trends or fields, not the case's own work")
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
    #expect(
      hit.status.explanation
        == "inside \"为…减负\": names a field, a benefit, a source, a problem, a slogan or where a dispatch goes, not what the case does"
    )
    // A frame in a background sentence still encloses its hit: it counts nothing, not half.
    #expect(try statuses("近年来，全市在基层治理方面推行网格管理") == ["基层治理:framed", "网格:background"])
    // The frame's words must both stand in the hit's clause.
    #expect(try statuses("在全省推进基层治理，取得积极成效方面") == ["基层治理:counted"])
  }

  @Test("a slogan, and a unit that a dispatch goes to together with departments, are frames too")
  func sloganAndDispatch() throws {
    #expect(try statuses("打造基层治理南通样板") == ["基层治理:framed"])
    #expect(try statuses("预警信息同步推送燃气企业抢修中心、属地乡镇和应急管理部门") == ["乡镇:framed"])
    let hit = try #require(try tagger.hits(in: "预警信息推送属地乡镇和应急管理部门").first)
    #expect(hit.status == .framed(frame: "推送…部门"))
    // What a shift goes toward is its aim, the field that shifts is not (dev-v025); a source among
    // others is no user (问题线索还来自市民投诉和网格员上报, dev-v023).
    #expect(try statuses("推动城市治理从经验判断向大数据研判转变") == ["大数据:framed"])
    #expect(try statuses("推动基层治理从管理向服务转变") == ["基层治理:counted"])
    #expect(try statuses("问题线索还来自市民投诉和网格上报") == ["网格:framed"])
    // Sent to the township alone, or with no department named in the clause: the township's own work.
    #expect(try statuses("预警信息推送至乡镇，由乡镇组织核查") == ["乡镇:counted", "乡镇:counted"])
    #expect(try statuses("预警信息推送至乡镇，再转交相关部门") == ["乡镇:counted"])
  }

  @Test("the text before the sentence of the first focus cue sets the scene and does not count")
  func setting() throws {
    let text = "全市推进基层治理，大数据平台不断完善。在此背景下，区里推行网格管理。本文关注的是云计算"
    #expect(try statuses(text) == ["基层治理:setting", "大数据:setting", "网格:counted", "云计算:counted"])
    let hit = try #require(try tagger.hits(in: text).first)
    #expect(hit.status == .setting(cue: "在此背景下"))
    #expect(hit.status.explanation == "before \"在此背景下\", which says what the case is: the text before it sets the scene")
    #expect(try tagger.classify(title: nil, text: text).score("traits", "grassroots") == 3)
    // Without a focus cue every hit counts.
    #expect(try statuses("全市推进基层治理。区里推行网格管理") == ["基层治理:counted", "网格:counted"])
  }

  @Test(
    "a sentence that opens with a plan cue and a comma, a section headed by one, and a sentence before a pending cue are plans")
  func plannedParts() throws {
    // 下一步， governs its whole sentence, not only its clause.
    #expect(
      try statuses("区里推行网格管理。下一步，将完善平台，推广大数据应用。运用云计算")
        == ["网格:counted", "大数据:planned", "云计算:counted"])
    let hit = try #require(try tagger.hits(in: "下一步，将完善平台，推广大数据应用").first)
    #expect(hit.status == .plannedPart(cue: "下一步"))
    #expect(hit.status.explanation == "only planned (\"下一步\" makes its sentence or section a plan)")
    // A heading 四、下一步 governs its section, up to the next heading.
    #expect(
      try statuses("三、成效\n推行网格管理。\n四、下一步\n完善平台。推广大数据应用。\n五、体会\n运用云计算")
        == ["网格:counted", "大数据:planned", "云计算:counted"])
    // A short time phrase may stand between the cue and its comma (展望2025年，北京将…, dev-v013);
    // a longer first clause keeps the cue to it.
    #expect(try statuses("未来三年，推广大数据应用，运用云计算。推行网格管理") == ["大数据:planned", "云计算:planned", "网格:counted"])
    #expect(try statuses("未来全区各部门共同努力，推广大数据应用") == ["大数据:counted"])
    // A cue inside a longer word makes no heading: 未来社区 is no plan.
    #expect(try statuses("未来社区\n推行网格管理") == ["网格:counted"])
    // A plan cue that opens a clause and says 将 (他透露，下一步将…) makes the rest of the sentence a plan;
    // without 将 it keeps to its clause, unless it is 下一步 (…，下一步建设…平台，对…及时预警, dev-w020).
    #expect(try statuses("他透露，下一步将推广大数据应用，运用云计算。推行网格管理") == ["大数据:planned", "云计算:planned", "网格:counted"])
    #expect(try statuses("他透露，未来推广大数据应用，运用云计算") == ["大数据:planned", "云计算:counted"])
    #expect(try statuses("他透露，下一步推广大数据应用，运用云计算。推行网格管理") == ["大数据:planned", "云计算:planned", "网格:counted"])
    // A pending cue after what its sentence names makes it a plan.
    #expect(try statuses("还在研究推广大数据应用，但这些尚在酝酿之中。运用云计算") == ["大数据:planned", "云计算:counted"])
  }

  @Test("what a speech cue reports is a plan to its sentence's end when it opens with 将, and only then")
  func reportedPlans() throws {
    #expect(
      try statuses("负责人表示，将推广大数据应用，运用云计算。推行网格管理")
        == ["大数据:planned", "云计算:planned", "网格:counted"])
    #expect(try tagger.hits(in: "负责人表示还将推广大数据应用").first?.status == .plannedPart(cue: "表示还将"))
    // What was done, or 将 elsewhere in the reported words, is not a plan.
    #expect(try statuses("负责人介绍，平台已推广大数据应用") == ["大数据:counted"])
    #expect(try statuses("负责人介绍，平台将大数据用于网格管理") == ["大数据:counted", "网格:counted"])
  }

  @Test("a speech cue that ends the text reports nothing, and nothing before it becomes a plan")
  func speechCueAtTheEnd() throws {
    // Found on the benchmark corpus: the rule read the byte after the cue, past the text's end
    // (a crash in a debug build).
    #expect(try statuses("平台已推广大数据应用，负责人表示") == ["大数据:counted"])
    #expect(try statuses("负责人表示") == [])
  }

  @Test("a plan cue after a speech cue's comma, and a demand that opens each part past a semicolon or a full stop, reach on")
  func reportedPlanCuesAndSemicolons() throws {
    #expect(
      try statuses("负责人介绍，中心下一步推广大数据应用，运用云计算。推行网格管理")
        == ["大数据:planned", "云计算:planned", "网格:counted"])
    #expect(try tagger.hits(in: "负责人介绍，中心下一步推广大数据应用，运用云计算").last?.status == .plannedPart(cue: "介绍，中心下一步"))
    #expect(try statuses("负责人表示，要推广大数据应用；要运用云计算。推行网格管理") == ["大数据:planned", "云计算:planned", "网格:counted"])
    // A part that opens otherwise is what was done.
    #expect(try statuses("负责人表示，要推广大数据应用；全区运用云计算") == ["大数据:planned", "云计算:counted"])
    // Past a full stop the demands go on only when the next sentence opens with 要 itself (会议指出，
    // …要…。要强化大数据分析和风险预警…, dev-w041); a subject before it says what was done.
    #expect(
      try statuses("负责人表示，要推广大数据应用。要运用云计算，推行网格管理。全区运用物联网")
        == ["大数据:planned", "云计算:planned", "网格:planned", "物联网:counted"])
    #expect(try statuses("负责人表示，要推广大数据应用。全区要运用云计算") == ["大数据:planned", "云计算:counted"])
    // They start there even when the cue's own sentence opened none, but not past a line break.
    #expect(
      try statuses("负责人表示，平台运行良好，各部门要团结。要推广大数据应用，运用云计算。全区运用物联网")
        == ["大数据:planned", "云计算:planned", "物联网:counted"])
    #expect(try statuses("负责人表示，平台运行良好。\n要推广大数据应用") == ["大数据:counted"])
  }

  @Test("a demand that opens a later clause of what is reported, and a meeting's 要求 without a comma, reach the sentence's end")
  func laterDemandsAndMeetingDemands() throws {
    // 负责人表示，政务云是…“底座”，要以此为基础，加快推进大数据… (dev-v038): what was done stays counted.
    #expect(
      try statuses("负责人表示，平台运用云计算，要以此为基础，推广大数据应用。推行网格管理")
        == ["云计算:counted", "大数据:planned", "网格:counted"])
    #expect(
      try tagger.hits(in: "负责人表示，平台运用云计算，要以此为基础，推广大数据应用").last?.status
        == .plannedPart(cue: "表示，平台运用云计算，要"))
    // A later clause's subject before 要 says what had to be done, and 将 there may be 把.
    #expect(try statuses("负责人介绍，过去审批很慢，群众要推广大数据应用") == ["大数据:counted"])
    #expect(try statuses("负责人介绍，平台已上线，将大数据用于网格管理") == ["大数据:counted", "网格:counted"])
    // 会议要求各地加强后台数据分析 (dev-v048): a meeting's demand, comma or not.
    #expect(try statuses("会议要求各地推广大数据应用。推行网格管理") == ["大数据:planned", "网格:counted"])
    #expect(try tagger.hits(in: "会议要求各地推广大数据应用").first?.status == .plannedPart(cue: "要求"))
    // The case's own rule, and a noun 要求, demand nothing.
    #expect(try statuses("制定时限，要求乡镇推广大数据应用") == ["乡镇:counted", "大数据:counted"])
    #expect(try statuses("对脱敏要求和大数据应用作出规定") == ["大数据:counted"])
    // A cue after 的 is a noun, no one speaking: 为落实…的要求，区里将… is what the district does.
    #expect(try statuses("为落实省里的要求，区里将大数据用于网格管理") == ["大数据:counted", "网格:counted"])
    // 提出 reports what a unit demands (省大数据管理局提出，要坚持…，以大数据提升…, dev-v030).
    #expect(try statuses("该局提出，要坚持运用大数据提升服务") == ["大数据:planned"])
  }

  @Test("the items of a 、-list closed by a list closer name who takes part; the verb that opens the list counts")
  func listClosers() throws {
    #expect(try statuses("与网格、乡镇等部门共享数据") == ["网格:listed", "乡镇:listed"])
    #expect(try statuses("由网格、乡镇两个单位负责") == ["网格:listed", "乡镇:listed"])
    #expect(
      try tagger.hits(in: "与网格、乡镇等部门").first?.status.explanation
        == "one of the departments a list names (…等部门): who takes part, not what the case is about")
    // Without a closer within reach the list is the case's own work.
    #expect(try statuses("推行网格、乡镇联动管理") == ["网格:counted", "乡镇:counted"])
  }

  @Test("the aims that open a purpose sentence do not count, up to the clause of the case's own action")
  func purpose() throws {
    let text = "为深入推进基层治理，推动大数据与政务深度融合，以云计算提升效能，区里近日推行网格管理"
    #expect(try statuses(text) == ["基层治理:aim", "大数据:aim", "云计算:aim", "网格:counted"])
    let hit = try #require(try tagger.hits(in: text).first)
    #expect(hit.status == .purpose(cue: "为深入"))
    #expect(hit.status.explanation == "in the aims that open its sentence or clause (\"为深入\"…), not what the case does")
    // The cue must open the sentence or a clause: after the deliverable, 着力推动… opens the slogan.
    #expect(try statuses("区里为深入推进基层治理，推行网格管理") == ["基层治理:counted", "网格:counted"])
    #expect(try statuses("区里推行网格管理，着力推动大数据与政务结合，以云计算提升效能") == ["网格:counted", "大数据:aim", "云计算:aim"])
    // A frame names the source of a figure.
    #expect(try statuses("根据区大数据平台统计，网格管理覆盖全区") == ["大数据:framed", "网格:counted"])
  }

  @Test("scope files declare frames as two words joined by …, and check the new lists")
  func scopeFileErrors() {
    do {
      _ = try ScopeRules.parse("frames: [在方面]\n" + Fixtures.scopeGrammar, file: "scope.yaml")
      Issue.record("a frame without … must fail")
    } catch let errors as GovTagErrors {
      #expect(errors.description == "scope.yaml:1:10: frame \"在方面\" must be two words joined by …; e.g. 在…方面")
    } catch {
      Issue.record("unexpected \(error)")
    }
    do {
      _ = try ScopeRules.parse("frames: [為…減負, 在…方面, 在…方面]\n" + Fixtures.scopeGrammar, file: "scope.yaml")
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

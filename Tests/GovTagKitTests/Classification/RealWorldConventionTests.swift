import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// The bundled lexicons on the taxonomy's conventions for real-world writing (docs/TAXONOMY.md):
/// data_application only when data use is delivered, grassroots only for grassroots users or
/// scope. Each sentence is from a `dev` case whose labels the convention decides.
@Suite("Bundled lexicons: what a real-world case is about, not what it mentions")
struct RealWorldConventionTests {
  static let model: ClassifierModel = {
    do {
      return try ClassifierModel.load(lexiconDirectory: Fixtures.repository.appendingPathComponent("Lexicons").path)
    } catch {
      fatalError("the bundled lexicons must load: \(error)")
    }
  }()

  /// `term:status` of the reported hits of one category.
  func statuses(_ text: String, _ dimension: String, _ category: String) throws -> [String] {
    try Tagger(model: Self.model).hits(in: text)
      .filter { $0.dimension == dimension && $0.category == category && $0.status.isReportedByDefault }
      .map { "\($0.term):\($0.status.code)" }
  }

  @Test(
    "a display, a deadline alert, a large language model or an agency's name is no data use",
    arguments: [
      ("中心大厅设置可视化大屏，实时展示各类纠纷受理情况", []),  // dev-r036
      ("对逾期未办结的，系统自动提醒并亮牌预警", ["预警:excluded"]),  // dev-r057
      ("引入大语言模型技术，降低大模型编造答案的风险", ["模型:excluded", "模型:excluded"]),  // dev-r021
      ("市大数据应用发展管理局统筹建设全市政务云", ["数据应用:excluded"]),  // dev-x019
      ("以应用成效检验公共数据价值", []),  // gt2-021: a slogan
      ("召开全省森林草原防灭火智能监测预警系统建设推进会", ["预警:excluded"]),  // dev-t009: a system's name
      ("该州建设的亚洲象监测预警平台已覆盖86个村寨", ["预警:excluded"]),  // dev-t055
      ("人口、房屋等数据按属地回流至11个镇街，经清洗比对后形成“一人一档”", ["比对:excluded"]),  // gt1-045
    ] as [(String, [String])])
  func noDataUse(text: String, expected: [String]) throws {
    #expect(try statuses(text, "data_element", "data_application") == expected)
  }

  @Test("data use the case delivers still counts")
  func dataUse() throws {
    #expect(
      try statuses("平台建立蓝藻水华预警模型，根据水温、光照预测风险", "data_element", "data_application")
        == ["预警:counted", "模型:counted", "预测:counted"])
  }

  @Test("a street that a dispatch reaches among departments is no grassroots scope; villages as users are")
  func dispatch() throws {
    // dev-r025
    #expect(
      try statuses("预警信息同步推送燃气企业抢修中心、属地街道和应急管理部门", "traits", "grassroots") == ["街道:framed"])
    // dev-r017
    #expect(try statuses("生成预警名单推送至乡镇和村，由村干部入户核实", "traits", "grassroots") == ["乡镇:counted", "村干部:counted"])
  }

  @Test("the hotline's agents serve callers: public service (dev-r046)")
  func hotlineAgents() throws {
    let classification = try Tagger(model: Self.model).classify(title: "厦门12345热线启用大模型智能坐席", text: "通话结束后自动生成工单摘要，话务员后处理时间缩短40%。")
    #expect(classification.labels("capability") == ["public_service"])
  }

  @Test("what a spokesperson says the unit will do (表示，将…) is a plan; what was done still counts")
  func reportedPlans() throws {
    // dev-s004
    let text = "河长办有关负责人表示，将以此推动河湖数据融合共享，实现河湖管护从“有名”向“有实”转变。"
    #expect(try statuses(text, "data_element", "data_sharing") == ["融合:planned", "共享:planned"])
    let hit = try #require(try Tagger(model: Self.model).hits(in: text).first { $0.term == "共享" })
    #expect(hit.status == .plannedPart(cue: "表示，将"))
    // dev-s026: the aim the bureau says it will pursue.
    #expect(try statuses("该局表示，将以打破数据壁垒为目标，持续扩大掌上可办事项范围。", "data_element", "data_sharing") == ["数据壁垒:planned"])
    // dev-s047: what the centre's head says was done.
    #expect(
      try statuses("热线中心负责人介绍，中心组建了6人的数据分析小组，利用大数据方法对每天3000多件来电工单进行分析", "data_element", "data_application")
        == ["数据分析:counted"])
  }

  @Test("a category that only a background paragraph names is not the case's (dev-r048)")
  func backgroundAlone() throws {
    let text = """
      近年来，湖南省深入推进数字政府建设，株洲市也相继推出了“一件事一次办”等举措，市数据资源管理局持续推进政务数据归集共享。
      2022年，株洲市市场监督管理局牵头建立跨部门联合抽查工作机制，全市21个部门梳理出可以联合开展的抽查事项64项。
      """
    let result = try Tagger(model: Self.model).classify(title: "株洲市跨部门联合“双随机”抽查实践", text: text)
    #expect(result.labels("data_element") == [])
    let sharing = result.evidence.filter {
      $0.category == "data_sharing" && $0.status.counts == false && $0.status.code == "background"
    }
    #expect(sharing.map(\.term) == ["归集", "共享"])
    #expect(
      sharing.first?.status.explanation
        == "in a background sentence (it opens with \"近年来\"), and nothing outside the background names its category: counts nothing"
    )
    // With the case's own sharing beside it, the background counts half as before.
    let own = try Tagger(model: Self.model).classify(title: nil, text: text + "\n抽查结果通过平台实现部门间数据共享。")
    #expect(own.labels("data_element") == ["data_sharing"])
    #expect(
      own.evidence.filter { $0.category == "data_sharing" && $0.status.counts }.map { "\($0.term):\($0.status.code)" }
        == ["归集:background", "共享:background", "部门间:counted", "数据共享:counted"])
  }

  @Test(
    "a compliance check applies rules and makes none; merging service windows is no data sharing",
    arguments: [
      ("集团委托第三方机构开展合规评估和价值评估", "data_standards", ["合规:excluded"]),  // dev-s034
      ("数据经纪人是在数据供需双方之间提供撮合、代理、合规咨询等服务的市场主体", "data_standards", ["合规:excluded"]),  // dev-s054
      ("中心打破部门界限，将原有的86个部门窗口整合为“综合受理、分类审批、统一出件”的三类窗口", "data_sharing", ["整合:excluded"]),  // dev-s003
    ] as [(String, String, [String])])
  func complianceAndWindows(text: String, category: String, expected: [String]) throws {
    #expect(try statuses(text, "data_element", category) == expected)
  }

  @Test("a data-governance rule for the administration with no service in view is government operations")
  func dataGovernanceIsGovernmentOperations() throws {
    // dev-r002
    let text = """
      近日，北京市政务服务和数据管理局印发《北京市公共数据分类分级指南（试行）》，对全市各级行政机关在履职过程中产生和获取的公共数据提出统一的分类分级要求。
      各部门应于年内完成本单位数据目录的分类分级标识工作，并设立首席数据官，负责本单位数据安全与质量管理。
      """
    let result = try Tagger(model: Self.model).classify(title: "北京市印发《公共数据分类分级指南（试行）》", text: text)
    // The guide is a data standard too (指南, sixth pass), and its 共享 a provision, no sharing.
    #expect(result.labels("data_element") == ["data_management", "data_standards"])
    #expect(result.labels("capability") == ["government_operations"])
    let score = try #require(
      result.dimensions.first { $0.dimension == "capability" }?.scores.first { $0.category == "government_operations" })
    #expect(score.impliedBy == ["data_element.data_management", "data_element.data_standards"])
    // A case that serves people keeps its own capability alone (dev-s058).
    let service = try Tagger(model: Self.model).classify(
      title: "上海老年综合津贴实现“无感申办”",
      text: "“随申办”系统依据公安部门户籍数据，自动筛选当月新满65周岁的本市户籍老人，再通过市大数据中心比对人社、医保部门的社保和银行账户信息，对符合条件的老人由系统按规则自动核定并发放，老人无需申请。")
    #expect(service.labels("capability") == ["public_service"])
  }

  @Test("the departments a list names take part; they are not the case's field")
  func departmentLists() throws {
    // gt3-010: the urban-management bureau is one of the data's sources, not the case's field.
    #expect(
      try statuses("各类监测数据统一汇入系统，与水利、气象、城管等部门的水位、风向风速、打捞作业数据同步共享", "capability", "social_management")
        == ["城管:listed"])
    // dev-s020
    let text = "过去审核一户低保申请，要分别到公安、不动产、车管等部门开具证明"
    #expect(try statuses(text, "capability", "social_management") == ["公安:listed"])
    let hit = try #require(try Tagger(model: Self.model).hits(in: text).first { $0.term == "公安" })
    #expect(hit.status == .department)
    #expect(hit.status.explanation == "one of the departments a list names (…等部门): who takes part, not what the case is about")
    // The verb that introduces the list is the case's own action; a list without 部门 is no list of departments.
    #expect(try statuses("平台汇聚公安、交通等部门数据", "data_element", "data_sharing") == ["汇聚:counted", "部门数据:counted"])
    #expect(try statuses("平台汇聚公安、交通等部门数据", "capability", "social_management") == ["公安:listed"])
    #expect(try statuses("民警运用公安、交通数据破案", "capability", "social_management") == ["公安:counted"])
  }

  @Test("大数据分析 named as the means is a weak hint; grid workers as one channel of a hotline are no grassroots scope")
  func bigDataAnalysisAndChannels() throws {
    // dev-s031: one weak hint, below the threshold on its own.
    let analysis = try Tagger(model: Self.model).classify(
      title: nil, text: "市政府办公厅政务公开科负责人介绍，办公厅会对收集到的意见开展大数据分析，梳理群众关注的焦点问题，供起草部门参考。")
    #expect(try statuses("办公厅会对收集到的意见开展大数据分析", "data_element", "data_application") == ["大数据分析:counted"])
    #expect(analysis.score("data_element", "data_application") == 1)
    #expect(analysis.labels("data_element") == [])
    // dev-s011
    #expect(try statuses("热线日均受理量约2.4万件，其中约一成来自网格员、网站、小程序等其他渠道", "traits", "grassroots") == ["网格员:framed", "网格:framed"])
  }

  @Test("two regions exchanging records share data as two agencies do (dev-s045)")
  func regionsShare() throws {
    #expect(
      try statuses("两地通过全国一体化政务服务平台交换电子证照和办件信息", "data_element", "data_sharing") == ["交换:counted"])
    // Without a second agency or region the pooling verb is no sharing.
    #expect(try statuses("市民可在平台交换闲置物品", "data_element", "data_sharing") == ["交换:missing_context"])
  }

  @Test("a problem the text speaks of (针对…问题) is not what the case does (dev-s007)")
  func problemFrame() throws {
    let text = "针对市场关心的数据确权问题，负责人表示，目前仍在国家有关部署框架下探索，交易所主要通过合规评估和登记凭证来明确交易双方的权责。"
    #expect(try statuses(text, "data_element", "data_standards") == ["数据确权:framed", "确权:framed", "合规:excluded"])
    let hit = try #require(try Tagger(model: Self.model).hits(in: text).first { $0.term == "数据确权" })
    #expect(hit.status == .framed(frame: "针对…问题"))
  }

  @Test("a data-sharing rule's title and provisions are a standard, not sharing; a data guide is a standard")
  func rulesOnSharing() throws {
    // dev-s038: a chief data officer's duties, as the 《方案》 provides them.
    #expect(
      try statuses("《方案》明确，各单位首席数据官负责统筹本单位数据质量管理、数据安全管理和数据共享开放等工作。", "data_element", "data_sharing")
        == ["数据共享:provision", "共享:provision"])
    // dev-s042: the regulation is data_standards (and so government_operations), no data_sharing.
    let regulation = try Tagger(model: Self.model).classify(
      title: "《湖北省政务数据共享管理办法》正式施行",
      text: "近日，湖北省人民政府印发的《湖北省政务数据共享管理办法》正式施行。《办法》共6章38条，明确政务数据以共享为原则、不共享为例外；同时对共享数据的使用范围作出规定。")
    #expect(regulation.labels("data_element") == ["data_standards"])
    #expect(regulation.labels("capability") == ["government_operations"])
    // dev-r002, dev-s012: 指南 is a data standard in a sentence about data (issued: it counts in
    // full); a service guide is none.
    #expect(
      try statuses("市大数据管理局印发《苏州市公共数据分类分级指南（试行）》", "data_element", "data_standards") == ["指南:counted"])
    #expect(try statuses("市民可用藏语查询办事指南和申报数据", "data_element", "data_standards") == ["指南:excluded"])
  }

  @Test("comparing records to verify a claim (比对核验) is no data use (dev-s020)")
  func verification() throws {
    #expect(
      try statuses("工作人员在系统中即可完成户籍、房产、车辆等信息的比对核验", "data_element", "data_application") == ["比对:excluded"])
    #expect(
      try statuses("平台比对人社、医保部门数据，自动识别符合条件的老人", "data_element", "data_application") == ["比对:counted"])
  }

  @Test("what a meeting or a leader says must be done (指出，要…; 要求，各地各部门要…) is an aim, to the sentence's end")
  func demands() throws {
    // dev-t009
    let text = "会议指出，要强化数据赋能，推动气象、林草、应急等数据融合，让“大数据”多跑路。"
    #expect(try statuses(text, "data_element", "data_application") == ["数据赋能:planned", "数据融合:planned"])
    let hit = try #require(try Tagger(model: Self.model).hits(in: text).first { $0.term == "数据赋能" })
    #expect(hit.status == .plannedPart(cue: "指出，要"))
    // dev-t011: after a subject (各部门要), too.
    #expect(
      try statuses("会议强调，各部门要以数据为驱动，推进部门间数据融合共享。", "data_element", "data_sharing")
        == ["部门间:planned", "融合:planned", "共享:planned"])
    // 重要 says no "must": what was done still counts.
    #expect(try statuses("负责人介绍，重要数据实现部门间共享。", "data_element", "data_sharing") == ["部门间:counted", "共享:counted"])
    // A meeting's 要求 needs no comma (dev-v048); anyone else's 要求 without one reports nothing.
    let meeting = try statuses("会议要求各地推进部门间数据共享。", "data_element", "data_sharing")
    #expect(meeting == ["部门间:planned", "数据共享:planned", "共享:planned"])
    #expect(try statuses("平台要求各地推进部门间数据共享。", "data_element", "data_sharing") == ["部门间:counted", "数据共享:counted"])
  }

  @Test("what data serves or lays the ground for (为…提供支撑, 为…打牢, 数据赋能) is a benefit or a slogan")
  func benefits() throws {
    // dev-t044: the analysis counts, what it supports does not.
    #expect(
      try statuses("强化数据融合和综合分析，为生态保护预警和科学决策提供支撑", "data_element", "data_application")
        == ["数据融合:counted", "预警:framed", "科学决策:framed"])
    // dev-t008
    #expect(
      try statuses("各部门要把数据治理作为日常工作，为“一网通办”“一网统管”打牢数据底座。", "capability", "public_service")
        == ["一网通办:framed", "通办:framed"])
    // dev-t032: what a meeting is briefed on is a report's topic.
    #expect(
      try statuses("会议通报了2023年度热线运行及数据分析情况", "data_element", "data_application") == ["数据分析:framed"])
    // dev-t009: calling up a camera's picture shares no data.
    #expect(try statuses("省、市、县三级指挥中心值班人员可远程调取画面核实", "data_element", "data_sharing") == ["调取:excluded"])
    // dev-t016: a slogan after 努力让 is an aim.
    #expect(
      try statuses("推动政务服务向基层延伸，努力让数据多跑路、群众少跑腿。", "data_element", "data_sharing") == ["数据多跑路:aim"])
    // dev-t019, dev-t046: 数据赋能 is a weak hint, below the threshold on its own.
    let slogan = try Tagger(model: Self.model).classify(title: nil, text: "街道建成治理平台，用数据赋能基层。")
    #expect(slogan.score("data_element", "data_application") == 1)
    #expect(slogan.labels("data_element") == [])
  }

  @Test("a firm named by its trade (地图服务企业) and surveying as a step of a procedure are no map technology")
  func mapFirmsAndSurveying() throws {
    // dev-t025, dev-s034
    #expect(try statuses("向导航地图企业和商业综合体提供服务，按调用量收费", "technology", "gis") == ["地图:excluded"])
    #expect(try statuses("交警指挥中心可在电子地图上实时查看各路口运行状态", "technology", "gis") == ["地图:counted"])
    // dev-s021: a weak hint, below the threshold on its own.
    let procedure = try Tagger(model: Self.model).classify(
      title: nil, text: "对规划核实、竣工验收备案、面积测绘实行联合办理，首次登记和转移登记在交房前完成。")
    #expect(procedure.score("technology", "gis") == 1)
    #expect(procedure.labels("technology") == [])
  }

  @Test(
    "merging steps into one, a department's own data and a catalogue's 共享属性 are no data sharing",
    arguments: [
      ("将企业设立登记、员工参保登记、住房公积金企业缴存登记等6个环节整合为“一件事”", ["整合:excluded"]),  // dev-t033
      ("首席数据官负责本部门数据目录维护和安全管理", ["部门数据:excluded"]),  // dev-t022
      ("明确每项数据的来源部门、更新频率和共享属性", ["共享:excluded"]),  // dev-t008
    ] as [(String, [String])])
  func notSharing(text: String, expected: [String]) throws {
    #expect(try statuses(text, "data_element", "data_sharing") == expected)
  }

  @Test("a firm's permits and its construction project's approval are public service (dev-t012, dev-r050, dev-t018)")
  func approvalsForFirms() throws {
    let permit = try Tagger(model: Self.model).classify(
      title: "浦东新区深化“一业一证”改革", text: "改革将一个行业涉及的多项许可整合为一张“行业综合许可证”，企业只需在一个窗口提交一套材料。")
    #expect(permit.labels("capability") == ["public_service"])
    let review = try Tagger(model: Self.model).classify(
      title: "城市副中心CIM平台辅助工程建设项目规划审查案例", text: "建设单位上传建筑信息模型后，系统自动比对规划条件，生成审查报告。")
    #expect(review.labels("capability") == ["public_service"])
    #expect(try statuses("在工程建设项目审批中全面推行基于CIM的智能审查", "capability", "public_service") == ["工程建设项目审批:counted", "智能审查:counted"])
  }

  @Test("a reported plan (表示，中心正计划…) and a meeting's demands past a semicolon (强调，要…；要…) are plans")
  func reportedPlansAndDemands() throws {
    // dev-u034: the plan cue after the spokesperson's comma reaches the sentence's end.
    let plan = "热线中心负责人表示，中心正计划建立热线数据分析机制，对高频诉求开展监测预警，为相关部门决策提供参考。"
    #expect(try statuses(plan, "data_element", "data_application") == ["数据分析:planned", "预警:planned"])
    let warning = try #require(try Tagger(model: Self.model).hits(in: plan).first { $0.term == "预警" })
    #expect(warning.status == .plannedPart(cue: "表示，中心正计划"))
    // dev-u040: the second demand after a semicolon.
    let demand = "会议强调，要坚持生态优先；要推动河湖管理数字化转型，充分运用大数据、物联网等手段，提升河湖监测预警和智慧管护水平，推进部门数据融合共享。"
    #expect(try statuses(demand, "technology", "iot") == ["物联网:planned", "物联:planned"])
    #expect(try statuses(demand, "data_element", "data_application") == ["预警:planned", "数据融合:planned"])
    // A part after a semicolon that says what was done still counts.
    #expect(
      try statuses("会议强调，要坚持生态优先；全市已运用物联网监测水质。", "technology", "iot") == ["物联网:counted"])
    // What was done, reported, still counts (dev-s047 above).
    #expect(
      try statuses("负责人介绍，中心组建了数据分析小组，对高频诉求开展监测预警", "data_element", "data_application")
        == ["数据分析:counted", "预警:counted"])
  }

  @Test("what a region proposes (提出以…, 提出要…) is an aim; a department that 提出 a request works (dev-u015, dev-x019)")
  func proposals() throws {
    #expect(
      try statuses("打造智慧养老新格局，并提出以数据驱动实现对老年人需求的精准感知、精准预警、精准服务。", "data_element", "data_application")
        == ["数据驱动:aim", "预警:aim"])
    #expect(try statuses("并提出要以大数据、云计算、人工智能为支撑", "technology", "big_data") == ["大数据:aim"])
    #expect(try statuses("部门提出共享申请后，数据提供部门须在5个工作日内答复", "data_element", "data_sharing") == ["共享:counted"])
  }

  @Test("a warning device and the warnings it sends are technology at work, no data use (dev-u044, gt3-053)")
  func warningsSent() throws {
    #expect(
      try statuses("在亚洲象活动区域布设红外相机和声光预警设备300余套", "data_element", "data_application") == ["预警:excluded"])
    #expect(try statuses("发出亚洲象预警信息1.2万余条，实现象群活动区域人员零伤亡", "data_element", "data_application") == ["预警:excluded"])
    // The model that makes a warning still counts.
    #expect(
      try statuses("系统运用模型研判风险，自动生成预警", "data_element", "data_application").contains("预警:counted"))
  }

  @Test("big data as a slogan's means or a figure's source is no big_data; big data at work is (dev-u060, dev-u028, dev-u049)")
  func bigDataAsMeans() throws {
    #expect(try statuses("苏州工业园区上线企业服务综合平台，依托大数据为企业提供政策查询", "technology", "big_data") == ["大数据:excluded"])
    #expect(try statuses("据大数据统计，上线首月预约量已超1万对", "technology", "big_data") == ["大数据:excluded"])
    #expect(try statuses("坚持“大数据赋能、全流程在线”", "technology", "big_data") == ["大数据:excluded"])
    #expect(try statuses("系统运用大数据技术为企业生成画像", "technology", "big_data") == ["大数据:counted", "画像:counted"])
  }

  @Test("a sentence that opens with 面向未来 and a comma is a plan (dev-u042)")
  func facingTheFuture() throws {
    let text = "面向未来，该区将持续探索人工智能、数字孪生等新技术在城市治理中的应用。"
    #expect(try statuses(text, "technology", "ai") == ["人工智能:planned"])
    #expect(try statuses(text, "technology", "digital_twin") == ["数字孪生:planned", "孪生:planned"])
  }

  @Test(
    "sensors, voice navigation and video analysis at work are technologies (dev-u027, dev-u036, dev-u032)",
    arguments: [
      ("全区5800余个路内公共泊位全部安装地磁感应器", "iot", ["感应器:counted"]),
      ("新增藏语语音导办功能", "ai", ["语音导办:counted"]),
      ("通过视频智能分析算法自动识别占道经营", "ai", ["智能分析:counted", "算法:counted"]),
    ] as [(String, String, [String])])
  func technologiesAtWork(text: String, category: String, expected: [String]) throws {
    #expect(try statuses(text, "technology", category) == expected)
  }

  @Test("a model in a sentence that assesses, forecasts or traces a source is data use on its own (dev-u055, dev-u014)")
  func analyticalModels() throws {
    let scoring = try Tagger(model: Self.model).classify(title: nil, text: "按风险评分模型将餐饮单位分为A、B、C、D四级。")
    #expect(scoring.score("data_element", "data_application") == 3)
    #expect(scoring.labels("data_element") == ["data_application"])
    #expect(try statuses("运用溯源模型自动反推污染可能来自哪一片区域", "data_element", "data_application") == ["模型:counted"])
    // A 3D or building model stays out.
    #expect(try statuses("以园区三维模型为底座，评估储罐风险", "data_element", "data_application") == ["模型:excluded"])
  }

  @Test("a warning the weather service issues is the weather service's, not the case's data use (dev-s055)")
  func weatherWarnings() throws {
    #expect(
      try statuses("气象局发布暴雨橙色及以上预警后，市防指办在30分钟内通知乡镇", "data_element", "data_application") == ["预警:framed"])
  }

  @Test("一站式 alone is a weak hint of management innovation (dev-t017)")
  func oneStop() throws {
    let result = try Tagger(model: Self.model).classify(title: nil, text: "平台提供政策查询、项目申报“一站式”服务。")
    #expect(result.score("innovation", "management") == 1)
    #expect(result.labels("innovation") == [])
  }

  @Test("an app's 手机端 names a platform, as 移动端 does (dev-u018)")
  func phoneClient() throws {
    #expect(try statuses("依托“蓉城网格通”手机端，微网格员随手上报", "traits", "platform") == ["手机端:counted"])
  }

  @Test("rules that compute or decide by themselves are technology innovation (dev-u016, dev-u002)")
  func rulesAtWork() throws {
    #expect(try statuses("按“就医地目录、参保地政策”自动计算医保报销金额", "innovation", "technology") == ["自动计算:counted"])
    #expect(try statuses("符合规则的申请由系统自动作出审批决定", "innovation", "technology") == ["自动作出:counted"])
  }

  @Test("a meeting's briefing and family members acting in an app are no management innovation (dev-v015, dev-v046)")
  func briefingsAndFamilyProxies() throws {
    #expect(try statuses("会议通报，各区均已设立首席数据官", "innovation", "management") == ["通报:excluded"])
    #expect(try statuses("对逾期事项每月通报，纳入考核", "innovation", "management") == ["通报:counted", "考核:counted"])
    #expect(try statuses("支持语音输入和子女代办", "innovation", "management") == ["代办:excluded"])
    #expect(try statuses("村便民服务站的代办员上门代办", "innovation", "management") == ["代办:counted", "代办:counted"])
  }

  @Test("the data slogans 用数据说话 and 用数据决策 are weak hints of data use (dev-v025, dev-v030, dev-v058)")
  func dataSlogans() throws {
    let result = try Tagger(model: Self.model).classify(title: nil, text: "文件库坚持“用数据说话”，不断丰富政策解读。")
    #expect(result.score("data_element", "data_application") == 1)
    #expect(result.labels("data_element") == [])
  }

  @Test("what a rule provides for an operator is no operator running (dev-v036, dev-v054)")
  func operatorsInRules() throws {
    let text = "近日，自治区印发《公共数据授权运营管理办法（试行）》，明确授权运营单位的准入条件、授权程序和收益分配方式。"
    let inRule = try statuses(text, "traits", "market_operation")
    #expect(
      inRule == ["授权运营:provision", "运营:provision", "授权运营:provision", "运营单位:provision", "运营:provision"])
    #expect(try Tagger(model: Self.model).classify(title: nil, text: text).labels("traits") == [])
    #expect(try statuses("授权区属国有企业作为运营主体，开展数据产品开发", "traits", "market_operation") == ["国有企业:counted", "运营主体:counted"])
  }

  @Test("recognising a face is ai at work, not a camera feed (dev-x020, dev-v055)")
  func faceRecognition() throws {
    let text = "参保人经人脸识别核验身份后即可完成医保结算"
    #expect(try statuses(text, "technology", "ai") == ["人脸识别:counted"])
    #expect(try statuses(text, "technology", "video") == [])
  }

  @Test("a model in a sentence that assesses or forecasts is technology innovation on its own; elsewhere 模型 counts nothing")
  func modelsAtWork() throws {
    // dev-v017, dev-s078
    let scoring = try Tagger(model: Self.model).classify(title: nil, text: "建立包含46项指标的风险评价模型，对市场主体逐户打分。")
    #expect(scoring.score("innovation", "technology") == 2)
    #expect(scoring.labels("innovation") == ["technology"])
    #expect(try statuses("以园区三维模型为底座，接入储罐液位数据", "innovation", "technology") == ["模型:missing_context"])
  }

  @Test("a problem the text says exists is no work, and 数据多跑路 is a slogan (dev-v032, dev-v034)")
  func problemsAndSlogans() throws {
    let problem = try statuses("当前一些地方仍存在系统不联通、数据不共享等问题", "data_element", "data_sharing")
    #expect(problem == ["联通:framed", "共享:framed"])
    let slogan = try Tagger(model: Self.model).classify(title: nil, text: "“数据多跑路，群众少跑腿，这不是一句口号。”")
    #expect(slogan.score("data_element", "data_sharing") == 1)
    #expect(slogan.labels("data_element") == [])
  }

  @Test("supervision that grades firms by risk and inspects each grade differently is management innovation (dev-v017, dev-s017)")
  func riskGradedSupervision() throws {
    let result = try Tagger(model: Self.model).classify(title: nil, text: "对A类企业降低抽查比例，D类企业提高抽查比例。")
    #expect(result.score("innovation", "management") == 3)
    #expect(result.labels("innovation") == ["management"])
  }

  @Test("a data dashboard and the development of public data by a market's operators are weak hints (dev-w049, dev-w054)")
  func dashboardsAndDataMarkets() throws {
    let dashboard = try Tagger(model: Self.model).classify(title: nil, text: "区里在小程序后台设置了数据看板，可以看到各村积分登记情况。")
    #expect(dashboard.score("data_element", "data_application") == 1)
    #expect(dashboard.labels("data_element") == [])
    let contest = try Tagger(model: Self.model).classify(title: nil, text: "举办公共数据开发利用大赛，吸引本地企业参与。")
    #expect(contest.score("data_element", "data_application") == 1)
    #expect(!contest.labels("data_element").contains("data_application"))
  }

  @Test("the firms of an industry chain are no blockchain (dev-v027)")
  func industryChainFirms() throws {
    #expect(try statuses("帮助产业链“链长”掌握链上企业运行态势", "technology", "blockchain") == ["链上:excluded"])
    #expect(try statuses("各环节在链上实时共享", "technology", "blockchain") == ["链上:counted"])
  }
}

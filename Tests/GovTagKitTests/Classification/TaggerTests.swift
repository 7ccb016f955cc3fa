import GovTagKit
import GovTagTestSupport
import Testing

@Suite("Tagger: matching, evidence and scoring")
struct TaggerTests {
  let tagger: Tagger

  init() throws { tagger = try Tagger(model: Fixtures.model) }

  func counted(_ hits: [Evidence]) -> [String] {
    hits.filter { $0.status == .counted }.map(\.term)
  }

  @Test("terms that cross ICU word boundaries do not fire, and are kept as near misses")
  func boundaryRule() throws {
    // 坚持|财政|务实|管理: 政务 crosses 财政|务实; 管理 is a word of its own.
    let finance = try tagger.hits(in: "坚持财政务实管理")
    #expect(counted(finance) == ["管理"])
    #expect(finance.first { $0.term == "政务" }?.status == .crossesWordBoundary)
    // 创新|监管|理念: 管理 crosses 监管|理念.
    let supervision = try tagger.hits(in: "创新监管理念")
    #expect(counted(supervision).isEmpty)
    #expect(supervision.map(\.term) == ["管理"])
    // 发展|中|国家: 中国 crosses 中|国家.
    let developing = try tagger.hits(in: "发展中国家")
    #expect(counted(developing).isEmpty)
    #expect(developing.map(\.status) == [.crossesWordBoundary])
  }

  @Test("terms ICU splits into several words still fire when their edges are boundaries")
  func splitTermsFire() throws {
    #expect(counted(try tagger.hits(in: "推进人工智能和数字化转型")) == ["人工智能"])
    #expect(counted(try tagger.hits(in: "实现一网通办")) == ["一网通办"])
  }

  @Test("substring terms fire inside ICU words")
  func substringTerms() throws {
    // 深圳|市南|山区: 南山区 starts inside 市南.
    #expect(counted(try tagger.hits(in: "深圳市南山区")) == ["南山区"])
  }

  @Test("a shorter term inside a longer one of the same category adds nothing")
  func nestedTerms() throws {
    let hits = try tagger.hits(in: "实现一网通办")
    #expect(hits.map(\.term) == ["一网通办", "通办"])
    #expect(hits[1].status == .insideLongerTerm(term: "一网通办"))
  }

  @Test("a hit inside an exclusion phrase does not count")
  func exclusions() throws {
    let hits = try tagger.hits(in: "中国建设银行提供服务")
    #expect(hits.map(\.status) == [.excluded(phrase: "中国建设银行")])
  }

  @Test("evidence offsets are code points into the field, after astral characters and emoji")
  func offsetsAfterAstralCharacters() throws {
    let text = "😀𠀀推进一网通办，👨‍👩‍👧优化营商环境"
    let classification = try tagger.classify(title: nil, text: text)
    let scalars = Array(text.unicodeScalars)
    let hits = classification.evidence.filter { $0.status == .counted }
    #expect(hits.map(\.term) == ["一网通办", "营商环境"])
    #expect(hits.map(\.start) == [4, 16])  // 👨‍👩‍👧 is five code points
    for hit in hits {
      #expect(String(String.UnicodeScalarView(scalars[hit.start..<hit.end])) == hit.match)
      #expect(hit.match == hit.term)
    }
    #expect(hits[0].context == "😀𠀀推进【一网通办】，👨‍👩‍👧优化营商环境")
  }

  @Test("scores add weights, repeated hits decay, the title counts 1.5 times")
  func scoring() throws {
    // 一网通办 ×3 in the text: 4 + 2 + 1 = 7; 政务服务 once: 2. public_service = 9.
    let repeated = try tagger.classify(title: nil, text: "一网通办，一网通办，一网通办，政务服务")
    #expect(repeated.score("capability", "public_service") == 9)
    #expect(repeated.evidence.filter { $0.term == "一网通办" }.map(\.contribution) == [4, 2, 1])
    // In the title: 4 × 1.5 = 6, then the text's hit is the second: 2.
    let titled = try tagger.classify(title: "一网通办", text: "推进一网通办")
    #expect(titled.score("capability", "public_service") == 8)
  }

  @Test("a category is assigned when its score reaches its own threshold")
  func thresholds() throws {
    // public_service has threshold 4: 政务服务 (2) alone is not enough, 一网通办 (4) is.
    let weak = try tagger.classify(title: nil, text: "提升政务服务水平")
    #expect(weak.labels("capability").isEmpty)
    #expect(weak.score("capability", "public_service") == 2)
    let strong = try tagger.classify(title: nil, text: "推进一网通办")
    #expect(strong.labels("capability") == ["public_service"])
    // economic_regulation (threshold 3) reaches it exactly with 营商环境 (3).
    let exact = try tagger.classify(title: nil, text: "优化营商环境")
    #expect(exact.labels("capability") == ["economic_regulation"])
  }

  @Test("labels are ordered by score, then id; every dimension is present")
  func labelOrder() throws {
    let result = try tagger.classify(title: nil, text: "优化营商环境，推进一网通办和政务服务，应用人工智能")
    #expect(result.labels("capability") == ["public_service", "economic_regulation"])
    #expect(result.labels("technology") == ["ai"])
    #expect(result.dimensions.map(\.dimension) == ["capability", "technology"])
  }

  @Test("review flags: no capability, near threshold, short text")
  func review() throws {
    let nothing = try tagger.classify(title: nil, text: "今天天气很好。")
    #expect(nothing.review.reasons.map(\.code) == ["no_capability", "short_text"])
    let borderline = try tagger.classify(
      title: nil, text: "本市优化营商环境，各部门协同推进，企业满意度明显提升，全年新增市场主体一万余户，成效显著。")
    #expect(borderline.review.reasons.map(\.code) == ["near_threshold"])
    #expect(borderline.review.reasons.first?.category == "capability.economic_regulation")
    #expect(borderline.review.reasons.first?.message == "economic_regulation scores 3, which just reaches its threshold 3")
  }
}

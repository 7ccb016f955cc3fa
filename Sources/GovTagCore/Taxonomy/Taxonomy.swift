/// The label set of GovTag, version 1 (`docs/TAXONOMY.md`): dimensions, their categories, and regions.
///
/// Category ids are the stable contract shared by output JSON, gold labels, audit files and
/// lexicons. The lexicon loader rejects any id not listed here, so a typo in a lexicon or a
/// gold file is caught rather than becoming a new, silently empty category.
package struct Taxonomy: Sendable {
  /// One dimension: an id, its Chinese name, and its categories in the taxonomy's order.
  package struct Dimension: Sendable, Hashable {
    /// The dimension's id, e.g. `capability`.
    package var id: String
    /// The Chinese name, e.g. 履职能力.
    package var name: String
    /// Category ids in the order of `docs/TAXONOMY.md`.
    package var categories: [Category]
  }

  /// One category of a dimension.
  package struct Category: Sendable, Hashable {
    /// The category's id, e.g. `public_service`.
    package var id: String
    /// The Chinese name, e.g. 公共服务.
    package var name: String
  }

  /// The dimensions, in the taxonomy's order.
  package var dimensions: [Dimension]

  /// The version of the taxonomy.
  package static let version = 1

  /// The dimension with id `id`, if any.
  package func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }

  /// Taxonomy version 1.
  package static let standard = Taxonomy(dimensions: [
    Dimension(
      id: "capability", name: "履职能力",
      categories: [
        Category(id: "economic_regulation", name: "经济调节"),
        Category(id: "market_supervision", name: "市场监管"),
        Category(id: "social_management", name: "社会管理"),
        Category(id: "public_service", name: "公共服务"),
        Category(id: "environmental_protection", name: "生态环境保护"),
        Category(id: "government_operations", name: "政务运行"),
        Category(id: "government_transparency", name: "政务公开"),
      ]),
    Dimension(
      id: "data_element", name: "数据要素",
      categories: [
        Category(id: "data_sharing", name: "数据共享"),
        Category(id: "data_management", name: "数据管理"),
        Category(id: "data_application", name: "数据应用"),
        Category(id: "data_standards", name: "数据标准与制度"),
        Category(id: "data_market", name: "数据流通交易"),
      ]),
    Dimension(
      id: "traits", name: "案例特征",
      categories: [
        Category(id: "platform", name: "平台型"),
        Category(id: "grassroots", name: "基层治理"),
        Category(id: "gov_enterprise", name: "政企合作"),
        Category(id: "market_operation", name: "管运分离"),
      ]),
    Dimension(
      id: "innovation", name: "创新类型",
      categories: [
        Category(id: "technology", name: "技术创新"),
        Category(id: "management", name: "管理创新"),
        Category(id: "standardization", name: "标准化创新"),
        Category(id: "institutional", name: "制度创新"),
      ]),
    Dimension(
      id: "technology", name: "应用技术",
      categories: [
        Category(id: "big_data", name: "大数据"),
        Category(id: "cloud", name: "云计算"),
        Category(id: "ai", name: "人工智能"),
        Category(id: "blockchain", name: "区块链"),
        Category(id: "iot", name: "物联网"),
        Category(id: "digital_twin", name: "数字孪生"),
        Category(id: "gis", name: "地图与时空信息"),
        Category(id: "video", name: "视频与视觉"),
      ]),
  ])
}

/// China's three economic regions, as the taxonomy assigns provinces to them.
public enum Region: String, Sendable, CaseIterable, Codable {
  case east, central, west

  /// The Chinese name: 东部, 中部, 西部.
  public var name: String {
    switch self {
    case .east: "东部"
    case .central: "中部"
    case .west: "西部"
    }
  }
}

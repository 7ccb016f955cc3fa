import GovTagKit
import Testing

@Suite("Reference labels: reading and validating gold and manual labels")
struct ReferenceLabelsTests {
  static let field = ReferenceLabels.Field(name: "gold", names: SettingNames([.field: "--field"]))

  @Test("a complete annotation: dimensions, province and region")
  func complete() throws {
    let fields: [String: JSONValue] = [
      "gold": .object([
        "capability": .array([.string("public_service"), .string("public_service")]),
        "technology": .array([]),
        "province": .string("浙江"),
        "region": .string("east"),
      ])
    ]
    let labels = try ReferenceLabels.parse(Self.field, in: fields).get()
    #expect(labels.categories == ["capability": ["public_service"], "technology": []])
    #expect(labels.annotates("capability") && labels.annotates("technology") && !labels.annotates("traits"))
    #expect(labels.annotatesProvince && labels.province == "浙江")
    #expect(labels.annotatesRegion && labels.region == .east)
  }

  @Test("null province and region are annotations; missing ones are not")
  func nullVersusMissing() throws {
    let null = try ReferenceLabels.parse(Self.field, in: ["gold": .object(["province": .null, "region": .null])]).get()
    #expect(null.annotatesProvince && null.province == nil && null.annotatesRegion && null.region == nil)
    let missing = try ReferenceLabels.parse(Self.field, in: ["gold": .object([:])]).get()
    #expect(!missing.annotatesProvince && !missing.annotatesRegion)
  }

  struct BadCase: Sendable, CustomTestStringConvertible {
    var id: String
    var value: JSONValue?
    var reason: String
    var hint: String?
    var testDescription: String { id }
  }

  static let badCases: [BadCase] = [
    BadCase(
      id: "missing field", value: nil, reason: #"the record has no "gold" field"#,
      hint: #"add its labels as "gold": {"capability": [...], ...}, or name the field that holds them with --field"#),
    BadCase(
      id: "null field", value: .null, reason: #""gold" is null: the record has no labels"#,
      hint: "give its labels, or leave the record out"),
    BadCase(
      id: "not an object", value: .array([]), reason: #""gold" must be an object of dimension: [category ids], found an array"#,
      hint: #"write it like "gold": {"capability": ["public_service"]}"#),
    BadCase(
      id: "unknown dimension", value: .object(["capabilty": .array([])]), reason: #"unknown dimension "capabilty" in "gold""#,
      hint: "use capability, data_element, traits, innovation, technology, province or region"),
    BadCase(
      id: "unknown category", value: .object(["capability": .array([.string("public_servce")])]),
      reason: #"unknown category "public_servce" in "gold"."capability""#,
      hint: "did you mean public_service (公共服务)? write the category's id, exactly as docs/TAXONOMY.md does"),
    BadCase(
      id: "unknown category, nothing close", value: .object(["capability": .array([.string("其他")])]),
      reason: #"unknown category "其他" in "gold"."capability""#,
      hint:
        "use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency"
    ),
    BadCase(
      id: "dimension not an array", value: .object(["technology": .string("ai")]),
      reason: #""gold"."technology" must be an array of category ids, found a string"#,
      hint: #"write "technology": ["big_data"], or [] for none"#),
    BadCase(
      id: "id not a string", value: .object(["technology": .array([.integer(3)])]),
      reason: #""gold"."technology" must list category ids as strings, found a number"#),
    BadCase(
      id: "bad region", value: .object(["region": .string("north")]),
      reason: #""gold"."region" must be "east", "central", "west" or null, found "north""#),
    BadCase(
      id: "bad province", value: .object(["province": .integer(33)]),
      reason: #""gold"."province" must be a province name or null, found a number"#),
  ]

  @Test("every problem has an exact message and hint", arguments: badCases)
  func problems(_ item: BadCase) {
    var fields: [String: JSONValue] = ["id": .string("x")]
    if let value = item.value { fields["gold"] = value }
    switch ReferenceLabels.parse(Self.field, in: fields) {
    case .success: Issue.record("expected a problem")
    case .failure(let problem):
      #expect(problem.reason == item.reason)
      #expect(problem.hint == item.hint)
    }
  }
}

/// Where a case comes from: its province, city and district as named in the text, and the region.
///
/// Resolved from the gazetteer (`Lexicons/gazetteer.yaml`), never guessed: a text that names no
/// place has every field `nil`.
package struct Location: Sendable, Hashable {
  /// The province's short name as in the taxonomy's table (广东, 内蒙古, 北京), or `nil`.
  package var province: String?
  /// The prefecture-level city's short name (深圳), or `nil`.
  package var city: String?
  /// The county-level district's full name (南山区), or `nil`.
  package var district: String?
  /// The province's region, or `nil`.
  package var region: Region?
  /// How the place was resolved, for people: `南山区 → 深圳 → 广东 → east`.
  package var chain: [String]
  /// Why this province was chosen when the text names several, or `nil`.
  package var reason: String?
  /// Other provinces the text names, in order of first mention.
  package var otherCandidates: [String]
  /// The place-name hits the resolution rests on.
  package var evidence: [PlaceHit]

  /// A location with nothing resolved.
  package static let unknown = Location(
    province: nil, city: nil, district: nil, region: nil, chain: [], reason: nil, otherCandidates: [], evidence: [])

  /// Creates a location.
  package init(
    province: String?, city: String?, district: String?, region: Region?, chain: [String], reason: String?,
    otherCandidates: [String], evidence: [PlaceHit]
  ) {
    self.province = province
    self.city = city
    self.district = district
    self.region = region
    self.chain = chain
    self.reason = reason
    self.otherCandidates = otherCandidates
    self.evidence = evidence
  }
}

/// One place name found in a text.
package struct PlaceHit: Sendable, Hashable {
  /// What kind of place the name denotes.
  package enum Level: String, Sendable, Hashable {
    case province, city, district
    /// A provincial government service brand (渝快办), used only when no place is named.
    case serviceBrand = "service_brand"
  }

  /// The name as matched (深圳市, 南山区, 内蒙古, or a brand such as 渝快办).
  package var name: String
  /// Its level.
  package var level: Level
  /// The province it belongs to (for an ambiguous district: the one chosen).
  package var province: String
  /// The city it belongs to, if any.
  package var city: String?
  /// The field it lies in.
  package var field: DocumentField
  /// Code point offsets into the field.
  package var start: Int
  package var end: Int
}

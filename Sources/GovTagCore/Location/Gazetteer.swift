/// China's administrative divisions as GovTag knows them: provinces, prefecture-level cities and
/// county-level districts, with the names by which texts refer to them.
///
/// Loaded from `Lexicons/gazetteer.yaml` by ``GazetteerLoader``; immutable and shared by every
/// worker. Provincial government service brands (渝快办 → 重庆) are matched with the names but
/// count only when no place is named (see ``LocationResolver``). Names are matched as substrings (ICU often splits place names: 深圳|市南|山区), longest
/// first, so 南山区 wins over 南山 and 河南蒙古族自治县 over 河南.
package struct Gazetteer: Sendable {
  /// A province-level division.
  package struct Province: Sendable, Hashable {
    /// Short name as in the taxonomy's table (广东, 内蒙古, 北京).
    package var name: String
    /// Official name (广东省, 内蒙古自治区).
    package var fullName: String
    /// The region it belongs to.
    package var region: Region
  }

  /// A prefecture-level division.
  package struct City: Sendable, Hashable {
    /// Short name (深圳).
    package var name: String
    /// Official name (深圳市).
    package var fullName: String
    /// Index into ``provinces``.
    package var province: Int
  }

  /// A county-level division.
  package struct District: Sendable, Hashable {
    /// Official name (南山区).
    package var name: String
    /// Index into ``cities``, or `nil` for one administered by its province directly (and for
    /// the districts of the four municipalities).
    package var city: Int?
    /// Index into ``provinces``.
    package var province: Int
  }

  /// What a matched name can denote.
  enum Place: Sendable, Hashable {
    case province(Int)
    case city(Int)
    case district(Int)
    /// A provincial government service brand (浙里办, 粤省事), standing for its province only
    /// when the text names no place.
    case brand(Int)

    /// The place as `String(describing:)` spells it (`province(3)`), for the version hash:
    /// spelled out because `String(describing:)` reflects on the value, which for the thousands
    /// of names cost more than building the automaton.
    var versionKey: String {
      switch self {
      case .province(let index): "province(\(index))"
      case .city(let index): "city(\(index))"
      case .district(let index): "district(\(index))"
      case .brand(let index): "brand(\(index))"
      }
    }
  }

  package let provinces: [Province]
  package let cities: [City]
  package let districts: [District]
  /// Every name's places (a district name like 朝阳区 can denote several).
  let places: [[Place]]
  /// The distinct names, in order of first appearance: a name's index is its number in
  /// ``places`` and the pattern number the classifier's automaton reports it by (see
  /// `ClassifierModel`, which matches the names with the lexicon terms in one pass).
  let names: [String]
  /// A hash of the content, part of the rules version.
  package let version: String
  /// Every name of a province (short, full, aliases) → its index in ``provinces``.
  private let provinceNumbers: [String: Int]

  /// Numbers the names and hashes the content.
  init(provinces: [Province], cities: [City], districts: [District], names: [(String, Place)]) {
    self.provinces = provinces
    self.cities = cities
    self.districts = districts
    // Keyed by bytes, as the automaton tells patterns apart (not by String's canonical equality).
    var numbers: [[UInt8]: Int] = [:]
    var places: [[Place]] = []
    var patternNames: [String] = []
    var hash = StableHash()
    for (name, place) in names {
      let bytes = Array(name.utf8)
      let pattern = numbers[bytes] ?? places.count
      if pattern == places.count {
        numbers[bytes] = pattern
        places.append([])
        patternNames.append(name)
      }
      if !places[pattern].contains(place) { places[pattern].append(place) }
      hash.combine(name)
      hash.combine(place.versionKey)
    }
    for province in provinces { hash.combine(province.name + province.region.rawValue) }
    for city in cities { hash.combine(city.name + "/" + String(city.province)) }
    self.places = places
    self.names = patternNames
    self.version = hash.hexDigest
    var provinceNumbers: [String: Int] = [:]
    for (index, province) in provinces.enumerated() {
      provinceNumbers[province.name] = index
      provinceNumbers[province.fullName] = index
    }
    for (name, place) in names {
      if case .province(let index) = place { provinceNumbers[name] = index }
    }
    self.provinceNumbers = provinceNumbers
  }

  /// The province a name denotes: its short name (浙江), official name (浙江省, 广西壮族自治区) or
  /// an alias the gazetteer lists; `nil` for any other name.
  ///
  /// - Parameter name: the name as written.
  /// - Returns: the province, or `nil`.
  package func province(named name: String) -> Province? {
    provinceNumbers[name].map { provinces[$0] }
  }

  /// The number of names matched.
  package var nameCount: Int { names.count }
}

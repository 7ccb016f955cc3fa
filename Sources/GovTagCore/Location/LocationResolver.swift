/// Finds the place names of a document and decides where the case comes from.
///
/// The rules, from `docs/TAXONOMY.md`:
/// - a district resolves through its city to its province (南山区 → 深圳 → 广东 → east);
/// - a district name shared by several cities (朝阳区, 鼓楼区) resolves only when one of its
///   cities or provinces is also named; otherwise it is left out, never guessed;
/// - a case naming several provinces is attributed to the first-named place, the title before
///   the text (the applicant is named first in case write-ups), and the reason says so;
/// - a case naming no place but a provincial government service brand (渝快办, 粤省事) is
///   attributed to the brand's province, and the reason says so; a named place always wins;
/// - a case naming neither has no location.
struct LocationResolver {
  let gazetteer: Gazetteer

  /// One place-name occurrence.
  struct Mention {
    var field: DocumentField
    var start: Int  // bytes
    var end: Int
    var pattern: Int
    var scalarStart = 0
    var scalarEnd = 0
  }

  /// Place-name occurrences in one field: leftmost-longest, without overlaps, so 浙江西部 is
  /// 浙江 and not 江西.
  ///
  /// The names are matched by the classifier's automaton, in the pass that finds the terms;
  /// this chooses among the matches.
  ///
  /// - Parameters:
  ///   - matches: every occurrence of a name in the field after ``TextFolding`` (its number in
  ///     ``Gazetteer/names``), in any order.
  ///   - original: the field as given, which offsets refer to.
  ///   - toOriginal: maps a folded byte offset to an original one (``FoldedText/originalOffset(_:)``).
  func mentions(
    of matches: [(start: Int, end: Int, pattern: Int)], original bytes: UnsafeBufferPointer<UInt8>, field: DocumentField,
    toOriginal: (Int) -> Int
  ) -> [Mention] {
    guard !matches.isEmpty else { return [] }
    var hits = matches.map { Mention(field: field, start: $0.start, end: $0.end, pattern: $0.pattern) }
    hits.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var chosen: [Mention] = []
    var reach = 0
    for hit in hits where hit.start >= reach {
      reach = hit.end
      var hit = hit
      hit.start = toOriginal(hit.start)
      hit.end = toOriginal(hit.end)
      chosen.append(hit)
    }
    let offsets = UTF8Text.scalarOffsets(ofSorted: chosen.flatMap { [$0.start, $0.end] }, in: bytes)
    for index in chosen.indices {
      chosen[index].scalarStart = offsets[2 * index]
      chosen[index].scalarEnd = offsets[2 * index + 1]
    }
    return chosen
  }

  /// Decides the location from the mentions of the title and then the text.
  func resolve(_ mentions: [Mention]) -> Location {
    guard !mentions.isEmpty else { return .unknown }
    func provinceOf(_ place: Gazetteer.Place) -> Int {
      switch place {
      case .province(let index), .brand(let index): index
      case .city(let index): gazetteer.cities[index].province
      case .district(let index): gazetteer.districts[index].province
      }
    }
    let brands = mentions.filter { gazetteer.places[$0.pattern].allSatisfy(\.isBrand) }
    let mentions = brands.isEmpty ? mentions : mentions.filter { !gazetteer.places[$0.pattern].allSatisfy(\.isBrand) }
    // Provinces and cities named without ambiguity give the context for the ambiguous names.
    // Arrays, not sets: a record names a handful, and this runs for every record.
    var namedProvinces: [Int] = []
    var namedCities: [Int] = []
    for mention in mentions {
      let places = gazetteer.places[mention.pattern]
      guard places.count == 1, let place = places.first else { continue }
      namedProvinces.append(provinceOf(place))
      switch place {
      case .city(let index): namedCities.append(index)
      case .district(let index): if let city = gazetteer.districts[index].city { namedCities.append(city) }
      case .province, .brand: break
      }
    }
    var resolved: [(Mention, Gazetteer.Place)] = []
    for mention in mentions {
      let places = gazetteer.places[mention.pattern]
      if places.count == 1, let place = places.first {
        resolved.append((mention, place))
        continue
      }
      let supported = places.filter { place in
        if case .district(let index) = place, let city = gazetteer.districts[index].city, namedCities.contains(city) {
          return true
        }
        return namedProvinces.contains(provinceOf(place))
      }
      if supported.count == 1, let place = supported.first { resolved.append((mention, place)) }
    }
    guard let first = resolved.first else { return resolveBrand(brands) }
    let province = provinceOf(first.1)
    var order: [Int] = []
    for (_, place) in resolved where !order.contains(provinceOf(place)) { order.append(provinceOf(place)) }
    // The most specific places named in the chosen province, first mention first.
    var city: Int?
    var district: Int?
    for (_, place) in resolved where provinceOf(place) == province {
      switch place {
      case .district(let index):
        if district == nil {
          district = index
          if city == nil { city = gazetteer.districts[index].city }
        }
      case .city(let index):
        if city == nil { city = index }
      case .province, .brand: break
      }
    }
    // A district named before its city was seen must agree with the city finally chosen.
    if let districtIndex = district, let districtCity = gazetteer.districts[districtIndex].city, districtCity != city {
      district = nil
    }
    let provinceInfo = gazetteer.provinces[province]
    var chain: [String] = []
    if let district { chain.append(gazetteer.districts[district].name) }
    if let city { chain.append(gazetteer.cities[city].name) }
    chain.append(provinceInfo.name)
    chain.append(provinceInfo.region.rawValue)
    var reason: String?
    if order.count > 1 {
      let names = order.map { gazetteer.provinces[$0].name }.joined(separator: ", ")
      let field = first.0.field == .title ? "in the title" : "in the text"
      reason = "the case names \(order.count) provinces (\(names)); \(provinceInfo.name) is named first (\(field))"
    }
    let evidence = resolved.map { mention, place -> PlaceHit in
      let level: PlaceHit.Level
      var cityName: String?
      switch place {
      case .province: level = .province
      case .brand: level = .serviceBrand
      case .city(let index):
        level = .city
        cityName = gazetteer.cities[index].name
      case .district(let index):
        level = .district
        cityName = gazetteer.districts[index].city.map { gazetteer.cities[$0].name }
      }
      return PlaceHit(
        name: gazetteer.names[mention.pattern], level: level, province: gazetteer.provinces[provinceOf(place)].name,
        city: cityName, field: mention.field, start: mention.scalarStart, end: mention.scalarEnd)
    }
    return Location(
      province: provinceInfo.name, city: city.map { gazetteer.cities[$0].name },
      district: district.map { gazetteer.districts[$0].name }, region: provinceInfo.region, chain: chain, reason: reason,
      otherCandidates: order.dropFirst().map { gazetteer.provinces[$0].name }, evidence: evidence)
  }

  /// The location of a case that names no place, from its service brands: the first brand's
  /// province, the others' as candidates, and a reason that says the province comes from a brand.
  private func resolveBrand(_ brands: [Mention]) -> Location {
    guard let first = brands.first, case .brand(let province)? = gazetteer.places[first.pattern].first else {
      return .unknown
    }
    var order: [Int] = []
    for mention in brands {
      guard case .brand(let index)? = gazetteer.places[mention.pattern].first, !order.contains(index) else { continue }
      order.append(index)
    }
    let info = gazetteer.provinces[province]
    let brand = gazetteer.names[first.pattern]
    var reason = "no place is named; \(brand) is the government service brand of \(info.name)"
    if order.count > 1 {
      reason +=
        " (the case names brands of \(order.count) provinces: \(order.map { gazetteer.provinces[$0].name }.joined(separator: ", ")); the first wins)"
    }
    let evidence = brands.compactMap { mention -> PlaceHit? in
      guard case .brand(let index)? = gazetteer.places[mention.pattern].first, index == province else { return nil }
      return PlaceHit(
        name: gazetteer.names[mention.pattern], level: .serviceBrand, province: info.name, city: nil, field: mention.field,
        start: mention.scalarStart, end: mention.scalarEnd)
    }
    return Location(
      province: info.name, city: nil, district: nil, region: info.region, chain: [info.name, info.region.rawValue],
      reason: reason, otherCandidates: order.dropFirst().map { gazetteer.provinces[$0].name }, evidence: evidence)
  }
}

extension Gazetteer.Place {
  /// Whether the name is a service brand rather than a place.
  var isBrand: Bool {
    if case .brand = self { return true }
    return false
  }
}

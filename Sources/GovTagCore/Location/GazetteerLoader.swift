import Foundation
internal import Yams

/// Loads `gazetteer.yaml` and reports every problem with its line.
package struct GazetteerLoader {
  /// The file name looked for in a lexicon directory.
  package static let fileName = "gazetteer.yaml"

  /// Creates a loader.
  package init() {}

  /// Loads the gazetteer of a lexicon directory, or returns `nil` when it has none.
  ///
  /// - Throws: `GovTagErrors` listing every problem in the file.
  package func load(directory: String) throws -> Gazetteer? {
    let path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try parse(try LexiconLoader.readUTF8(path), file: path)
  }

  /// The keys of the file, of a province and of a city.
  private static let fileKeys = ["provinces", "service_brands"]
  private static let provinceKeys = ["name", "full", "aliases", "region", "municipality", "districts", "cities"]
  private static let cityKeys = ["name", "full", "aliases", "ambiguous_short", "districts"]

  /// Parses gazetteer YAML: `provinces:` (each with its cities and districts) and, optionally,
  /// `service_brands:`, a mapping from a provincial government service brand to the short name of
  /// its province (`渝快办: 重庆`).
  ///
  /// - Throws: `GovTagErrors` listing every problem: unknown or repeated keys, a name where a
  ///   list is expected, names with spaces around them, invisible characters, or traditional or
  ///   full-width characters (which could never match), a brand of an unknown province.
  package func parse(_ text: String, file: String) throws -> Gazetteer {
    var problems: [GovTagError] = []
    func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column) }
    func problem(_ message: String, _ node: Node, hint: String? = nil) {
      problems.append(GovTagError(.lexicon, message, at: location(node), hint: hint))
    }
    func checkFolded(_ name: String, _ node: Node) {
      if let error = LexiconLoader.entryProblem(name, what: "place name", at: location(node)) { problems.append(error) }
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw GovTagErrors([DimensionFileParser.syntaxError(error, file: file, text: text)])
    }
    guard let root, let rootMapping = root.mapping, let provincesNode = rootMapping.value(forKey: "provinces"),
      let provinceList = provincesNode.sequence
    else {
      throw GovTagErrors([
        GovTagError(
          .lexicon, "the gazetteer must be a mapping with a list \"provinces\"", at: SourceLocation(file: file, line: 1))
      ])
    }
    problems += rootMapping.keyProblems(allowed: Self.fileKeys, context: "at the top of the gazetteer", file: file)
    var provinces: [Gazetteer.Province] = []
    var rejectedProvinces: Set<String> = []
    var cities: [Gazetteer.City] = []
    var districts: [Gazetteer.District] = []
    var names: [(String, Gazetteer.Place)] = []
    /// Every name, full name and alias of a province: the province and the line it is on.
    var provinceNames: [String: (province: Int, line: Int)] = [:]
    func strings(_ node: Node?, _ what: String) -> [String] {
      guard let node else { return [] }
      switch node.listItems(what, example: "\(what): [\(node.scalar?.string ?? "…")]", file: file) {
      case .failure(let error):
        problems.append(error)
        return []
      case .success(let items):
        return items.compactMap { item in
          guard let value = item.scalar?.string, !value.isEmpty else {
            problem("a name must be a non-empty string", item)
            return nil
          }
          checkFolded(value, item)
          return value
        }
      }
    }
    func addDistricts(_ node: Node?, city: Int?, province: Int, owner: String) {
      var seen: Set<String> = []
      for name in strings(node, "districts of \(owner)") {
        if !seen.insert(name).inserted {
          if let node { problem("district \"\(name)\" is listed twice", node) }
          continue
        }
        districts.append(Gazetteer.District(name: name, city: city, province: province))
        names.append((name, .district(districts.count - 1)))
      }
    }
    for provinceNode in provinceList {
      guard let mapping = provinceNode.mapping, let nameNode = mapping.value(forKey: "name"), let name = nameNode.scalar?.string,
        let fullNode = mapping.value(forKey: "full"), let full = fullNode.scalar?.string
      else {
        problem("a province needs a name and a full name", provinceNode)
        continue
      }
      problems += mapping.keyProblems(allowed: Self.provinceKeys, context: "in province \(name)", file: file)
      guard let regionText = mapping.value(forKey: "region")?.scalar?.string, let region = Region(rawValue: regionText) else {
        if let regionNode = mapping.value(forKey: "region") {
          problem(
            "province \(name) has the region \"\(regionNode.scalar?.string ?? "?")\", which is none of east, central and west",
            regionNode, hint: "write region: east, region: central or region: west")
        } else {
          problem("province \(name) needs a region: east, central or west", provinceNode)
        }
        // Its service brands name it: they get no second error for a province reported here.
        rejectedProvinces.insert(name)
        continue
      }
      checkFolded(name, nameNode)
      checkFolded(full, fullNode)
      let index = provinces.count
      provinces.append(Gazetteer.Province(name: name, fullName: full, region: region))
      let aliasesNode = mapping.value(forKey: "aliases")
      let aliases = strings(aliasesNode, "aliases of \(name)")
      // A name of two provinces would send every mention to the first (a copy-paste slip: the
      // second entry renamed 北京 keeps 天津市 as its full name and locates Tianjin in Beijing).
      let provinceEntries: [(what: String, alias: String, node: Node)] =
        [("name", name, nameNode), ("full name", full, fullNode)] + aliases.map { ("alias", $0, aliasesNode ?? nameNode) }
      for (what, alias, node) in provinceEntries {
        if let first = provinceNames[alias], first.province != index {
          let other = provinces[first.province].name
          if what == "name", alias == other {
            problem(
              "province \"\(name)\" is listed twice (first at line \(first.line))", node,
              hint: "give each province its own entry: rename this one, or merge the two")
          } else {
            problem(
              "\(what) \"\(alias)\" of province \(name) is already a name of province \(other) (line \(first.line))", node,
              hint: "a name can denote one province only: remove it from one of them")
          }
          continue
        }
        if provinceNames[alias] == nil { provinceNames[alias] = (index, node.mark?.line ?? 0) }
      }
      for alias in [name, full] + aliases where alias.unicodeScalars.count >= 2 {
        names.append((alias, .province(index)))
      }
      // A city named twice in one province cannot be told apart by its districts or province.
      var cityNames: [String: (index: Int, city: String, line: Int)] = [:]
      addDistricts(mapping.value(forKey: "districts"), city: nil, province: index, owner: name)
      for cityNode in mapping.value(forKey: "cities")?.sequence ?? [] {
        guard let city = cityNode.mapping, let cityNameNode = city.value(forKey: "name"),
          let cityName = cityNameNode.scalar?.string,
          let cityFullNode = city.value(forKey: "full"), let cityFull = cityFullNode.scalar?.string
        else {
          problem("a city needs a name and a full name", cityNode)
          continue
        }
        problems += city.keyProblems(allowed: Self.cityKeys, context: "in city \(cityName)", file: file)
        checkFolded(cityName, cityNameNode)
        checkFolded(cityFull, cityFullNode)
        let cityIndex = cities.count
        cities.append(Gazetteer.City(name: cityName, fullName: cityFull, province: index))
        let ambiguous = city.value(forKey: "ambiguous_short")?.scalar?.string == "true"
        let cityAliasesNode = city.value(forKey: "aliases")
        let cityAliases = strings(cityAliasesNode, "aliases of \(cityName)")
        let cityEntries: [(what: String, alias: String, node: Node)] =
          [("name", cityName, cityNameNode), ("full name", cityFull, cityFullNode)]
          + cityAliases.map { ("alias", $0, cityAliasesNode ?? cityNameNode) }
        for (what, alias, node) in cityEntries {
          if let first = cityNames[alias], first.index != cityIndex {
            if what == "name", alias == first.city {
              problem(
                "city \"\(cityName)\" is listed twice in province \(name) (first at line \(first.line))", node,
                hint: "keep one entry per city, and merge the districts of the two")
            } else {
              problem(
                "\(what) \"\(alias)\" of city \(cityName) is already a name of city \(first.city) in province \(name) (line \(first.line))",
                node, hint: "a name can denote one city of a province only: remove it from one of them")
            }
            continue
          }
          if cityNames[alias] == nil { cityNames[alias] = (cityIndex, cityName, node.mark?.line ?? 0) }
        }
        var matchedNames = [cityFull] + cityAliases
        if !ambiguous { matchedNames.append(cityName) }
        for alias in matchedNames where alias.unicodeScalars.count >= 2 { names.append((alias, .city(cityIndex))) }
        addDistricts(city.value(forKey: "districts"), city: cityIndex, province: index, owner: cityName)
      }
    }
    if let brandsNode = rootMapping.value(forKey: "service_brands") {
      names += brands(
        brandsNode, provinces: provinces, rejected: rejectedProvinces, placeNames: Set(names.map(\.0)), file: file,
        problems: &problems)
    }
    if !problems.isEmpty { throw GovTagErrors(problems) }
    return Gazetteer(provinces: provinces, cities: cities, districts: districts, names: names)
  }

  /// `service_brands:`: brand → province short name, after every place name is known; a brand of
  /// a province in `rejected` (refused above, for its region) gets no error of its own.
  private func brands(
    _ node: Node, provinces: [Gazetteer.Province], rejected: Set<String>, placeNames: Set<String>, file: String,
    problems: inout [GovTagError]
  ) -> [(String, Gazetteer.Place)] {
    func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column) }
    if let scalar = node.scalar, scalar.string.isEmpty { return [] }
    guard let mapping = node.mapping else {
      problems.append(
        GovTagError(
          .lexicon, "\"service_brands\" must be a mapping from a brand to its province", at: location(node),
          hint: "write one brand per line, e.g. 渝快办: 重庆"))
      return []
    }
    problems += mapping.keyProblems(allowed: nil, context: "in service_brands", file: file)
    let index = Dictionary(provinces.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    var seen: Set<String> = []
    var result: [(String, Gazetteer.Place)] = []
    for (brandNode, provinceNode) in mapping {
      guard let brand = brandNode.scalar?.string, brand.unicodeScalars.count >= 2 else {
        problems.append(
          GovTagError(.lexicon, "a service brand must be a name of at least two characters", at: location(brandNode)))
        continue
      }
      guard seen.insert(brand).inserted else { continue }  // reported as a duplicate key
      if let error = LexiconLoader.entryProblem(brand, what: "service brand", at: location(brandNode)) {
        problems.append(error)
        continue
      }
      if placeNames.contains(brand) {
        problems.append(
          GovTagError(
            .lexicon, "service brand \"\(brand)\" is also a place name", at: location(brandNode),
            hint: "remove it: the place name already resolves it"))
        continue
      }
      guard let provinceName = provinceNode.scalar?.string, let province = index[provinceName] else {
        // A province refused for its region is reported there; its brands add nothing.
        if let provinceName = provinceNode.scalar?.string, rejected.contains(provinceName) { continue }
        problems.append(
          GovTagError(
            .lexicon, "service brand \"\(brand)\" names an unknown province \"\(provinceNode.scalar?.string ?? "?")\"",
            at: location(provinceNode), hint: "use a province's short name as in provinces: (重庆, 广东, 内蒙古)"))
        continue
      }
      result.append((brand, .brand(province)))
    }
    return result
  }
}

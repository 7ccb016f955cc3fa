import Foundation
internal import Yams

/// Loads `gazetteer.yaml` and reports every problem with its line.
public struct GazetteerLoader {
  /// The file name looked for in a lexicon directory.
  public static let fileName = "gazetteer.yaml"

  /// Creates a loader.
  public init() {}

  /// Loads the gazetteer of a lexicon directory, or returns `nil` when it has none.
  ///
  /// - Throws: `GovTagErrors` listing every problem in the file.
  public func load(directory: String) throws -> Gazetteer? {
    let path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try parse(try LexiconLoader.readUTF8(path), file: path)
  }

  /// Parses gazetteer YAML.
  ///
  /// - Throws: `GovTagErrors` listing every problem.
  public func parse(_ text: String, file: String) throws -> Gazetteer {
    var problems: [GovTagError] = []
    func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column) }
    func problem(_ message: String, _ node: Node, hint: String? = nil) {
      problems.append(GovTagError(.lexicon, message, at: location(node), hint: hint))
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw GovTagErrors([DimensionFileParser.syntaxError(error, file: file)])
    }
    guard let root, let provincesNode = root.mapping?.value(forKey: "provinces"), let provinceList = provincesNode.sequence else {
      throw GovTagErrors([
        GovTagError(.lexicon, "the gazetteer must be a mapping with a list \"provinces\"", at: SourceLocation(file: file, line: 1))
      ])
    }
    var provinces: [Gazetteer.Province] = []
    var cities: [Gazetteer.City] = []
    var districts: [Gazetteer.District] = []
    var names: [(String, Gazetteer.Place)] = []
    func strings(_ node: Node?) -> [String] {
      guard let node else { return [] }
      if let sequence = node.sequence {
        return sequence.compactMap { item in
          guard let value = item.scalar?.string, !value.isEmpty else {
            problem("a name must be a non-empty string", item)
            return nil
          }
          return value
        }
      }
      if let scalar = node.scalar, scalar.string.isEmpty { return [] }
      problem("expected a list of names", node)
      return []
    }
    func addDistricts(_ node: Node?, city: Int?, province: Int) {
      var seen: Set<String> = []
      for name in strings(node) {
        if !seen.insert(name).inserted {
          if let node { problem("district \"\(name)\" is listed twice", node) }
          continue
        }
        districts.append(Gazetteer.District(name: name, city: city, province: province))
        names.append((name, .district(districts.count - 1)))
      }
    }
    for provinceNode in provinceList {
      guard let mapping = provinceNode.mapping, let name = mapping.value(forKey: "name")?.scalar?.string,
        let full = mapping.value(forKey: "full")?.scalar?.string
      else {
        problem("a province needs a name and a full name", provinceNode)
        continue
      }
      guard let regionText = mapping.value(forKey: "region")?.scalar?.string, let region = Region(rawValue: regionText) else {
        problem("province \(name) needs a region: east, central or west", provinceNode)
        continue
      }
      let index = provinces.count
      provinces.append(Gazetteer.Province(name: name, fullName: full, region: region))
      for alias in [name, full] + strings(mapping.value(forKey: "aliases")) where alias.unicodeScalars.count >= 2 {
        names.append((alias, .province(index)))
      }
      addDistricts(mapping.value(forKey: "districts"), city: nil, province: index)
      for cityNode in mapping.value(forKey: "cities")?.sequence ?? [] {
        guard let city = cityNode.mapping, let cityName = city.value(forKey: "name")?.scalar?.string,
          let cityFull = city.value(forKey: "full")?.scalar?.string
        else {
          problem("a city needs a name and a full name", cityNode)
          continue
        }
        let cityIndex = cities.count
        cities.append(Gazetteer.City(name: cityName, fullName: cityFull, province: index))
        let ambiguous = city.value(forKey: "ambiguous_short")?.scalar?.string == "true"
        var cityNames = [cityFull] + strings(city.value(forKey: "aliases"))
        if !ambiguous { cityNames.append(cityName) }
        for alias in cityNames where alias.unicodeScalars.count >= 2 { names.append((alias, .city(cityIndex))) }
        addDistricts(city.value(forKey: "districts"), city: cityIndex, province: index)
      }
    }
    if !problems.isEmpty { throw GovTagErrors(problems) }
    return Gazetteer(provinces: provinces, cities: cities, districts: districts, names: names)
  }
}

/// Counts of cases per year and overall: categories per dimension, regions, data-element cases
/// and provinces: the numbers behind `govtag stats` and the report's charts.
///
/// Labels are multi-label, so a case counts once in every category it carries; the counts of a
/// dimension can add up to more than the number of cases. Add cases one at a time with
/// ``add(year:labels:)`` (nothing else is kept, so memory does not grow with the input), then
/// read ``years`` and ``overall``.
///
///     var statistics = CaseStatistics()
///     statistics.add(year: "2023", labels: labels)
///     statistics.overall.count("capability", "public_service")
package struct CaseStatistics: Sendable, Hashable {
  /// The key of the group of cases without a year, and of the unknown region and province.
  package static let unknown = "unknown"
  /// The key of the group of all cases.
  package static let all = "all"

  /// The counts of one group of cases: one year, or all.
  package struct Group: Sendable, Hashable {
    /// The year (`2023`), ``CaseStatistics/unknown`` or ``CaseStatistics/all``.
    package var key: String
    /// The number of cases.
    package var cases = 0
    /// Cases per category, per dimension id.
    package var categoryCounts: [String: [String: Int]] = [:]
    /// Cases with at least one label, per dimension id.
    package var casesWithAnyLabel: [String: Int] = [:]
    /// Cases whose labels annotate the dimension, per dimension id: all of them for GovTag's
    /// labels, fewer for people's labels that leave a dimension out.
    package var annotatedCases: [String: Int] = [:]
    /// Cases per region id (`east`, `central`, `west`, ``CaseStatistics/unknown``).
    package var regionCounts: [String: Int] = [:]

    /// Creates an empty group.
    package init(key: String) { self.key = key }

    /// The number of cases carrying `category` of `dimension`.
    package func count(_ dimension: String, _ category: String) -> Int { categoryCounts[dimension]?[category] ?? 0 }

    /// The number of cases carrying at least one label of `dimension`.
    package func countAny(_ dimension: String) -> Int { casesWithAnyLabel[dimension] ?? 0 }

    /// The number of cases from `region` (a ``Region`` raw value or ``CaseStatistics/unknown``).
    package func count(region: String) -> Int { regionCounts[region] ?? 0 }

    /// The number of cases whose labels annotate `dimension`: the cases a share of its
    /// categories is of.
    package func annotated(_ dimension: String) -> Int { annotatedCases[dimension] ?? 0 }

    /// `count / cases`, or `nil` for an empty group.
    package func share(_ count: Int) -> Double? { cases == 0 ? nil : Double(count) / Double(cases) }

    /// `count` of the cases that annotate `dimension`, or `nil` when none does.
    package func share(_ count: Int, of dimension: String) -> Double? {
      let annotated = annotated(dimension)
      return annotated == 0 ? nil : Double(count) / Double(annotated)
    }

    mutating func add(_ labels: CaseLabels) {
      cases += 1
      for (dimension, ids) in labels.categories {
        annotatedCases[dimension, default: 0] += 1
        guard !ids.isEmpty else { continue }
        casesWithAnyLabel[dimension, default: 0] += 1
        for id in ids { categoryCounts[dimension, default: [:]][id, default: 0] += 1 }
      }
      regionCounts[labels.region?.rawValue ?? CaseStatistics.unknown, default: 0] += 1
    }
  }

  /// The counts of the cases from one province.
  package struct Province: Sendable, Hashable {
    /// The province's short name, or ``CaseStatistics/unknown``.
    package var name: String
    /// The region its cases give most often, or `nil`.
    package var region: Region? {
      regionCounts.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
    }
    /// The number of cases.
    package var cases = 0
    /// Cases per capability category.
    package var capabilityCounts: [String: Int] = [:]
    /// Cases per region.
    var regionCounts: [Region: Int] = [:]

    /// Creates an empty province.
    package init(name: String) { self.name = name }
  }

  /// One group per year present, in order: numeric years ascending, then other year texts,
  /// then ``unknown``.
  package var years: [Group] {
    yearGroups.values.sorted { Self.yearPrecedes($0.key, $1.key) }
  }

  /// All cases.
  package private(set) var overall = Group(key: CaseStatistics.all)

  /// One entry per province, most cases first, then by name; ``unknown`` last.
  package var provinces: [Province] {
    provinceGroups.values.sorted { left, right in
      if (left.name == Self.unknown) != (right.name == Self.unknown) { return right.name == Self.unknown }
      if left.cases != right.cases { return left.cases > right.cases }
      return left.name < right.name
    }
  }

  private var yearGroups: [String: Group] = [:]
  private var provinceGroups: [String: Province] = [:]

  /// Creates empty statistics.
  package init() {}

  /// Counts one case.
  ///
  /// - Parameters:
  ///   - year: the case's year, or `nil` for ``unknown``.
  ///   - labels: the labels to count, with the province and region.
  package mutating func add(year: String?, labels: CaseLabels) {
    let key = year ?? Self.unknown
    yearGroups[key, default: Group(key: key)].add(labels)
    overall.add(labels)
    let province = labels.province ?? Self.unknown
    var entry = provinceGroups[province] ?? Province(name: province)
    entry.cases += 1
    for id in labels.categories["capability"] ?? [] { entry.capabilityCounts[id, default: 0] += 1 }
    if let region = labels.region { entry.regionCounts[region, default: 0] += 1 }
    provinceGroups[province] = entry
  }

  /// The group of `year`, if any case has it.
  package func group(year: String) -> Group? { yearGroups[year] }

  /// Pairs of consecutive numeric years present (`2022→2023`, and `2023→2025` when 2024 is
  /// missing): the year-over-year changes to report.
  package var consecutiveYears: [(from: String, to: String)] {
    let numeric = years.map(\.key).filter { Int($0) != nil }
    return zip(numeric, numeric.dropFirst()).map { (from: $0, to: $1) }
  }

  /// The order of year keys: numbers ascending, then other texts, then ``unknown``.
  static func yearPrecedes(_ left: String, _ right: String) -> Bool {
    func rank(_ key: String) -> Int { key == unknown ? 2 : (Int(key) == nil ? 1 : 0) }
    let (leftRank, rightRank) = (rank(left), rank(right))
    if leftRank != rightRank { return leftRank < rightRank }
    if leftRank == 0, let a = Int(left), let b = Int(right) { return a < b }
    return left < right
  }
}

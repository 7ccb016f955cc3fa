/// The tables `govtag stats` prints, independent of the output format: per section (a
/// dimension, the regions, the data elements), one row per category with its count and share in
/// every year and overall, and the year-over-year change in percentage points.
///
/// Built from ``CaseStatistics``; rendered by ``StatsTable/markdown()``, ``StatsTable/json()``
/// and ``StatsTable/csv()``. Shares are fractions of the cases in their column (0.25 is 25%);
/// changes are in percentage points between consecutive years present.
package struct StatsTable: Sendable, Hashable {
  /// A column of counts: one year, ``CaseStatistics/unknown`` or ``CaseStatistics/all``.
  package struct Column: Sendable, Hashable {
    /// The group's key.
    package var key: String
    /// The number of cases in it.
    package var cases: Int
  }

  /// A year-over-year comparison between two consecutive years present.
  package struct Change: Sendable, Hashable {
    /// The earlier year.
    package var from: String
    /// The later year.
    package var to: String
    /// `2022→2023`.
    package var label: String { "\(from)→\(to)" }
  }

  /// One row: a category, a region or "any data element".
  package struct Row: Sendable, Hashable {
    /// The id (`public_service`, `east`, `any`).
    package var id: String
    /// The Chinese name (公共服务).
    package var name: String
    /// The count per column.
    package var counts: [Int]
    /// The share per column (`count / cases`), `nil` for an empty column.
    package var shares: [Double?]
    /// The change in percentage points per ``StatsTable/changes`` entry.
    package var changes: [Double?]
  }

  /// One section: a dimension, the regions, or the data elements.
  package struct Section: Sendable, Hashable {
    /// The id: a dimension id or `region`.
    package var id: String
    /// The Chinese name (履职能力).
    package var name: String
    /// What the shares mean, when that needs saying.
    package var note: String?
    /// The rows, in the taxonomy's order.
    package var rows: [Row]
    /// Per column, the cases whose labels annotate the dimension, when some do not (people's
    /// labels that leave the dimension out): the shares are of these cases. `nil` when every
    /// case annotates it.
    package var annotated: [Int]? = nil

    /// The cases a share in column `index` is of.
    package func base(_ index: Int, in columns: [Column]) -> Int { annotated?[index] ?? columns[index].cases }
  }

  /// Whose labels were counted.
  package var source: LabelSource
  /// The columns: years in order, then ``CaseStatistics/all``.
  package var columns: [Column]
  /// The year-over-year comparisons.
  package var changes: [Change]
  /// The sections, in the order printed.
  package var sections: [Section]

  /// The note printed above every table: labels are multi-label.
  package static let multiLabelNote =
    "A case can carry several labels of one dimension, so the shares of a dimension can add up to more than 100%."
  /// How the changes are measured.
  package static let changeNote =
    "Shares are of all cases in the column; Δ is the change in percentage points between consecutive years present."

  /// The section ids, in order.
  package static let sectionOrder = ["capability", "region", "data_element", "traits", "innovation", "technology"]

  /// Builds the tables.
  ///
  /// - Parameters:
  ///   - statistics: the counts.
  ///   - source: whose labels they are, for the heading.
  ///   - taxonomy: names and the order of categories.
  package init(statistics: CaseStatistics, source: LabelSource, taxonomy: Taxonomy = .standard) {
    self.source = source
    let groups = statistics.years + [statistics.overall]
    columns = groups.map { Column(key: $0.key, cases: $0.cases) }
    changes = statistics.consecutiveYears.map { Change(from: $0.from, to: $0.to) }
    let index = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
    let changes = self.changes

    func row(_ id: String, _ name: String, of dimension: String? = nil, _ count: (CaseStatistics.Group) -> Int) -> Row {
      let counts = groups.map(count)
      let shares = zip(groups, counts).map { group, count in dimension.map { group.share(count, of: $0) } ?? group.share(count) }
      let deltas = changes.map { change -> Double? in
        guard let from = index[change.from], let to = index[change.to], let before = shares[from], let after = shares[to] else {
          return nil
        }
        return (after - before) * 100
      }
      return Row(id: id, name: name, counts: counts, shares: shares, changes: deltas)
    }

    var sections: [Section] = []
    for id in Self.sectionOrder {
      if id == "region" {
        let rows =
          Region.allCases.map { region in row(region.rawValue, region.name) { $0.count(region: region.rawValue) } }
          + [row(CaseStatistics.unknown, "未知") { $0.count(region: CaseStatistics.unknown) }]
        let origin =
          source == .govtag
          ? "location.region" : "\"\(source.fieldName)\".region, else the region of its province, else location.region"
        sections.append(Section(id: "region", name: "地区", note: "Region from \(origin); shares add up to 100%.", rows: rows))
        continue
      }
      guard let dimension = taxonomy.dimension(id) else { continue }
      var rows: [Row] = []
      var notes: [String] = []
      let annotated = groups.map { $0.annotated(id) }
      let allAnnotated = zip(groups, annotated).allSatisfy { $0.cases == $1 }
      if id == "data_element" {
        rows.append(row("any", "涉及数据要素", of: id) { $0.countAny(id) })
        notes.append(
          "any (涉及数据要素): cases with at least one data_element label; every share is of "
            + (allAnnotated ? "all cases." : "the cases that annotate data_element."))
      }
      if !allAnnotated, let all = annotated.last, let cases = groups.last?.cases {
        notes.append(
          "Shares are of the cases whose \"\(source.fieldName)\" labels annotate \(id) (n in the header): \(all) of \(cases); "
            + "the \(cases - all) that leave \(id) out were not annotated and are not counted as no.")
      }
      rows += dimension.categories.map { category in row(category.id, category.name, of: id) { $0.count(id, category.id) } }
      sections.append(
        Section(
          id: id, name: dimension.name, note: notes.isEmpty ? nil : notes.joined(separator: " "), rows: rows,
          annotated: allAnnotated ? nil : annotated))
    }
    self.sections = sections
  }

  /// The section with id `id`, if any.
  package func section(_ id: String) -> Section? { sections.first { $0.id == id } }

  /// The number of cases in all columns.
  package var totalCases: Int { columns.last?.cases ?? 0 }
}

/// The `--by province` table: cases, share and the most frequent capability per province.
package struct ProvinceTable: Sendable, Hashable {
  /// One province.
  package struct Row: Sendable, Hashable {
    /// The short name (浙江), or ``CaseStatistics/unknown``.
    package var province: String
    /// Its region, if known.
    package var region: Region?
    /// Its cases.
    package var cases: Int
    /// `cases / all cases`.
    package var share: Double
    /// The capability most of its cases carry (ties: the taxonomy's order), or `nil`.
    package var topCapability: TopCategory?
  }

  /// The most frequent category of a group of cases.
  package struct TopCategory: Sendable, Hashable {
    /// The category id.
    package var id: String
    /// The Chinese name.
    package var name: String
    /// How many of the group's cases carry it.
    package var count: Int
  }

  /// Whose labels were counted.
  package var source: LabelSource
  /// All cases.
  package var cases: Int
  /// The provinces, most cases first, ``CaseStatistics/unknown`` last.
  package var rows: [Row]

  /// Builds the table.
  ///
  /// - Parameters:
  ///   - statistics: the counts.
  ///   - source: whose labels they are.
  ///   - taxonomy: capability names and their order (for ties).
  package init(statistics: CaseStatistics, source: LabelSource, taxonomy: Taxonomy = .standard) {
    self.source = source
    cases = statistics.overall.cases
    let capabilities = taxonomy.dimension("capability")?.categories ?? []
    let total = max(statistics.overall.cases, 1)
    rows = statistics.provinces.map { province in
      var top: TopCategory?
      for category in capabilities {
        let count = province.capabilityCounts[category.id] ?? 0
        if count > 0, count > (top?.count ?? 0) { top = TopCategory(id: category.id, name: category.name, count: count) }
      }
      return Row(
        province: province.name, region: province.region, cases: province.cases,
        share: Double(province.cases) / Double(total), topCapability: top)
    }
  }
}

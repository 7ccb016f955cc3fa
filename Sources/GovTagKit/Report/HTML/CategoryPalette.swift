/// Stable colours for the report: one per category, per year series and per region.
///
/// A category's hue comes from its position in the taxonomy, stepped by the golden angle
/// (137.5°) so that neighbours differ; it never depends on which categories a report happens to
/// contain, so 公共服务 has the same colour in every report. Categories not in the taxonomy get a
/// hue from a stable hash of their key.
package struct CategoryPalette: Sendable {
  /// The taxonomy whose order fixes the hues.
  package let taxonomy: Taxonomy
  private let positions: [String: Int]

  /// Creates the palette of a taxonomy.
  package init(taxonomy: Taxonomy = .standard) {
    self.taxonomy = taxonomy
    var positions: [String: Int] = [:]
    var index = 0
    for dimension in taxonomy.dimensions {
      for category in dimension.categories {
        positions[dimension.id + "." + category.id] = index
        index += 1
      }
    }
    self.positions = positions
  }

  /// The hue (0–359) of `category` in `dimension`.
  package func hue(_ dimension: String, _ category: String) -> Int {
    let key = dimension + "." + category
    if let position = positions[key] { return Int((Double(position) * 137.508).truncatingRemainder(dividingBy: 360)) }
    var hash = StableHash()
    hash.combine(key)
    return Int(UInt64(hash.hexDigest, radix: 16).map { $0 % 360 } ?? 0)
  }

  /// The light background a highlighted hit gets: `hsl(H 75% 85%)`.
  package func background(_ dimension: String, _ category: String) -> String {
    "hsl(\(hue(dimension, category)) 75% 85%)"
  }

  /// The strong colour of a category's underline, chip border and swatch: `hsl(H 60% 38%)`.
  package func strong(_ dimension: String, _ category: String) -> String {
    "hsl(\(hue(dimension, category)) 60% 38%)"
  }

  /// Colours of year series in charts, in order (then repeated).
  package static let series = [
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#e15759", "#499894",
    "#8cd17d", "#d37295",
  ]
  /// The colour of the ``CaseStatistics/unknown`` year, region or province.
  package static let unknown = "#bab0ac"
  /// The colour of the ``CaseStatistics/all`` series.
  package static let all = "#555555"

  /// The colour of the `index`-th year series; ``unknown`` and ``all`` for those keys.
  package static func series(_ index: Int, key: String) -> String {
    switch key {
    case CaseStatistics.unknown: unknown
    case CaseStatistics.all: all
    default: series[index % series.count]
    }
  }

  /// The colour of a region (east blue, central orange, west green) or of ``CaseStatistics/unknown``.
  package static func region(_ id: String) -> String {
    switch id {
    case Region.east.rawValue: "#4e79a7"
    case Region.central.rawValue: "#f28e2b"
    case Region.west.rawValue: "#59a14f"
    default: unknown
    }
  }
}

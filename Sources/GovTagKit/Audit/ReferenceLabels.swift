/// Labels given by people (gold labels, a manual annotation) for one record, to compare with GovTag's.
///
/// Read from a field of the input record shaped like GovTag's own `labels`:
/// `{"capability": ["public_service"], "technology": [], "province": "浙江", "region": "east"}`.
/// A dimension missing from the field was not annotated, and the record does not count for it;
/// an empty list means "none of its categories". Likewise `"province": null` says the case names
/// no province, while a missing `province` says nobody looked.
package struct ReferenceLabels: Sendable, Hashable {
  /// The assigned category ids of each annotated dimension.
  package var categories: [String: Set<String>]
  /// Whether the annotation says anything about the province (a name or `null`).
  package var annotatesProvince: Bool
  /// The province's short name as in the taxonomy (浙江), or `nil`.
  package var province: String?
  /// Whether the annotation says anything about the region (a region or `null`).
  package var annotatesRegion: Bool
  /// The region, or `nil`.
  package var region: Region?
  /// Labels a list named more than once (`capability.public_service`), in the order met: counted
  /// once, and worth a warning (a slip of the hand, or a second label meant).
  package var repeated: [String] = []

  /// Creates labels.
  ///
  /// - Parameters:
  ///   - categories: the assigned category ids of each annotated dimension.
  ///   - province: the province, `.some(nil)` for "none named", `nil` for "not annotated".
  ///   - region: the region, `.some(nil)` for "none", `nil` for "not annotated".
  package init(categories: [String: Set<String>], province: String?? = nil, region: Region?? = nil) {
    self.categories = categories
    self.annotatesProvince = province != nil
    self.province = province ?? nil
    self.annotatesRegion = region != nil
    self.region = region ?? nil
  }

  /// Whether the dimension was annotated.
  package func annotates(_ dimension: String) -> Bool { categories[dimension] != nil }

  /// Whether the annotation assigns `category` of `dimension`.
  package func assigns(_ dimension: String, _ category: String) -> Bool {
    categories[dimension]?.contains(category) ?? false
  }
}

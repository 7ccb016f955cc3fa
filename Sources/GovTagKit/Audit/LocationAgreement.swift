/// How often GovTag's province and region match the reference's.
///
/// Province accuracy is counted over records whose reference names a province; region accuracy
/// over records whose reference names a region. Records whose reference says the case names no
/// province (`"province": null`) are counted apart, with how many of them GovTag nevertheless
/// gave a province to. Records that do not annotate the province at all count nowhere.
package struct LocationAgreement: Sendable, Hashable {
  /// Records whose reference names a province.
  package var provinceRecords = 0
  /// Of those, records where GovTag found the same province.
  package var provinceCorrect = 0
  /// Records whose reference names a region.
  package var regionRecords = 0
  /// Of those, records where GovTag found the same region.
  package var regionCorrect = 0
  /// Records whose reference says no province is named (`"province": null`).
  package var nullProvinceRecords = 0
  /// Of those, records GovTag gave a province to anyway.
  package var nullProvinceAssigned = 0

  /// Creates an empty count.
  package init() {}

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: the reference labels.
  ///   - predicted: GovTag's location for the record.
  package mutating func add(reference: ReferenceLabels, predicted: Location) {
    if reference.annotatesProvince {
      if let province = reference.province {
        provinceRecords += 1
        if predicted.province == province { provinceCorrect += 1 }
      } else {
        nullProvinceRecords += 1
        if predicted.province != nil { nullProvinceAssigned += 1 }
      }
    }
    if reference.annotatesRegion, let region = reference.region {
      regionRecords += 1
      if predicted.region == region { regionCorrect += 1 }
    }
  }

  /// Adds another count.
  package mutating func add(_ other: LocationAgreement) {
    provinceRecords += other.provinceRecords
    provinceCorrect += other.provinceCorrect
    regionRecords += other.regionRecords
    regionCorrect += other.regionCorrect
    nullProvinceRecords += other.nullProvinceRecords
    nullProvinceAssigned += other.nullProvinceAssigned
  }

  /// `provinceCorrect / provinceRecords`, or `nil` when no record names a province.
  package var provinceAccuracy: Double? {
    provinceRecords == 0 ? nil : Double(provinceCorrect) / Double(provinceRecords)
  }

  /// `regionCorrect / regionRecords`, or `nil` when no record names a region.
  package var regionAccuracy: Double? {
    regionRecords == 0 ? nil : Double(regionCorrect) / Double(regionRecords)
  }
}

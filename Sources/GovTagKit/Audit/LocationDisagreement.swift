/// A record whose place two judges give differently: the province, the region or both.
///
/// In `audit` the judges are the manual labels (`reference`) and GovTag (`other`), compared as
/// ``LocationAgreement`` counts them: the province where the manual labels say anything about it
/// (a name or `null`), the region where they name one. In `audit --compare` they are annotators A
/// and B, compared where both said something.
package struct LocationDisagreement: Sendable, Hashable {
  /// The two answers on one part of the place; `nil` is "none named".
  package struct Answers<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The reference's answer (the manual labels, annotator A).
    package var reference: Value?
    /// The other judge's answer (GovTag, annotator B).
    package var other: Value?
  }

  /// The record's id.
  package var id: String
  /// Where the reference's record is.
  package var location: SourceLocation
  /// The provinces, when they differ.
  package var province: Answers<String>?
  /// The regions, when they differ.
  package var region: Answers<Region>?

  /// The disagreement between manual labels and GovTag's location, or `nil` when they agree on
  /// everything the manual labels say (counted as ``LocationAgreement/add(reference:predicted:)`` counts).
  ///
  /// - Parameters:
  ///   - reference: the manual labels.
  ///   - predicted: GovTag's location.
  ///   - id: the record's id.
  ///   - location: where the record is.
  /// - Returns: the disagreement, or `nil`.
  package static func between(
    reference: ReferenceLabels, predicted: Location, id: String, at location: SourceLocation
  ) -> LocationDisagreement? {
    var result = LocationDisagreement(id: id, location: location)
    if reference.annotatesProvince, reference.province != predicted.province {
      result.province = Answers(reference: reference.province, other: predicted.province)
    }
    if reference.annotatesRegion, let region = reference.region, region != predicted.region {
      result.region = Answers(reference: region, other: predicted.region)
    }
    return result.province == nil && result.region == nil ? nil : result
  }

  /// The disagreement between two people's labels of one record, or `nil` when they agree on
  /// every part of the place both of them annotated.
  ///
  /// - Parameters:
  ///   - a: annotator A's labels.
  ///   - b: annotator B's labels.
  ///   - id: the record's id.
  ///   - location: where A's record is.
  /// - Returns: the disagreement, or `nil`.
  package static func between(
    a: ReferenceLabels, b: ReferenceLabels, id: String, at location: SourceLocation
  ) -> LocationDisagreement? {
    var result = LocationDisagreement(id: id, location: location)
    if a.annotatesProvince, b.annotatesProvince, a.province != b.province {
      result.province = Answers(reference: a.province, other: b.province)
    }
    if a.annotatesRegion, b.annotatesRegion, a.region != b.region {
      result.region = Answers(reference: a.region, other: b.region)
    }
    return result.province == nil && result.region == nil ? nil : result
  }

  /// One part of the place the judges give differently: one CSV row of `audit --csv` and
  /// `audit --compare --csv`.
  package struct Part: Sendable, Hashable {
    /// `province` or `region`.
    package var name: String
    /// The reference's answer (the manual labels, annotator A); `nil` is "none named".
    package var reference: String?
    /// The other judge's answer (GovTag, annotator B).
    package var other: String?
    /// GovTag's answer as a third judge (for two annotators), when given.
    package var govtag: String?
  }

  /// The parts that differ, the province before the region: the rows one disagreement takes in
  /// a CSV file.
  ///
  /// - Parameter govtag: GovTag's province and region, as a third answer (for two annotators).
  /// - Returns: one part per differing province or region.
  package func parts(govtag: (province: String?, region: Region?)? = nil) -> [Part] {
    var parts: [Part] = []
    if let province {
      parts.append(Part(name: "province", reference: province.reference, other: province.other, govtag: govtag?.province))
    }
    if let region {
      parts.append(
        Part(
          name: "region", reference: region.reference?.rawValue, other: region.other?.rawValue, govtag: govtag?.region?.rawValue))
    }
    return parts
  }

  /// `province: manual 广东, GovTag 河南; region: manual east, GovTag central` (each part only
  /// when it differs), with `none` for a place not named.
  ///
  /// - Parameter judges: how the two judges are called (`manual`, `GovTag`; `A`, `B`).
  /// - Returns: the text.
  package func describe(_ judges: (reference: String, other: String)) -> String {
    var parts: [String] = []
    if let province {
      parts.append("province: \(judges.reference) \(province.reference ?? "none"), \(judges.other) \(province.other ?? "none")")
    }
    if let region {
      parts.append(
        "region: \(judges.reference) \(region.reference?.rawValue ?? "none"), \(judges.other) \(region.other?.rawValue ?? "none")"
      )
    }
    return parts.joined(separator: "; ")
  }

  /// Writes `"province": {"<reference>": …, "<other>": …}` and the same for `"region"`, each
  /// only when it differs; a place not named is `null`.
  ///
  /// - Parameters:
  ///   - keys: the names of the two judges' fields (`manual`, `govtag`; `a`, `b`).
  ///   - govtag: GovTag's province and region, written as a third answer `govtag` (for two
  ///     annotators), or `nil`.
  ///   - json: the writer, inside an object.
  func writeJSONFields(
    keys: (reference: String, other: String), govtag: (province: String?, region: Region?)? = nil,
    to json: inout JSONWriter
  ) {
    func write(_ key: String, _ value: String?) {
      json.key(key)
      if let value { json.string(value) } else { json.null() }
    }
    if let province {
      json.key("province")
      json.beginObject()
      write(keys.reference, province.reference)
      write(keys.other, province.other)
      if let govtag { write("govtag", govtag.province) }
      json.endObject()
    }
    if let region {
      json.key("region")
      json.beginObject()
      write(keys.reference, region.reference?.rawValue)
      write(keys.other, region.other?.rawValue)
      if let govtag { write("govtag", govtag.region?.rawValue) }
      json.endObject()
    }
  }
}

extension AnnotatorComparison {
  /// The columns of ``renderCSV()``.
  package static let csvColumns = ["id", "source_a", "source_b", "dimension", "category", "a", "b", "govtag"]

  /// The disagreements as CSV for adjudication: one row per (record, category) on which A and B
  /// differ, in A's order, with ``csvColumns``; `a`, `b` and `govtag` are `yes` or `no`, `govtag`
  /// empty for a category the lexicons do not define. Then one row per province or region the two
  /// give differently, with `dimension` `location`, `category` `province` or `region`, and the
  /// places in `a`, `b` and `govtag` (`none` for a place not named).
  ///
  /// - Returns: UTF-8 bytes with a byte order mark and CRLF line ends (RFC 4180), text cells
  ///   that could start a formula neutralised (see ``CSVWriter``).
  package func renderCSV() -> [UInt8] {
    var csv = CSVWriter()
    csv.writeRow(Self.csvColumns)
    for item in disagreements {
      csv.writeRow([
        .text(item.id), .text(item.locationA.description), .text(item.locationB.description), .text(item.dimension),
        .text(item.category), .text(item.a ? "yes" : "no"), .text(item.a ? "no" : "yes"),
        .text(item.govtag.map { $0 ? "yes" : "no" } ?? ""),
      ])
    }
    for difference in placeDifferences {
      let place = difference.place
      var parts: [(String, String?, String?, String?)] = []
      if let province = place.province {
        parts.append(("province", province.reference, province.other, difference.govtagProvince))
      }
      if let region = place.region {
        parts.append(("region", region.reference?.rawValue, region.other?.rawValue, difference.govtagRegion?.rawValue))
      }
      for (part, a, b, govtag) in parts {
        csv.writeRow([
          .text(place.id), .text(place.location.description), .text(difference.locationB.description), .text("location"),
          .text(part), .text(a ?? "none"), .text(b ?? "none"), .text(govtag ?? "none"),
        ])
      }
    }
    return csv.bytes
  }
}

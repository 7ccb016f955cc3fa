extension AnnotatorComparison {
  /// The columns of ``renderCSV()``.
  package static let csvColumns = ["id", "source_a", "source_b", "dimension", "category", "a", "b", "govtag", "kind"]

  /// The disagreements as CSV for adjudication: one row per (record, category) on which A and B
  /// differ, in A's order, with ``csvColumns``; `a`, `b` and `govtag` are `yes` or `no`, `govtag`
  /// empty for a category the lexicons do not define; `kind` is `category`. Then one row per
  /// province or region the two give differently (``LocationDisagreement/parts(govtag:)``), with
  /// `kind` and `dimension` `location`, `category` `province` or `region`, and the places in `a`,
  /// `b` and `govtag` (`none` for a place not named). `kind` comes last, so that a reader of the
  /// columns by position before it existed reads the same columns.
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
        .text(item.govtag.map { $0 ? "yes" : "no" } ?? ""), .text("category"),
      ])
    }
    for difference in placeDifferences {
      let place = difference.place
      for part in place.parts(govtag: (difference.govtagProvince, difference.govtagRegion)) {
        csv.writeRow([
          .text(place.id), .text(place.location.description), .text(difference.locationB.description), .text("location"),
          .text(part.name), .text(part.reference ?? "none"), .text(part.other ?? "none"), .text(part.govtag ?? "none"),
          .text("location"),
        ])
      }
    }
    return csv.bytes
  }
}

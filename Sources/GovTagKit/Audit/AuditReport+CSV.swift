extension AuditReport {
  /// The columns of ``renderCSV()``.
  package static let csvColumns = [
    "rank", "id", "source", "dimension", "category", "manual", "govtag", "score", "threshold", "suspicion", "p_wrong",
    "evidence", "contexts", "kind",
  ]

  /// The suspects as CSV for a spreadsheet, most suspicious first: one row per suspect with
  /// ``csvColumns``; `manual` and `govtag` are `yes` or `no`; `p_wrong` is the probability that
  /// the manual label is wrong, by which rows are ordered when the lexicons are calibrated (empty
  /// without calibration); `evidence` lists the hits as
  /// `term +contribution (field)` or `term status (field)`, separated by `; `; `contexts` their
  /// contexts, separated by ` | `; `kind` is `category`. After the suspects come the location
  /// disagreements, in input order and without a rank: one row per differing part of the place
  /// (``LocationDisagreement/parts(govtag:)``), with `kind` and `dimension` `location`,
  /// `category` `province` or `region`, and the two answers in `manual` and `govtag` (`none`
  /// for a place not named); their other cells are empty. `kind` comes last, so that a reader
  /// of the columns by position before it existed reads the same columns.
  ///
  /// - Returns: UTF-8 bytes with a byte order mark and CRLF line ends (RFC 4180), text cells
  ///   that could start a formula neutralised (see ``CSVWriter``).
  package func renderCSV() -> [UInt8] {
    var csv = CSVWriter()
    csv.writeRow(Self.csvColumns)
    for (index, suspect) in suspects.enumerated() {
      csv.writeRow([
        .number(String(index + 1)), .text(suspect.id), .text(suspect.location.description), .text(suspect.dimension),
        .text(suspect.category), .text(suspect.manual ? "yes" : "no"), .text(suspect.predicted ? "yes" : "no"),
        .number(Tagger.format(suspect.score)), .number(Tagger.format(suspect.threshold)),
        .number(Self.decimal(suspect.suspicion)),
        suspect.wrongProbability.map { .number(Self.decimal($0)) } ?? .text(""),
        .text(suspect.evidence.map { "\($0.term) \(Self.effect($0)) (\($0.field.rawValue))" }.joined(separator: "; ")),
        .text(suspect.evidence.map(\.context).joined(separator: " | ")), .text("category"),
      ])
    }
    for place in locationDisagreements {
      for part in place.parts() {
        csv.writeRow(
          [
            .text(""), .text(place.id), .text(place.location.description), .text("location"), .text(part.name),
            .text(part.reference ?? "none"), .text(part.other ?? "none"),
          ] + Array(repeating: .text(""), count: Self.csvColumns.count - 8) + [.text("location")])
      }
    }
    return csv.bytes
  }

  /// `+3` for a hit that added to the score (in full or in part), its status code for the
  /// others (`excluded`, `negated`…).
  static func effect(_ hit: Evidence) -> String {
    hit.status.counts ? "+" + Tagger.format(hit.contribution) : hit.status.code
  }

  /// A figure with three decimals.
  static func decimal(_ value: Double) -> String { NumberText.figure(value) }
}

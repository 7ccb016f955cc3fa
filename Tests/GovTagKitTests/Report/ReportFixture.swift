import GovTagKit
import GovTagTestSupport

/// The hand-written labelled records of `Tests/Fixtures/report/labelled.jsonl`, read once.
///
/// Eight cases: 2022 (r1–r3), 2023 (r4–r7; r5's year is the string "2023"), and r8 without a
/// year. Regions east r1 r4 r6, central r3, west r2 r7, unknown r5 (null) and r8. Every record
/// has `manual` labels; r5's carry province 北京 and region east.
enum ReportFixture {
  static let path = Fixtures.path("report/labelled.jsonl")

  static func records(_ reader: LabelledRecordReader = LabelledRecordReader()) throws -> [LabelledRecord] {
    var records: [LabelledRecord] = []
    var problems: [String] = []
    try reader.read(paths: [path]) { event in
      switch event {
      case .record(let record): records.append(record)
      case .recordFailed(let error): problems.append(error.description)
      case .inputFailed(let error): problems.append(error.description)
      case .duplicateID(let duplicate): problems.append(duplicate.description)
      }
    }
    precondition(problems.isEmpty, "the report fixture must read cleanly: \(problems)")
    return records
  }

  static func statistics(_ source: LabelSource = .govtag) throws -> CaseStatistics {
    var statistics = CaseStatistics()
    for record in try records(LabelledRecordReader(source: source)) {
      if let labels = record.labels(from: source) { statistics.add(year: record.year, labels: labels) }
    }
    return statistics
  }
}

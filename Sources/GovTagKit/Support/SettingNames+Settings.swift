extension SettingNames.Setting {
  /// The number of worker threads (`BatchConfiguration.jobs`).
  package static let jobs = Self("jobs")
  /// Continuing an interrupted run where it stopped (`BatchRunner.run(resume:)`).
  package static let resume = Self("resume")
  /// The file failed records are written to (`BatchRunner.Destination.errors`).
  package static let errors = Self("errors")
  /// Which hits a record's evidence lists (`BatchConfiguration.evidenceDetail`).
  package static let evidence = Self("evidence")
  /// How a record's evidence is laid out (`BatchConfiguration.evidenceLayout`).
  package static let evidenceLayout = Self("evidenceLayout")
  /// An error record in place of each failed input record (`BatchConfiguration.errorRecordsInPlace`).
  package static let errorRecords = Self("errorRecords")
  /// JSON Lines or a JSON array (`BatchConfiguration.outputFormat`).
  package static let outputFormat = Self("outputFormat")
  /// The confidences that flag a record for review (`ClassifierConfiguration.reviewBand`).
  package static let reviewBand = Self("reviewBand")
  /// The dimensions whose confidences flag a record (`ClassifierConfiguration.reviewDimensions`).
  package static let reviewDimensions = Self("reviewDimensions")
  /// The most bytes a record may have (`BatchConfiguration.maxRecordBytes`).
  package static let maxRecordBytes = Self("maxRecordBytes")
  /// The input format chosen for every input instead of its extension (``InputFormat``).
  package static let inputFormat = Self("inputFormat")
  /// The CSV column that holds the text (``CSVRecordReader/Columns/text``).
  package static let textColumn = Self("textColumn")
  /// The CSV column that holds the id (``CSVRecordReader/Columns/id``).
  package static let idColumn = Self("idColumn")
  /// The CSV column that holds the title (``CSVRecordReader/Columns/title``).
  package static let titleColumn = Self("titleColumn")
  /// An earlier output whose unchanged records are reused instead of labelled again.
  package static let previous = Self("previous")
  /// How many suspects and terms the audit's text shows.
  package static let top = Self("top")
  /// The audit written as JSON.
  package static let json = Self("json")
  /// The audit's suspects written to a CSV file.
  package static let csv = Self("csv")
  /// Comparing two annotators' labels instead of auditing one set.
  package static let compare = Self("compare")
  /// The dimension a dictionary is imported into.
  package static let dimension = Self("dimension")
}

extension SettingNames.Setting {
  /// The number of worker threads (`BatchConfiguration.jobs`).
  public static let jobs = Self("jobs")
  /// Continuing an interrupted run where it stopped (`BatchRunner.run(resume:)`).
  public static let resume = Self("resume")
  /// The output file of a batch run.
  public static let output = Self("output")
  /// The file failed records are written to (`BatchRunner.Destination.errors`).
  public static let errors = Self("errors")
  /// The most bytes a record may have (`BatchConfiguration.maxRecordBytes`).
  public static let maxRecordBytes = Self("maxRecordBytes")
  /// The input format chosen for every input instead of its extension (``InputFormat``).
  public static let inputFormat = Self("inputFormat")
  /// The CSV column that holds the text (``CSVRecordReader/Columns/text``).
  public static let textColumn = Self("textColumn")
  /// The CSV column that holds the id (``CSVRecordReader/Columns/id``).
  public static let idColumn = Self("idColumn")
  /// The CSV column that holds the title (``CSVRecordReader/Columns/title``).
  public static let titleColumn = Self("titleColumn")
  /// An earlier output whose unchanged records are reused instead of labelled again.
  public static let previous = Self("previous")
  /// The record field that holds people's labels (`gold`, `manual`).
  public static let field = Self("field")
  /// How many suspects and terms the audit's text shows.
  public static let top = Self("top")
  /// The audit written as JSON.
  public static let json = Self("json")
  /// The audit's suspects written to a CSV file.
  public static let csv = Self("csv")
  /// Comparing two annotators' labels instead of auditing one set.
  public static let compare = Self("compare")
  /// The dimension a dictionary is imported into.
  public static let dimension = Self("dimension")
}

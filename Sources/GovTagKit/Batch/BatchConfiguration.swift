/// How a batch run reads, labels and writes.
package struct BatchConfiguration: Sendable {
  /// The output formats.
  package enum OutputFormat: String, Sendable, CaseIterable {
    /// JSON Lines, one record per line (the default).
    case jsonl
    /// One JSON array, one record per line inside it.
    case json
  }

  /// Worker threads; each owns a tagger. Defaults to the number of cores.
  package var jobs: Int
  /// Records per unit of work handed to a worker: large enough that hand-over costs nothing,
  /// small enough that the last units keep every core busy.
  package var chunkRecords: Int = 64
  /// Also end a chunk once its records hold this many bytes, so very long texts do not make
  /// chunks huge.
  package var chunkBytes: Int = 1 << 20
  /// Chunks in flight per worker: bounds memory and lets a slow chunk be overtaken.
  package var chunksInFlightPerJob: Int = 4
  /// Write an error record in place of each failed input record (and of blank lines), so output
  /// lines match input lines one to one, as a streaming mapper needs.
  package var errorRecordsInPlace: Bool = false
  /// Which hits to list in each record's evidence.
  package var evidenceDetail: LabelledRecordWriter.EvidenceDetail = .standard
  /// How each record's evidence is laid out.
  package var evidenceLayout: LabelledRecordWriter.EvidenceLayout = .compact
  /// How to read JSON records.
  package var decoder = DocumentDecoder()
  /// The input format for every input; `nil` = judge each by its extension.
  package var inputFormat: InputFormat?
  /// CSV column names.
  package var csvColumns = CSVRecordReader.Columns()
  /// The output format.
  package var outputFormat: OutputFormat = .jsonl
  /// A record (a JSON Lines line, a JSON array element, a CSV row's text, a text file) longer
  /// than this many bytes becomes an error record instead of being labelled: labelling time and
  /// memory grow with a record's length, and one pathological record must not hold up a run.
  package var maxRecordBytes: Int = Self.defaultMaxRecordBytes
  /// The default of ``maxRecordBytes``: 16 MiB, far above any real case narrative.
  package static let defaultMaxRecordBytes = 16 << 20
  /// The most worker threads a run starts: more than the cores only adds memory and
  /// switching, and thousands of threads can exhaust the process's limits.
  package static let maxJobs = 256
  /// Seconds between two saves of the resume state.
  package var checkpointInterval: Double = 0.5
  /// How messages name the caller's settings (`--jobs`, `--resume`… on the command line); the
  /// default words them for a program. Not part of the output, so not of ``outputSettings``.
  package var settingNames = SettingNames()

  /// Creates a configuration with `jobs` workers.
  package init(jobs: Int) { self.jobs = min(max(1, jobs), Self.maxJobs) }

  /// A setting that shapes the output, which a resumed run must share with the first.
  struct OutputSetting: Equatable {
    /// The key in the resume state, e.g. `evidence`.
    var key: String
    /// How messages name it (`--evidence` on the command line); `nil` for a setting with no name.
    var setting: SettingNames.Setting?
    var value: String
  }

  /// The settings that shape the output, in the order a refusal to resume checks them.
  var outputSettings: [OutputSetting] {
    [
      OutputSetting(key: "evidence", setting: .evidence, value: evidenceDetail.rawValue),
      OutputSetting(key: "evidence-layout", setting: .evidenceLayout, value: evidenceLayout.rawValue),
      OutputSetting(key: "error-records", setting: .errorRecords, value: errorRecordsInPlace ? "on" : "off"),
      OutputSetting(key: "format", setting: .outputFormat, value: outputFormat.rawValue),
      OutputSetting(key: "input-format", setting: .inputFormat, value: inputFormat?.rawValue ?? "by extension"),
      OutputSetting(key: "id-column", setting: .idColumn, value: csvColumns.id),
      OutputSetting(key: "text-column", setting: .textColumn, value: csvColumns.text),
      OutputSetting(key: "title-column", setting: .titleColumn, value: csvColumns.title),
      OutputSetting(key: "id-field", setting: nil, value: decoder.idField),
      OutputSetting(key: "text-field", setting: nil, value: decoder.textField),
      OutputSetting(key: "title-field", setting: nil, value: decoder.titleField),
      OutputSetting(key: "max-record-bytes", setting: .maxRecordBytes, value: String(maxRecordBytes)),
    ]
  }
}

import ArgumentParser
import GovTagKit

/// `govtag stats`: shares of labelled cases per year and overall, as Markdown, JSON or CSV.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Count labelled cases per year and overall: shares by capability, region, data element, trait, innovation and technology.",
    discussion: """
      Reads what govtag tag wrote. Per year (the records' "year" field; none → unknown) and \
      overall: the number and share of cases in every category (labels are multi-label, so the \
      shares of a dimension can add up to more than 100%), the region mix, the share of cases \
      with a data-element label, and the change in percentage points between consecutive years. \
      A line that cannot be used is reported with its file and line and skipped; the exit \
      status is then 1. Without --field, people's labels (manual, gold) are not read. With \
      --field, province names are checked against the gazetteer of --lexicons as audit checks \
      them (广东省 counts as 广东; an unknown name is an error; a folder without gazetteer.yaml: \
      a warning, and names as written). An input that is UTF-16 or CSV is refused as a whole. When no record has the labels counted (GovTag's labels, or --field) at \
      all, one error names the fields of labels the records do have and the exit status is 2.
      """
  )

  /// How `--by` groups the cases.
  enum Grouping: String, ExpressibleByArgument, CaseIterable {
    case year, province
  }

  @Argument(help: "Labelled JSON Lines files (govtag tag's output); - reads standard input.")
  var inputs: [String] = []

  @Option(
    help: ArgumentHelp(
      "Output format: markdown (default), json, or csv (long form: one line per section, category and year; UTF-8 with BOM, CRLF, for Excel).",
      valueName: "format"))
  var format: ReportFormat = .markdown

  /// `--json` and `--csv`, the spellings before `--format`.
  @Flag(name: .customLong("json"), help: .hidden)
  var jsonFlag = false
  @Flag(name: .customLong("csv"), help: .hidden)
  var csvFlag = false

  var json: Bool { format == .json }
  var csv: Bool { format == .csv }

  @Option(help: "Group by year (the default: one column per year, plus all) or province (cases, share, top capability).")
  var by: Grouping = .year

  @Option(
    help:
      "Count the labels in this field (manual, gold) instead of GovTag's labels; a dimension it leaves out is not annotated (its shares are of the cases that annotate it); its province and region keys each replace GovTag's."
  )
  var field: String?

  /// The gazetteer the reference labels' province names are checked against, as audit does.
  @OptionGroup var lexicons: LexiconOptions

  mutating func validate() throws {
    try ReportFormat.resolve(&format, json: jsonFlag, csv: csvFlag, offered: [.markdown, .json, .csv])
    if inputs.isEmpty { throw ValidationError("name at least one labelled file, or - for standard input") }
  }

  func run() throws {
    let source = LabelSource(fieldName: field)
    // Without --field only GovTag's labels are counted: people's labels beside them (manual,
    // gold) are not read, so a bad one cannot cost a case its GovTag counts.
    var reader = LabelledRecordReader(source: source, referenceFields: [])
    reader.settingNames = .commandLine
    reader.gazetteer = try lexicons.loadGazetteer(warns: field != nil)
    var statistics = CaseStatistics()
    try Diagnostics.orExit {
      let summary = try reader.read(paths: inputs) { event in
        switch event {
        case .record(let record):
          if let labels = record.labels(from: source) { statistics.add(year: record.year, labels: labels) }
        case .recordFailed(let error): Diagnostics.error(error.description)
        case .inputFailed(let error): Diagnostics.error(error.description)
        case .duplicateID(let duplicate): Diagnostics.warning("\(duplicate); only the first record with an id is counted")
        }
      }
      try Diagnostics.stopIfNothingRead(summary, verb: "counted")
      let output = OutputFile.standardOutput()
      switch (by, json, csv) {
      case (.year, true, _): try output.write(StatsTable(statistics: statistics, source: source).json())
      case (.year, _, true): try output.write(StatsTable(statistics: statistics, source: source).csv())
      case (.year, _, _): try output.write(StatsTable(statistics: statistics, source: source).markdown().utf8)
      case (.province, true, _): try output.write(ProvinceTable(statistics: statistics, source: source).json())
      case (.province, _, true): try output.write(ProvinceTable(statistics: statistics, source: source).csv())
      case (.province, _, _): try output.write(ProvinceTable(statistics: statistics, source: source).markdown().utf8)
      }
      try output.commit()
      if !summary.succeeded {
        Diagnostics.print("govtag: \(summary.line(verb: "counted"))")
        throw Diagnostics.partialFailure
      }
    }
  }
}

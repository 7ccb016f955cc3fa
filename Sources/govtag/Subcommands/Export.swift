import ArgumentParser
import Foundation
import GovTagKit

/// `govtag export`: GovTag's labels out to an annotation tool for review.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export labelled records for review in Label Studio or doccano (docs/exchange.md).",
    subcommands: [LabelStudio.self, Doccano.self]
  )

  /// `govtag export label-studio`: tasks with GovTag's predictions, and the labeling configuration.
  /// GovTag's output read back by the decoder of stats, report and diff: GovTag's labels are
  /// required, and the hint for records without them is to tag them first (export has no --field).
  static var reader: LabelledRecordReader {
    // Not `SettingNames.commandLine`: export has no --field, so no hint may suggest one.
    LabelledRecordReader(source: .govtag)
  }

  struct LabelStudio: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "label-studio",
      abstract: "Write Label Studio tasks whose predictions carry GovTag's labels and evidence, and the labeling configuration.",
      discussion: """
        Reads what govtag tag wrote. Each record becomes a task: data {id, title, text}, and one \
        prediction with GovTag's categories (one multi-choice block per dimension), province and \
        region, and a span label (dimension.category) for every hit that added to a score, its \
        offsets in UTF-16 code units as Label Studio counts them. model_version is the record's \
        lexicon_version; score, with calibrated confidences, is the lowest confidence of GovTag's \
        decisions on the record (sort by it to review the least certain first). --config writes \
        the labeling configuration to paste into the project's Settings → Labeling Interface.
        """
    )

    @Argument(help: "Labelled JSON Lines files (govtag tag's output); - reads standard input.")
    var inputs: [String] = []

    @Option(
      name: .shortAndLong, help: ArgumentHelp("The tasks file (a JSON list) to import into Label Studio.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Also write the labeling configuration (XML) here.", valueName: "file"))
    var config: String?

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
      if inputs.isEmpty { throw ValidationError("name at least one labelled file, or - for standard input") }
    }

    func run() throws {
      try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("-o", output), ("--config", config)], inputs: inputs)
        // The province block lists the gazetteer's provinces; without one the export still works.
        var provinces: [(name: String, fullName: String)] = []
        do {
          provinces =
            try GazetteerLoader().load(directory: lexicons.resolved.path)?.provinces.map { ($0.name, $0.fullName) } ?? []
          if provinces.isEmpty {
            Diagnostics.warning("no gazetteer.yaml in \(lexicons.resolved.path): the configuration has no province block")
          }
        } catch {
          Diagnostics.warning("\(error): the configuration has no province block")
        }
        var json = JSONWriter()
        json.append(raw: Array("[".utf8))
        var tasks = 0
        var misplaced = 0
        let summary = try Export.reader.read(paths: inputs) { event in
          switch event {
          case .record(let record):
            let task = LabelStudioTask(record: record, modelVersion: record.lexiconVersion, offersProvince: !provinces.isEmpty)
            for span in task.misplacedSpans {
              misplaced += 1
              Diagnostics.error(
                "record \(record.id): evidence \(span.dimension).\(span.category) at \(span.start)..<\(span.end) lies past the end of its \(span.field.rawValue); left out of the task"
              )
            }
            json.append(raw: Array((tasks == 0 ? "\n" : ",\n").utf8))
            task.write(to: &json)
            tasks += 1
          case .recordFailed(let error): Diagnostics.error(error.description)
          case .inputFailed(let error): Diagnostics.error(error.description)
          case .duplicateID(let duplicate): Diagnostics.warning("\(duplicate); only the first record with an id is exported")
          }
        }
        json.append(raw: Array("\n]\n".utf8))
        try Diagnostics.stopIfNothingRead(summary, verb: "exported", output: output)
        let file = try OutputFile.file(output)
        try file.write(json.bytes)
        try file.commit()
        if let config {
          let xml = try OutputFile.file(config)
          try xml.write(Array(LabelStudioConfig(provinces: provinces).xml().utf8))
          try xml.commit()
        }
        Diagnostics.print(
          "govtag: \(summary.line(verb: "exported")) → \(output)\(config.map { " (labeling configuration: \($0))" } ?? "")")
        if !summary.succeeded || misplaced > 0 { throw Diagnostics.partialFailure }
      }
    }
  }

  /// `govtag export doccano`: doccano's JSON Lines for text classification.
  struct Doccano: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write doccano JSON Lines (text classification) with GovTag's labels as dimension:category.",
      discussion: """
        Each record becomes {"text", "label": ["capability:public_service", …, "province:浙江", \
        "region:east"], "govtag_id", "title"?}; doccano keeps govtag_id and title as metadata, so \
        govtag import doccano finds the record again.
        """
    )

    @Argument(help: "Labelled JSON Lines files (govtag tag's output); - reads standard input.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON Lines file to import into doccano.", valueName: "file"))
    var output: String

    func validate() throws {
      if inputs.isEmpty { throw ValidationError("name at least one labelled file, or - for standard input") }
    }

    func run() throws {
      try Diagnostics.orExit {
        try OutputFile.refuseOverlap(outputs: [("-o", output)], inputs: inputs)
        var bytes: [UInt8] = []
        let summary = try Export.reader.read(paths: inputs) { event in
          switch event {
          case .record(let record): bytes += DoccanoRecord.exportLine(record)
          case .recordFailed(let error): Diagnostics.error(error.description)
          case .inputFailed(let error): Diagnostics.error(error.description)
          case .duplicateID(let duplicate): Diagnostics.warning("\(duplicate); only the first record with an id is exported")
          }
        }
        try Diagnostics.stopIfNothingRead(summary, verb: "exported", output: output)
        let file = try OutputFile.file(output)
        try file.write(bytes)
        try file.commit()
        Diagnostics.print("govtag: \(summary.line(verb: "exported")) → \(output)")
        if !summary.succeeded { throw Diagnostics.partialFailure }
      }
    }
  }
}

import ArgumentParser

/// The `--format` of every command that prints a report or a table, spelled the same everywhere:
/// `text` (or `markdown`, where the tables are Markdown) for people, `json` for programs, `csv`
/// where a command offers it. `govtag tag --format` (jsonl, json) and `lexicon export --format`
/// (liwc, quanteda…) name their file formats under the same option.
///
/// `text` and `markdown` are one choice under two names: a command that prints Markdown tables
/// takes `text` for them, and one that prints plain text takes `markdown`, so that the same
/// `--format` works everywhere. The flags `--json` and `--csv`, which came first, still work
/// (hidden from the help).
///
/// Not `CaseIterable`: ArgumentParser would list all four values in every command's help,
/// including those the command refuses; each help lists what its command offers instead.
enum ReportFormat: String, ExpressibleByArgument {
  case text, markdown, json, csv

  /// The help of a command's `--format`, listing what it offers.
  static func help(_ offered: [ReportFormat]) -> ArgumentHelp {
    ArgumentHelp(
      "Output format: \(offered.map(\.rawValue).joined(separator: ", ")) (default \(offered[0].rawValue)).", valueName: "format")
  }

  /// Checks `format` against what a command offers and folds the older flags into it.
  ///
  /// - Parameters:
  ///   - format: the `--format` given (or its default).
  ///   - json: whether `--json` was given.
  ///   - csv: whether `--csv` was given.
  ///   - offered: the formats the command writes, its default first.
  /// - Throws: `ValidationError` naming the formats the command offers.
  static func resolve(_ format: inout ReportFormat, json: Bool, csv: Bool = false, offered: [ReportFormat]) throws {
    let flags = [json ? ReportFormat.json : nil, csv ? ReportFormat.csv : nil].compactMap { $0 }
    if flags.count > 1 { throw ValidationError("choose one of --json and --csv (or --format)") }
    if let flag = flags.first {
      guard format == offered[0] || format == flag else {
        throw ValidationError("--\(flag.rawValue) and --format \(format.rawValue) disagree; give --format alone")
      }
      format = flag
    }
    // The other name of the human-readable choice.
    if format == .text, !offered.contains(.text), offered.contains(.markdown) { format = .markdown }
    if format == .markdown, !offered.contains(.markdown), offered.contains(.text) { format = .text }
    guard offered.contains(format) else {
      throw ValidationError(
        "--format \(format.rawValue) is not offered here; choose \(offered.map(\.rawValue).joined(separator: ", "))")
    }
  }
}

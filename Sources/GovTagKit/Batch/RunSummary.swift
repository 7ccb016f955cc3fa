/// What a batch run did: counts for the closing summary line and the exit status.
public struct RunSummary: Sendable, Hashable {
  /// Inputs opened and read to the end.
  public var inputsRead = 0
  /// Non-blank input lines.
  public var recordsRead = 0
  /// Records written with labels.
  public var labelled = 0
  /// Records that could not be labelled.
  public var failed = 0
  /// Blank lines, which hold no record.
  public var blankLines = 0
  /// Inputs that could not be read at all (missing, unreadable, empty).
  public var inputErrors: [GovTagError] = []
  /// Bytes of input consumed.
  public var bytesRead = 0
  /// Wall-clock seconds.
  public var seconds = 0.0

  /// Creates an empty summary.
  public init() {}

  /// Whether every input was read and every record labelled.
  public var succeeded: Bool { failed == 0 && inputErrors.isEmpty }

  /// One line for people: `tagged 150 records from 2 inputs: 149 labelled, 1 failed (3.1 MB in 0.8 s, 187 records/s)`.
  public var line: String {
    var text = "read \(recordsRead) record\(recordsRead == 1 ? "" : "s") from \(inputsRead) input\(inputsRead == 1 ? "" : "s")"
    text += ": \(labelled) labelled, \(failed) failed"
    if blankLines > 0 { text += ", \(blankLines) blank line\(blankLines == 1 ? "" : "s") skipped" }
    if !inputErrors.isEmpty { text += "; \(inputErrors.count) input\(inputErrors.count == 1 ? "" : "s") could not be read" }
    let megabytes = Double(bytesRead) / 1_000_000
    let rate = seconds > 0 ? Double(recordsRead) / seconds : 0
    text += " (\(Self.format(megabytes)) MB in \(Self.format(seconds)) s, \(Int(rate.rounded())) records/s)"
    return text
  }

  static func format(_ value: Double) -> String {
    let scaled = (value * 10).rounded() / 10
    return scaled == scaled.rounded() ? String(Int(scaled)) + ".0" : String(scaled)
  }
}

import ArgumentParser
import Foundation
import GovTagKit

/// The one place that prints problems and decides exit statuses.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | the run finished, but a record or an input failed |
/// | 2 | fatal: lexicons, configuration, I/O |
/// | 64 | usage (ArgumentParser's validation errors) |
/// | 130 | interrupted by Ctrl-C (SIGINT); the output can be finished with `--resume` |
/// | 143 | interrupted by SIGTERM; the same |
///
/// Every line goes through ``Swift/String/escapingControlCharacters``: messages quote ids,
/// paths and raw input, whose control characters must not reach a terminal or a log raw.
enum Diagnostics {
  static let partialFailure = ExitCode(1)
  static let fatal = ExitCode(2)

  /// Writes one line to standard error, its control characters escaped.
  static func print(_ line: String) {
    FileHandle.standardError.write(Data((line.escapingControlCharacters + "\n").utf8))
  }

  /// Prints an error as `govtag: error: …`.
  static func error(_ message: String) { print("govtag: error: \(message)") }

  /// Prints a warning as `govtag: warning: …`.
  static func warning(_ message: String) { print("govtag: warning: \(message)") }

  /// Prints a problem met while reading annotated records: a duplicate id as a warning, anything
  /// else as an error.
  static func report(_ problem: CorpusProblem) {
    if problem.isWarning { warning(problem.description) } else { error(problem.description) }
  }

  /// Runs `body`; on a GovTag error prints every message and exits with status 2.
  static func orExit<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let errors as GovTagErrors {
      for item in errors.errors { error(item.description) }
      print("govtag: \(errors.errors.count) problem\(errors.errors.count == 1 ? "" : "s") found")
      throw fatal
    } catch let item as GovTagError {
      error(item.description)
      throw fatal
    }
  }

  /// Stops a command whose inputs all failed before it prints a report of nothing (an audit of
  /// no records "agrees on every category") or writes an empty file: prints the summary line and
  /// why nothing follows, and exits with status 1, as `tag` does.
  ///
  /// - Parameters:
  ///   - summary: what reading did.
  ///   - verb: the summary line's verb (`evaluated`, `audited`).
  ///   - field: the reference field, for the summary line.
  ///   - output: the file that would have been written, or `nil` for a report on standard output.
  ///   - side: which of two inputs the summary is (`A: `, `B: ` for `audit --compare`).
  static func stopIfNothingRead(
    _ summary: ReadSummary, verb: String, field: String? = nil, output: String? = nil, side: String = ""
  ) throws {
    guard summary.readNothing else { return }
    print("govtag: \(side)\(summary.line(verb: verb, field: field))")
    print("govtag: no input could be read, so " + (output.map { "\($0) was not written" } ?? "no report was printed"))
    throw partialFailure
  }

  /// Stops a command that read records but could use none of them (every record invalid, or
  /// only blank lines) before it prints a report of nothing, which would claim agreement:
  /// prints the summary line and why nothing follows, and exits with status 1. Call it after
  /// ``stopIfNothingRead(_:verb:field:output:side:)``.
  ///
  /// - Parameters:
  ///   - summary: what reading did.
  ///   - verb: the summary line's verb (`audited`).
  ///   - field: the reference field, for the summary line.
  ///   - output: the file that is then not written, if any.
  static func stopIfNothingUsed(_ summary: ReadSummary, verb: String, field: String? = nil, output: String? = nil) throws {
    guard summary.used == 0 else { return }
    print("govtag: \(summary.line(verb: verb, field: field))")
    print("govtag: no record could be \(verb), so " + (output.map { "\($0) was not written" } ?? "no report was printed"))
    throw partialFailure
  }

  /// Whether standard error is a terminal (progress lines are only drawn there).
  static var stderrIsTerminal: Bool { isatty(2) != 0 }
}

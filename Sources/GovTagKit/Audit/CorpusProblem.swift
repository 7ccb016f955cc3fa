/// A problem met while reading annotated records: one record skipped, or one input not read.
///
/// Problems never stop a run: each is reported as it happens and counted in the
/// ``ReadSummary``, and the other records are still compared.
package enum CorpusProblem: Sendable, Hashable, CustomStringConvertible {
  /// A record was skipped: not JSON, no text, no or invalid reference labels…
  case record(RecordError)
  /// An input could not be read (missing, unreadable, empty).
  case input(GovTagError)

  /// The message as the command line prints it after `govtag: error: `.
  package var description: String {
    switch self {
    case .record(let error): error.description
    case .input(let error): error.description
    }
  }
}

/// A problem met while reading annotated records: one record skipped, or one input not read.
///
/// Problems never stop a run: each is reported as it happens and counted in the
/// ``ReadSummary``, and the other records are still compared.
package enum CorpusProblem: Sendable, Hashable, CustomStringConvertible {
  /// A record was skipped: not JSON, no text, no or invalid reference labels…
  case record(RecordError)
  /// An input could not be read (missing, unreadable, empty).
  case input(GovTagError)
  /// A record has the id of an earlier record: only the first record with an id is used, so
  /// that nothing is counted twice. A warning, not a failure.
  case duplicateID(DuplicateID)
  /// Something about a record worth telling that does not stop it being used (the two
  /// annotators' records of one id hold different texts). A warning, not a failure.
  case recordWarning(RecordError)

  /// Whether the problem is a warning (a duplicate id, a record warning), not an error.
  package var isWarning: Bool {
    switch self {
    case .duplicateID, .recordWarning: true
    case .record, .input: false
    }
  }

  /// The message as the command line prints it after `govtag: error: `.
  package var description: String {
    switch self {
    case .record(let error), .recordWarning(let error): error.description
    case .input(let error): error.description
    case .duplicateID(let duplicate): "\(duplicate); only the first record with this id is used"
    }
  }
}

/// A record whose id an earlier record of the same run (or of the same inputs) already had.
package struct DuplicateID: Sendable, Hashable, CustomStringConvertible {
  /// The id.
  package var id: String
  /// Where the later record is.
  package var location: SourceLocation
  /// Where the first record with this id is.
  package var first: SourceLocation

  /// Creates a duplicate.
  package init(id: String, location: SourceLocation, first: SourceLocation) {
    self.id = id
    self.location = location
    self.first = first
  }

  /// `b.jsonl:7: duplicate id "r3" (first at a.jsonl:2)`.
  package var description: String { "\(location): duplicate id \"\(id)\" (first at \(first))" }
}

/// Finds ids that an earlier record already had, over millions of records in bounded memory.
///
/// Ids are not kept: each is reduced to a 64-bit hash (FNV-1a of its UTF-8, ``StableHash``),
/// mapped to where its first record is (the input's number and the line, packed in 64 bits), so
/// a record costs one dictionary insert and about 16 to 32 bytes whatever its id's length (about
/// 30 MB per million distinct ids). Collisions are accepted, not confirmed: two different ids
/// are taken for one with a probability of about n² / 2⁶⁵ for n records (3 in a million for
/// 10 million records), and then a warning names a record as a duplicate that is not one. It
/// never changes a label; `govtag diff`, `eval` and `audit` would then use only the first of
/// the two.
package struct DuplicateIDCheck: Sendable {
  /// Hash of an id → its first record: input number << 40 | line (0 for a record without a
  /// line: a file of a `.txt` folder, whose location is the folder and the id).
  private var firsts: [UInt64: UInt64] = [:]
  /// The names of the inputs, by number.
  private var inputNames: [Int: String] = [:]

  /// Creates an empty check.
  package init() {}

  /// The 64-bit hash of an id, as ``check(id:hash:at:input:inputName:)`` takes it: computed
  /// where the id is decoded (a worker thread, in `tag`), so that the ordered consumer only inserts.
  ///
  /// - Parameter id: the record's id.
  /// - Returns: the hash.
  package static func hash(_ id: String) -> UInt64 {
    var hash = StableHash()
    hash.combine(id)
    return hash.value
  }

  /// Records an id, in input order, and says whether an earlier record had it.
  ///
  /// - Parameters:
  ///   - id: the record's id.
  ///   - hash: ``hash(_:)`` of `id`.
  ///   - location: where the record is.
  ///   - input: the number of its input in the run.
  ///   - inputName: that input's name in messages (the path, or `<stdin>`).
  /// - Returns: the duplicate, or `nil` for the first record with this id.
  package mutating func check(
    id: String, hash: UInt64, at location: SourceLocation, input: Int, inputName: String
  ) -> DuplicateID? {
    let packed = UInt64(truncatingIfNeeded: input) << 40 | UInt64(truncatingIfNeeded: max(location.line ?? 0, 0) & 0xFF_FFFF_FFFF)
    guard let earlier = firsts[hash] else {
      firsts[hash] = packed
      if inputNames[input] == nil { inputNames[input] = inputName }
      return nil
    }
    let name = inputNames[Int(earlier >> 40)] ?? inputName
    let line = Int(earlier & 0xFF_FFFF_FFFF)
    let first = line > 0 ? SourceLocation(file: name, line: line) : SourceLocation(file: name + "/" + id)
    return DuplicateID(id: id, location: location, first: first)
  }
}

/// How many records of a run repeated an earlier record's id, and the first few of them.
package struct DuplicateIDTally: Sendable, Hashable, Codable {
  /// Records with an id an earlier record had.
  package var count = 0
  /// The first ``exampleLimit`` of them, as messages (``DuplicateID/description``).
  package var examples: [String] = []
  /// How many are named.
  package static let exampleLimit = 3

  /// Creates an empty tally.
  package init() {}

  /// Counts one duplicate.
  package mutating func add(_ duplicate: DuplicateID) {
    count += 1
    if examples.count < Self.exampleLimit { examples.append(duplicate.description) }
  }
}

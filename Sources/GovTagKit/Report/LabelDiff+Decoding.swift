// MARK: - One labelled record, compactly

/// What the diff keeps of one labelled record.
struct DiffRecord {
  var id: String
  var labels: LabelSet
  /// The province and region, or `nil` when the record has no `location` (an older file).
  var place: LabelDiff.Place?
  /// A 64-bit hash of the `text_hash` field, or `nil` when the record has none.
  var textHash: UInt64?
  var lexiconVersion: String?
}

/// Reads the fields a diff needs from one line of `govtag tag` output: `id`, `labels`,
/// `location`, `text_hash`, `lexicon_version` (and `error`, to explain an error record).
///
/// The line is checked to be JSON throughout, but every other field (the text, the evidence,
/// the scores) is skipped over byte by byte rather than decoded, so a line costs one pass over
/// its bytes and a few small allocations whatever its length.
struct DiffRecordDecoder {
  let slots: CategorySlots

  /// The raw values of the fields of interest, collected before any is interpreted, so that a
  /// syntax error anywhere on the line is reported as such.
  private struct Fields {
    var id: JSONValue?
    var labels: JSONValue?
    var location: JSONValue?
    var textHash: JSONValue?
    var lexiconVersion: JSONValue?
    var error: JSONValue?
    /// Checked like every reader of records checks them (see ``DocumentDecoder``), not kept.
    var text: JSONValue?
    var title: JSONValue?
  }

  /// What is wrong with a record's fields.
  private struct Problem: Error {
    var reason: String
    var hint: String?
  }

  /// Decodes one line (without its line break).
  func decode(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> Result<DiffRecord, RecordError> {
    var line = line
    if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
    if let bad = UTF8Text.firstInvalidOffset(in: line) {
      return .failure(
        RecordError(
          location: location, reason: "invalid UTF-8 at byte \(bad + 1) of the line",
          hint: "convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)"))
    }
    let fields: Fields
    do {
      fields = try scan(line)
    } catch let problem as Problem {
      return .failure(RecordError(location: location, reason: problem.reason, hint: problem.hint))
    } catch let error as JSONValueParser.SyntaxError where error.reason != nil {
      return .failure(RecordError(location: location, reason: error.reason ?? "", hint: error.hint))
    } catch {
      return .failure(
        RecordError(
          location: location, reason: "not valid JSON: \(DocumentDecoder.syntaxProblem(in: line))",
          hint: "each line must hold one JSON object"))
    }
    var id: String?
    do {
      id = try Self.id(fields)
      return .success(try record(fields, id: id ?? ""))
    } catch let problem as Problem {
      return .failure(RecordError(location: location, id: id, reason: problem.reason, hint: problem.hint))
    } catch {
      return .failure(RecordError(location: location, id: id, reason: "\(error)"))
    }
  }

  // MARK: - Syntax

  private static let keyID = Array("id".utf8)
  private static let keyLabels = Array("labels".utf8)
  private static let keyLocation = Array("location".utf8)
  private static let keyTextHash = Array("text_hash".utf8)
  private static let keyLexiconVersion = Array("lexicon_version".utf8)
  private static let keyError = Array("error".utf8)
  private static let keyText = Array("text".utf8)
  private static let keyTitle = Array("title".utf8)

  /// Walks the line's top-level object, decoding the fields of interest and skipping the rest.
  ///
  /// - Throws: ``JSONLineScanner/SyntaxError`` when the line is not JSON; ``Problem`` when it is
  ///   JSON but not an object.
  private func scan(_ line: UnsafeBufferPointer<UInt8>) throws -> Fields {
    var scanner = JSONLineScanner(line)
    scanner.skipWhitespace()
    guard scanner.peek == UInt8(ascii: "{") else {
      let value = try scanner.parseValue()
      try scanner.expectEnd()
      throw Problem(
        reason: "a record must be a JSON object, found \(value.typeDescription)", hint: "each line must hold one JSON object")
    }
    var fields = Fields()
    try scanner.forEachMember { scanner, key in
      if key.elementsEqual(Self.keyID) {
        fields.id = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyLabels) {
        fields.labels = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyLocation) {
        fields.location = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyTextHash) {
        fields.textHash = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyLexiconVersion) {
        fields.lexiconVersion = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyError) {
        fields.error = try scanner.parseValue()
      } else if key.elementsEqual(Self.keyText) {
        fields.text = try scanner.typeOfValue()
      } else if key.elementsEqual(Self.keyTitle) {
        fields.title = try scanner.typeOfValue()
      } else {
        try scanner.skipValue()
      }
    }
    try scanner.expectEnd()
    return fields
  }

  // MARK: - Meaning

  private static func id(_ fields: Fields) throws -> String {
    switch fields.id {
    case .string(let text)? where !text.isEmpty: return text
    case .integer(let number)?: return String(number)
    case .numberText(let digits)? where DocumentDecoder.isIntegerText(digits): return digits
    case nil:
      if let error = fields.error { throw errorRecord(error) }
      throw Problem(reason: "the record has no \"id\" field", hint: "records are matched by id: give every input record one")
    case let other?:
      if let error = fields.error { throw errorRecord(error) }
      throw Problem(reason: "\"id\" must be a non-empty string or an integer, found \(other.typeDescription)")
    }
  }

  /// The problem for an error record, which `govtag tag` writes in place of a line it could not label.
  private static func errorRecord(_ error: JSONValue) -> Problem {
    var reason = "govtag tag could not label this record"
    if let detail = error.objectValue, let why = detail["reason"]?.stringValue {
      var place = detail["source"]?.stringValue ?? ""
      if case .integer(let line)? = detail["line"] { place += ":\(line)" }
      reason += " (\(place.isEmpty ? "" : place + ": ")\(why))"
    }
    return Problem(reason: reason, hint: "fix that input record and tag it again")
  }

  private func record(_ fields: Fields, id: String) throws -> DiffRecord {
    let labels: LabelSet
    switch fields.labels {
    case nil, .null?:
      if let error = fields.error { throw Self.errorRecord(error) }
      throw Problem(reason: "the record has no \"labels\" field", hint: "compare files that govtag tag wrote")
    case let value?: labels = try self.labels(value)
    }
    var place: LabelDiff.Place?
    switch fields.location {
    case nil, .null?: place = nil
    case .object(let object)?: place = try Self.place(object)
    case let other?:
      throw Problem(reason: "\"location\" must be an object, found \(other.typeDescription)")
    }
    // What every reader of records requires (see DocumentDecoder), so that all agree on a line;
    // checked last, so that a record without labels is reported as such.
    switch fields.text {
    case .string?: break
    case nil: throw Problem(reason: "the record has no \"text\" field", hint: "put the narrative in \"text\"")
    case let other?: throw Problem(reason: "\"text\" must be a string, found \(other.typeDescription)")
    }
    switch fields.title {
    case nil, .null?, .string?: break
    case let other?: throw Problem(reason: "\"title\" must be a string, found \(other.typeDescription)")
    }
    var textHash: UInt64?
    if case .string(let text)? = fields.textHash {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
      textHash = hash
    }
    return DiffRecord(
      id: id, labels: labels, place: place, textHash: textHash, lexiconVersion: fields.lexiconVersion?.stringValue)
  }

  /// Reads `{dimension: [category ids]}`; keys that are not dimensions of the taxonomy are ignored.
  private func labels(_ value: JSONValue) throws -> LabelSet {
    guard let object = value.objectValue else {
      throw Problem(
        reason: "\"labels\" must be an object of category id lists, found \(value.typeDescription)",
        hint: "compare files that govtag tag wrote")
    }
    var set = LabelSet()
    for (dimension, entry) in object {
      guard let categories = slots.slots[dimension], entry != .null else { continue }
      guard let list = entry.arrayValue else {
        throw Problem(reason: "\"labels\".\"\(dimension)\" must be a list of category ids, found \(entry.typeDescription)")
      }
      for item in list {
        guard let id = item.stringValue else {
          throw Problem(reason: "\"labels\".\"\(dimension)\" must hold category ids, found \(item.typeDescription)")
        }
        guard let slot = categories[id] else {
          guard let known = slots.categories.first(where: { $0.dimension.id == dimension })?.dimension else {
            throw Problem(reason: "unknown category \"\(id)\" in \"labels\".\"\(dimension)\"")
          }
          let unknown = known.unknownCategory(id, in: "\"labels\"")
          throw Problem(reason: unknown.reason, hint: unknown.hint)
        }
        set.insert(slot)
      }
    }
    return set
  }

  private static func place(_ object: [String: JSONValue]) throws -> LabelDiff.Place {
    var place = LabelDiff.Place()
    switch object["province"] {
    case nil, .null?: place.province = nil
    case .string(let name)?: place.province = name.isEmpty ? nil : name
    case let other?: throw Problem(reason: "\"location\".\"province\" must be a string, found \(other.typeDescription)")
    }
    switch object["region"] {
    case nil, .null?, .string("")?, .string("unknown")?: place.region = nil
    case .string(let name)?:
      guard let region = Region(rawValue: name) else {
        throw Problem(reason: "\"location\".\"region\" is \"\(name)\"", hint: "use east, central, west or null")
      }
      place.region = region
    case let other?: throw Problem(reason: "\"location\".\"region\" must be a string, found \(other.typeDescription)")
    }
    return place
  }
}

// MARK: - A JSON scanner that can skip

/// A JSON reader over the bytes of one line that decodes the values it is asked for and only
/// checks the others.
///
/// It accepts exactly what ``JSONValueParser`` accepts, which reads every other GovTag input:
/// RFC 8259 without a repeated key in an object, a lone surrogate escape or nesting deeper
/// than ``JSONValue/maximumDepth`` (those three are thrown as ``JSONValueParser/SyntaxError``
/// with a reason).
///
/// It assumes valid UTF-8 (checked beforehand) and reports any other syntax error as
/// ``SyntaxError`` without detail: the caller asks `JSONSerialization` for the wording on that
/// rare path.
struct JSONLineScanner {
  /// The line is not JSON.
  struct SyntaxError: Error {}

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var depth = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// The next byte, or `nil` at the end.
  var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  /// Requires that only whitespace is left.
  mutating func expectEnd() throws {
    skipWhitespace()
    guard position == bytes.count else { throw SyntaxError() }
  }

  private mutating func expect(_ byte: UInt8) throws {
    guard position < bytes.count, bytes[position] == byte else { throw SyntaxError() }
    position += 1
  }

  private mutating func enter() throws {
    depth += 1
    guard depth <= JSONValue.maximumDepth else { throw JSONValueParser.tooDeep(at: position - 1) }  // at the bracket
  }

  // MARK: Objects

  /// Reads an object, calling `body` with each key's UTF-8 bytes (escapes resolved); `body` must
  /// consume the value, by parsing or skipping it.
  mutating func forEachMember(_ body: (inout JSONLineScanner, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    try members { scanner, keys in
      let (range, escaped) = try scanner.skipString()
      try keys.insert(range, escaped: escaped, of: scanner)
      try scanner.colon()
      if escaped {
        let key = scanner.unescape(range)
        try key.withUnsafeBufferPointer { try body(&scanner, $0) }
      } else {
        try body(&scanner, UnsafeBufferPointer(rebasing: scanner.bytes[range]))
      }
    }
  }

  /// The frame of an object: `{`, members separated by commas, `}`; `member` reads one key and value.
  private mutating func members(_ member: (inout JSONLineScanner, inout KeySet) throws -> Void) throws {
    skipWhitespace()
    try expect(UInt8(ascii: "{"))
    try enter()
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return
    }
    var keys = KeySet()
    while true {
      skipWhitespace()
      try member(&self, &keys)
      skipWhitespace()
      guard let next = peek else { throw SyntaxError() }
      position += 1
      if next == UInt8(ascii: ",") { continue }
      guard next == UInt8(ascii: "}") else { throw SyntaxError() }
      depth -= 1
      return
    }
  }

  /// The keys of one object so far, to refuse a repeated key as ``JSONValueParser`` does.
  /// Compared in place while the object is small (nearly always); a set beyond that, so that an
  /// object with very many keys is not quadratic.
  struct KeySet {
    private var ranges: [(Range<Int>, Bool)] = []
    private var large: Set<[UInt8]>?

    mutating func insert(_ range: Range<Int>, escaped: Bool, of scanner: JSONLineScanner) throws {
      let duplicate: Bool
      if large == nil && ranges.count < 16 {
        duplicate = ranges.contains { other in
          if !escaped && !other.1 {
            return other.0.count == range.count && scanner.bytes[other.0].elementsEqual(scanner.bytes[range])
          }
          return scanner.keyBytes(other.0, escaped: other.1) == scanner.keyBytes(range, escaped: escaped)
        }
        ranges.append((range, escaped))
      } else {
        if large == nil { large = Set(ranges.map { scanner.keyBytes($0.0, escaped: $0.1) }) }
        duplicate = large?.insert(scanner.keyBytes(range, escaped: escaped)).inserted == false
      }
      if duplicate {
        throw JSONValueParser.duplicateKey(
          String(decoding: scanner.keyBytes(range, escaped: escaped), as: UTF8.self), at: range.lowerBound - 1)
      }
    }
  }

  /// A key's bytes, escapes resolved.
  fileprivate func keyBytes(_ range: Range<Int>, escaped: Bool) -> [UInt8] {
    escaped ? unescape(range) : Array(bytes[range])
  }

  private mutating func colon() throws {
    skipWhitespace()
    try expect(UInt8(ascii: ":"))
  }

  // MARK: Skipping

  /// Checks the next value and moves past it without building anything.
  mutating func skipValue() throws {
    skipWhitespace()
    guard let first = peek else { throw SyntaxError() }
    switch first {
    case UInt8(ascii: "{"):
      try members { scanner, keys in
        let (range, escaped) = try scanner.skipString()
        try keys.insert(range, escaped: escaped, of: scanner)
        try scanner.colon()
        try scanner.skipValue()
      }
    case UInt8(ascii: "["):
      try forEachElement { scanner in try scanner.skipValue() }
    case UInt8(ascii: "\""):
      _ = try skipString()
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: _ = try skipNumber()
    }
  }

  private mutating func forEachElement(_ body: (inout JSONLineScanner) throws -> Void) throws {
    try expect(UInt8(ascii: "["))
    try enter()
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return
    }
    while true {
      try body(&self)
      skipWhitespace()
      guard let next = peek else { throw SyntaxError() }
      position += 1
      if next == UInt8(ascii: ",") {
        skipWhitespace()
        continue
      }
      guard next == UInt8(ascii: "]") else { throw SyntaxError() }
      depth -= 1
      return
    }
  }

  private mutating func literal(_ word: StaticString) throws {
    let count = word.utf8CodeUnitCount
    guard bytes.count - position >= count else { throw SyntaxError() }
    for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw SyntaxError() }
    position += count
  }

  /// Moves past a string; returns the range of its contents and whether it holds escapes.
  private mutating func skipString() throws -> (range: Range<Int>, escaped: Bool) {
    try expect(UInt8(ascii: "\""))
    let start = position
    var escaped = false
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return (start..<(position - 1), escaped)
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        position += 1
        guard position < bytes.count else { throw SyntaxError() }
        switch bytes[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          position += 1
        case UInt8(ascii: "u"):
          let unit = try hex4(after: position)
          let escapeStart = position - 1
          position += 5
          if (0xD800...0xDBFF).contains(unit) {
            // Only a high surrogate followed by a low one spells a character.
            guard bytes.count - position > 1, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
              let low = try? hex4(after: position + 1), (0xDC00...0xDFFF).contains(low)
            else { throw JSONValueParser.loneSurrogate(unit, at: escapeStart) }
            position += 6
          } else if (0xDC00...0xDFFF).contains(unit) {
            throw JSONValueParser.loneSurrogate(unit, at: escapeStart)
          }
        default: throw SyntaxError()
        }
        continue
      }
      guard byte >= 0x20 else { throw SyntaxError() }
      position += 1
    }
    throw SyntaxError()
  }

  /// The four hex digits after the `u` at `offset`.
  private func hex4(after offset: Int) throws -> UInt32 {
    guard bytes.count - offset > 4 else { throw SyntaxError() }
    var value: UInt32 = 0
    for index in (offset + 1)...(offset + 4) {
      guard let digit = Self.hexValue(bytes[index]) else { throw SyntaxError() }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// Moves past a number; returns its range and whether it is an integer (no fraction, no exponent).
  private mutating func skipNumber() throws -> (range: Range<Int>, integer: Bool) {
    let start = position
    func digit() -> Bool { position < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) }
    func digits() throws {
      guard digit() else { throw SyntaxError() }
      while digit() { position += 1 }
    }
    if peek == UInt8(ascii: "-") { position += 1 }
    if peek == UInt8(ascii: "0") {
      position += 1
    } else {
      try digits()
    }
    var integer = true
    if peek == UInt8(ascii: ".") {
      position += 1
      try digits()
      integer = false
    }
    if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
      position += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
      try digits()
      integer = false
    }
    return (start..<position, integer)
  }

  // MARK: Decoding

  /// Reads the next value into a ``JSONValue`` (for the few small fields that are needed).
  mutating func parseValue() throws -> JSONValue {
    skipWhitespace()
    guard let first = peek else { throw SyntaxError() }
    switch first {
    case UInt8(ascii: "{"):
      var object: [String: JSONValue] = [:]
      // forEachMember checks that the keys are unique.
      try forEachMember { scanner, key in object[String(decoding: key, as: UTF8.self)] = try scanner.parseValue() }
      return .object(object)
    case UInt8(ascii: "["):
      var array: [JSONValue] = []
      try forEachElement { scanner in array.append(try scanner.parseValue()) }
      return .array(array)
    case UInt8(ascii: "\""):
      let (range, escaped) = try skipString()
      if escaped { return .string(String(decoding: unescape(range), as: UTF8.self)) }
      return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      let (range, integer) = try skipNumber()
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      return JSONValue.number(text: text, isInteger: integer)
    }
  }

  /// Checks the next value and returns it if it is small (`null`, a boolean or a number), or an
  /// empty value of its type (a string, an array, an object): what a type check needs.
  mutating func typeOfValue() throws -> JSONValue {
    skipWhitespace()
    switch peek {
    case UInt8(ascii: "\"")?:
      try skipValue()
      return .string("")
    case UInt8(ascii: "[")?:
      try skipValue()
      return .array([])
    case UInt8(ascii: "{")?:
      try skipValue()
      return .object([:])
    default: return try parseValue()
    }
  }

  /// The UTF-8 bytes of the string contents in `range` (already checked), escapes resolved.
  private func unescape(_ range: Range<Int>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(range.count)
    var index = range.lowerBound
    func unit(at offset: Int) -> UInt32 {
      (0..<4).reduce(0) { $0 << 4 | UInt32(Self.hexValue(bytes[offset + $1]) ?? 0) }
    }
    while index < range.upperBound {
      let byte = bytes[index]
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        index += 1
        continue
      }
      let kind = bytes[index + 1]
      index += 2
      if let byte = JSONValueParser.unescaped(kind) {
        result.append(byte)
        continue
      }
      switch kind {
      case UInt8(ascii: "u"):
        var scalar = unit(at: index)
        index += 4
        // A surrogate pair spells one scalar beyond the BMP (lone surrogates were refused).
        if (0xD800...0xDBFF).contains(scalar), index + 6 <= range.upperBound, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          let low = unit(at: index + 2)
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
          }
        }
        result.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
      default: break  // the range was checked: nothing else follows a backslash
      }
    }
    return result
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

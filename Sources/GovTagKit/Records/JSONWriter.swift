/// Writes JSON into a byte buffer, with keys in the order the caller gives them.
///
/// Written by hand rather than with `JSONEncoder` for two reasons: output records must list
/// their fields in a fixed, readable order (id, title, input fields, text, then GovTag's), which
/// `JSONEncoder` cannot do (it sorts or leaves dictionary order), and writing is on the
/// per-record hot path, where appending bytes to one reused buffer is several times cheaper.
/// Non-ASCII text is written as raw UTF-8, not `\u` escapes, so the Chinese stays readable.
/// Containers nest at most ``JSONValue/maximumDepth`` deep, the limit the readers enforce.
package struct JSONWriter {
  /// The bytes written so far.
  package var bytes: [UInt8] { output.array }
  private var output = ByteBuffer()
  /// Bit d of `commaBits` says whether container level d needs a comma before its next item;
  /// `depth` is the nesting level. Bits, not an array: this is consulted for every value.
  private var commaBits: UInt64 = 0
  private var depth = 0

  /// Creates an empty writer.
  package init() {}

  // MARK: - Containers

  /// Opens an object.
  package mutating func beginObject() {
    separate()
    output.append(UInt8(ascii: "{"))
    push()
  }

  /// Closes the innermost object.
  package mutating func endObject() {
    depth -= 1
    output.append(UInt8(ascii: "}"))
  }

  /// Opens an array.
  package mutating func beginArray() {
    separate()
    output.append(UInt8(ascii: "["))
    push()
  }

  /// Closes the innermost array.
  package mutating func endArray() {
    depth -= 1
    output.append(UInt8(ascii: "]"))
  }

  /// Writes an object key; the next value written is its value.
  package mutating func key(_ key: String) {
    separate()
    appendQuoted(key)
    output.append(UInt8(ascii: ":"))
    // The value that follows must not write another comma.
    if depth > 0 { commaBits &= ~(1 << UInt64(depth - 1)) }
  }

  // MARK: - Values

  /// Writes a string.
  package mutating func string(_ value: String) {
    separate()
    appendQuoted(value)
  }

  /// Writes an integer.
  package mutating func integer(_ value: Int) {
    separate()
    appendInteger(value)
  }

  /// Writes a number; NaN and infinities, which JSON cannot express, become `null`.
  package mutating func number(_ value: Double) {
    separate()
    guard value.isFinite else {
      output.append(contentsOf: "null".utf8)
      return
    }
    appendFiniteNumber(value)
  }

  /// Writes a boolean.
  package mutating func bool(_ value: Bool) {
    separate()
    output.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Writes `null`.
  package mutating func null() {
    separate()
    output.append(contentsOf: "null".utf8)
  }

  /// Writes any JSON value; object keys are sorted, so the output does not depend on hashing.
  package mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .integer(let integer):
      separate()
      output.append(contentsOf: String(integer).utf8)
    case .number(let number):
      separate()
      output.append(contentsOf: (number.isFinite ? String(number) : "null").utf8)
    case .numberText(let text):
      separate()
      output.append(contentsOf: text.utf8)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let fields):
      beginObject()
      for name in fields.keys.sorted() {
        key(name)
        self.value(fields[name] ?? .null)
      }
      endObject()
    }
  }

  /// Writes a number, or `null` for `nil`.
  package mutating func optionalNumber(_ value: Double?) {
    if let value { number(value) } else { null() }
  }

  // MARK: - Object fields: a key and its value in one call

  /// Writes `"key": value` into the current object.
  package mutating func field(_ key: String, string value: String) {
    self.key(key)
    string(value)
  }

  /// Writes `"key": value` into the current object.
  package mutating func field(_ key: String, integer value: Int) {
    self.key(key)
    integer(value)
  }

  /// Writes `"key": value` into the current object (see ``number(_:)``).
  package mutating func field(_ key: String, number value: Double) {
    self.key(key)
    number(value)
  }

  /// Writes `"key": value`, or `"key": null` for `nil`, into the current object.
  package mutating func field(_ key: String, optionalNumber value: Double?) {
    self.key(key)
    optionalNumber(value)
  }

  /// Writes `"key": value` into the current object.
  package mutating func field(_ key: String, bool value: Bool) {
    self.key(key)
    bool(value)
  }

  /// Writes `"key": [values]` into the current object.
  package mutating func field(_ key: String, strings values: [String]) {
    self.key(key)
    strings(values)
  }

  /// Writes a string array.
  package mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Appends bytes that are already JSON (a record copied from an earlier output), outside any container.
  package mutating func append(raw bytes: [UInt8]) { bytes.withUnsafeBufferPointer { output.append(contentsOf: $0) } }

  /// Appends a newline (between JSON Lines records), outside any container.
  package mutating func newline() { output.append(0x0A) }

  /// Empties the buffer, keeping its capacity.
  package mutating func reset() {
    output.removeAll()
    commaBits = 0
    depth = 0
  }

  // MARK: - Pre-rendered parts (internal: for writers that render constant parts once)

  /// Starts a value whose JSON the caller appends itself with the `append…` methods below
  /// (writes the comma it needs); the caller must append exactly one complete value.
  mutating func beginRawValue() { separate() }

  /// Appends bytes that are valid JSON in this place, as they are.
  mutating func appendRaw(_ raw: StaticString) {
    output.append(contentsOf: UnsafeBufferPointer(start: raw.utf8Start, count: raw.utf8CodeUnitCount))
  }

  /// Appends bytes that are valid JSON in this place, as they are.
  mutating func appendRaw(_ raw: UnsafeBufferPointer<UInt8>) { output.append(contentsOf: raw) }

  /// Appends a decimal integer.
  mutating func appendInteger(_ value: Int) {
    if value >= 0 && value < 10 {
      output.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    if value > 0 && value < 100_000_000 {
      // Up to eight digits fit one word: each digit found (right to left) goes in below the
      // ones before, so the word's little-endian bytes read left to right. Offsets and scores
      // are all this short.
      var magnitude = UInt64(value)
      var word: UInt64 = 0
      var length = 0
      repeat {
        word = word &<< 8 | (0x30 &+ magnitude % 10)
        magnitude /= 10
        length &+= 1
      } while magnitude > 0
      withUnsafeBytes(of: word.littleEndian) { output.append($0.baseAddress.unsafelyUnwrapped, count: length) }
      return
    }
    // Digits right to left into a stack buffer: no String per number.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var magnitude = value.magnitude
      var index = 20
      repeat {
        index -= 1
        digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      if value < 0 { output.append(UInt8(ascii: "-")) }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index..<20]))
    }
  }

  /// Appends a finite number: whole numbers without a fraction, others as Swift prints them.
  mutating func appendFiniteNumber(_ value: Double) {
    if value == value.rounded(), abs(value) < 1e15 {
      appendInteger(Int(value))
      return
    }
    // Scores and confidences have at most three decimals (33.75, 0.617): those are written
    // from integers, digit for digit what `String(value)` gives (the shortest decimal that
    // reads back as `value`, which has no more digits than these), without a String per number.
    let thousandths = (value * 1000).rounded()
    if abs(thousandths) < 1e12, thousandths / 1000 == value {
      let magnitude = Int(thousandths.magnitude)
      if value < 0 { output.append(UInt8(ascii: "-")) }
      appendInteger(magnitude / 1000)
      output.append(UInt8(ascii: "."))
      var fraction = magnitude % 1000
      var digits = 3
      while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
      }
      // Zero-padded to its width: 0.05 is fraction 5 of two digits.
      if digits == 3 && fraction < 100 { output.append(UInt8(ascii: "0")) }
      if digits >= 2 && fraction < 10 { output.append(UInt8(ascii: "0")) }
      appendInteger(fraction)
      return
    }
    output.append(contentsOf: String(value).utf8)
  }

  /// Appends UTF-8 text between quotes, escaped.
  mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    output.append(UInt8(ascii: "\""))
    appendEscaped(utf8)
    output.append(UInt8(ascii: "\""))
  }

  /// Appends the three parts of a hit's explanation (``Evidence/Status/explanationParts``) as
  /// one quoted, escaped string.
  mutating func appendQuoted(_ parts: (lead: StaticString, detail: String, tail: StaticString)) {
    output.append(UInt8(ascii: "\""))
    appendEscaped(UnsafeBufferPointer(start: parts.lead.utf8Start, count: parts.lead.utf8CodeUnitCount))
    var detail = parts.detail
    detail.withUTF8 { appendEscaped($0) }
    appendEscaped(UnsafeBufferPointer(start: parts.tail.utf8Start, count: parts.tail.utf8CodeUnitCount))
    output.append(UInt8(ascii: "\""))
  }

  /// Appends UTF-8 text escaped for a JSON string, without quotes; with `lineBreaksAsSpaces`,
  /// line feeds, carriage returns and tabs become spaces instead of escapes.
  mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, lineBreaksAsSpaces: Bool = false) {
    // Copy runs that need no escaping in one go; most text is one run. Eight bytes are
    // checked at a time (SWAR): a word is skipped unless a byte in it is below 0x20, a quote
    // or a backslash. Bytes ≥ 0x80 (all of Chinese text) never match.
    var runStart = 0
    var index = 0
    let count = utf8.count
    guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
    while index < count {
      if index + 8 <= count {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        if !Self.wordNeedsEscape(word) {
          index += 8
          continue
        }
      } else if count >= 8 {
        // Fewer than eight bytes left: check the text's last eight instead. The ones before
        // `index` were checked already; if one of them was escaped, the word fails and the
        // bytes go one by one as before.
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        if !Self.wordNeedsEscape(word) {
          index = count
          continue
        }
      } else if count >= 4 && index == 0 {
        // A text of four to seven bytes (a two-character match): its first and last four
        // bytes, overlapping, as one word.
        let head = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
        let tail = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        if !Self.wordNeedsEscape(head | tail << 32) {
          index = count
          continue
        }
      }
      let byte = utf8[index]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
        index += 1
        continue
      }
      if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
      runStart = index + 1
      index += 1
      switch byte {
      case _ where lineBreaksAsSpaces && (byte == 0x0A || byte == 0x0D || byte == 0x09): output.append(UInt8(ascii: " "))
      case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      default:
        output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        output.append(Self.hexDigits[Int(byte >> 4)])
        output.append(Self.hexDigits[Int(byte & 0xF)])
      }
    }
    if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
  }

  // MARK: - Internals

  private mutating func separate() {
    guard depth > 0 else { return }
    let bit: UInt64 = 1 << UInt64(depth - 1)
    if commaBits & bit != 0 { output.append(UInt8(ascii: ",")) }
    commaBits |= bit
  }

  private mutating func push() {
    // The readers refuse deeper records, so only a caller's own bug can get here.
    precondition(depth < JSONValue.maximumDepth, "JSON nested deeper than \(JSONValue.maximumDepth) levels")
    commaBits &= ~(1 << UInt64(depth))
    depth += 1
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// Whether any of the eight bytes of `word` is below 0x20, `"` or `\\` (bit tricks from
  /// "Bit Twiddling Hacks": a zero byte of `v` shows as `(v - 0x01…) & ~v & 0x80…`).
  @inline(__always)
  static func wordNeedsEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let control = (word &- ones &* 0x20) & ~word & highs
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteZero = (quote &- ones) & ~quote & highs
    let backslashZero = (backslash &- ones) & ~backslash & highs
    return (control | quoteZero | backslashZero) != 0
  }

  private mutating func appendQuoted(_ text: String) {
    var text = text
    text.withUTF8 { appendQuoted($0) }
  }
}

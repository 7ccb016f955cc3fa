/// Parses one JSON text into a ``JSONValue``, straight from UTF-8 bytes.
///
/// Written by hand because it runs once per input record: `JSONDecoder` decodes a dynamic value
/// through its generic `Codable` machinery (a container and a trial decode per type per value),
/// which profiling showed at a tenth of all the work; this parser makes one pass over the bytes.
/// It accepts RFC 8259 JSON and refuses, with a reason, what would lose data if accepted: a key
/// repeated in one object (which value was meant?), an escaped lone surrogate (`\ud800` is not
/// a character) and nesting deeper than ``JSONValue/maximumDepth`` (which the writer cannot
/// give back). On other syntax errors it only says where it stopped, and the caller asks
/// Foundation for a fuller message (that path is rare).
struct JSONValueParser {
  struct SyntaxError: Error {
    var offset: Int
    /// What is wrong, when the parser knows better than Foundation (which accepts these).
    var reason: String?
    /// What to do about it.
    var hint: String?
  }

  /// Thrown when a top-level array holds more elements than allowed: parsing stops at the
  /// first element beyond the limit, so a client cannot make the parser build more.
  struct TooManyElements: Error {
    var limit: Int
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var index = 0
  private var depth = 0
  /// The most elements a top-level array may hold (`nil`: no limit).
  private var topLevelLimit: Int?

  /// Parses `bytes`, which must hold one JSON value and nothing else but white space.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxTopLevelElements: Int? = nil) throws -> JSONValue {
    var parser = JSONValueParser(bytes: bytes)
    parser.topLevelLimit = maxTopLevelElements
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw SyntaxError(offset: parser.index) }
    return value
  }

  /// The error for nesting deeper than ``JSONValue/maximumDepth`` at `offset`.
  static func tooDeep(at offset: Int) -> SyntaxError {
    SyntaxError(
      offset: offset, reason: "nested deeper than \(JSONValue.maximumDepth) levels at byte \(offset + 1)",
      hint: "GovTag reads and writes at most \(JSONValue.maximumDepth) levels of arrays and objects: flatten the field")
  }

  /// The error for a key that appears twice in one object.
  static func duplicateKey(_ key: String, at offset: Int) -> SyntaxError {
    SyntaxError(
      offset: offset, reason: "the key \"\(key)\" appears twice in one object (again at byte \(offset + 1))",
      hint: "keep one of the two values: GovTag will not guess which one was meant")
  }

  /// The error for an escaped surrogate that is not half of a pair.
  static func loneSurrogate(_ unit: UInt32, at offset: Int) -> SyntaxError {
    let hex = String(unit, radix: 16)
    return SyntaxError(
      offset: offset, reason: "the escape \\u\(hex) at byte \(offset + 1) is a lone surrogate, not a character",
      hint: "write a character beyond U+FFFF as a surrogate pair (\\ud83d\\ude00) or as UTF-8, or remove the escape")
  }

  private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// Whether `byte` is JSON's white space (space, tab, line feed, carriage return).
  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private mutating func skipWhitespace() {
    while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
  }

  private mutating func parseValue() throws -> JSONValue {
    guard index < bytes.count else { throw SyntaxError(offset: index) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try parseNumber()
    }
  }

  private mutating func literal(_ word: StaticString, _ value: JSONValue) throws -> JSONValue {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw SyntaxError(offset: index) }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw SyntaxError(offset: index + offset)
    }
    index += count
    return value
  }

  private mutating func parseObject() throws -> JSONValue {
    depth += 1
    guard depth <= JSONValue.maximumDepth else { throw Self.tooDeep(at: index) }
    defer { depth -= 1 }
    index += 1
    var fields: [String: JSONValue] = [:]
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(fields)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw SyntaxError(offset: index) }
      let keyOffset = index
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw SyntaxError(offset: index) }
      index += 1
      skipWhitespace()
      guard fields.updateValue(try parseValue(), forKey: key) == nil else { throw Self.duplicateKey(key, at: keyOffset) }
      skipWhitespace()
      guard index < bytes.count else { throw SyntaxError(offset: index) }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(fields)
      } else {
        throw SyntaxError(offset: index)
      }
    }
  }

  private mutating func parseArray() throws -> JSONValue {
    depth += 1
    guard depth <= JSONValue.maximumDepth else { throw Self.tooDeep(at: index) }
    defer { depth -= 1 }
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      if depth == 1, let limit = topLevelLimit, elements.count == limit { throw TooManyElements(limit: limit) }
      elements.append(try parseValue())
      skipWhitespace()
      guard index < bytes.count else { throw SyntaxError(offset: index) }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
      } else if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(elements)
      } else {
        throw SyntaxError(offset: index)
      }
    }
  }

  private mutating func parseString() throws -> String {
    index += 1  // the opening quote
    let start = index
    // The bytes unescaped so far, once there is an escape (most strings have none and become a
    // String straight from the input).
    var decoded: [UInt8] = []
    var escaped = false
    let base = UnsafeRawPointer(bytes.baseAddress)
    while true {
      // A run without escapes: eight bytes at a time while none of them is a quote, a backslash
      // or a control character (the writer's escaping test), then byte by byte.
      let runStart = index
      if let base {
        while index + 8 <= bytes.count
          && !JSONWriter.wordNeedsEscape(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        {
          index += 8
        }
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
        index += 1
      }
      guard index < bytes.count else { throw SyntaxError(offset: index) }
      let byte = bytes[index]
      guard byte >= 0x20 else { throw SyntaxError(offset: index) }
      if byte == UInt8(ascii: "\"") {
        defer { index += 1 }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard escaped else {
          guard let string = String(validating: raw, as: UTF8.self) else { throw Self.invalidUTF8(in: raw, from: start) }
          return string
        }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        // Escapes decode to valid UTF-8, so the text is valid when its raw bytes are.
        guard let string = String(validating: decoded, as: UTF8.self) else { throw Self.invalidUTF8(in: raw, from: start) }
        return string
      }
      // A backslash: keep the run, then decode the escape.
      escaped = true
      decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      index += 1
      guard index < bytes.count else { throw SyntaxError(offset: index) }
      let escape = bytes[index]
      index += 1
      if let byte = Self.unescaped(escape) {
        decoded.append(byte)
        continue
      }
      switch escape {
      case UInt8(ascii: "u"):
        let escapeOffset = index - 2
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          // Only a high surrogate followed by a low one spells a character.
          guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            throw Self.loneSurrogate(scalar, at: escapeOffset)
          }
          index += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw Self.loneSurrogate(scalar, at: escapeOffset) }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
          throw Self.loneSurrogate(scalar, at: escapeOffset)
        }
        guard let character = Unicode.Scalar(scalar) else { throw SyntaxError(offset: escapeOffset) }
        decoded.append(contentsOf: String(Character(character)).utf8)
      default: throw SyntaxError(offset: index - 1)
      }
    }
  }

  /// The error for a string whose bytes are not UTF-8. Strings are checked as they become
  /// `String`s, so a caller needs no pass of its own over the input: once it parses, every
  /// byte of it is valid (outside strings JSON allows only ASCII).
  private static func invalidUTF8(in raw: UnsafeBufferPointer<UInt8>, from start: Int) -> SyntaxError {
    let offset = start + (UTF8Text.firstInvalidOffset(in: raw) ?? 0)
    return SyntaxError(
      offset: offset, reason: "invalid UTF-8 at byte \(offset + 1)",
      hint: "convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)")
  }

  /// The byte a one-character escape stands for (`n` of `\n` → 0x0A; `"`, `\` and `/` stand for
  /// themselves), or `nil` for `u` and for anything JSON does not allow after a backslash.
  @inline(__always)
  static func unescaped(_ escape: UInt8) -> UInt8? {
    switch escape {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escape
    case UInt8(ascii: "b"): 0x08
    case UInt8(ascii: "f"): 0x0C
    case UInt8(ascii: "n"): 0x0A
    case UInt8(ascii: "r"): 0x0D
    case UInt8(ascii: "t"): 0x09
    default: nil
    }
  }

  private mutating func hex4() throws -> UInt32 {
    guard index + 4 <= bytes.count else { throw SyntaxError(offset: index) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw SyntaxError(offset: index)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws -> JSONValue {
    let start = index
    var isInteger = true
    if index < bytes.count && bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
      throw SyntaxError(offset: index)
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      let digits = index
      while index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      guard index > digits else { throw SyntaxError(offset: index) }
    }
    if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
      isInteger = false
      index += 1
      if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
      let digits = index
      while index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      guard index > digits else { throw SyntaxError(offset: index) }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    return JSONValue.number(text: text, isInteger: isInteger)
  }
}

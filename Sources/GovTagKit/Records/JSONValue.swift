/// Any JSON value, as read from an input record and written back unchanged.
///
/// Input records carry fields GovTag does not know (year, source, gold labels…); they are kept
/// in the output exactly as values, with integers kept apart from floating-point numbers so
/// that `2023` is not written back as `2023.0`, and a number that neither can hold exactly kept
/// as its text (see ``numberText(_:)``).
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  /// A number kept as written because `integer` and `number` cannot give its text back: an
  /// integer beyond 64 bits, `1e400`, `1E5`, `2.50`, `-0`. The text must be a JSON number.
  case numberText(String)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The name of the value's JSON type, for error messages: "a string", "a number"…
  public var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .integer, .number, .numberText: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }

  /// The string, if this is a string.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The object's fields, if this is an object.
  public var objectValue: [String: JSONValue]? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// The deepest nesting of arrays and objects that GovTag reads and writes: the JSON readers
  /// refuse a record nested deeper (an error record, not a crash), and ``JSONWriter`` can then
  /// write back every record they accept.
  public static let maximumDepth = 64

  /// The value of a JSON number's text (already checked to be one): `.integer` when the text is
  /// an integer that fits 64 bits, `.number` when a `Double` prints back as the same text, and
  /// `.numberText` otherwise, so that every number is written back exactly as it was read.
  ///
  /// - Parameters:
  ///   - text: the number as written.
  ///   - isInteger: whether it has neither fraction nor exponent.
  /// - Returns: the value.
  static func number(text: String, isInteger: Bool) -> JSONValue {
    // JSON forbids leading zeros, so "-0" is the only integer that does not print back as written.
    if isInteger, text != "-0", let integer = Int64(text) { return .integer(integer) }
    if !isInteger, let number = Double(text), number.isFinite, String(number) == text { return .number(number) }
    return .numberText(text)
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }
}

extension JSONValue: Decodable {
  /// Decodes any JSON value, integers kept apart from floating-point numbers.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([String: JSONValue].self) {
      self = .object(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int64.self) {
      self = .integer(value)
    } else {
      self = .number(try container.decode(Double.self))
    }
  }
}

/// The id of a dimension, as written in `docs/TAXONOMY.md` and the lexicon files: `capability`,
/// `data_element`, `traits`, `innovation`, `technology`.
///
/// The taxonomy fixes the dimensions (the lexicon loader refuses others). A string-backed struct
/// rather than an enum so that a dimension added to the taxonomy in a later release does not
/// break a client's exhaustive `switch`; typed so that a dimension id and a category id cannot
/// be swapped.
/// Encodes as a plain string, and as a plain key when it keys a dictionary.
public struct DimensionID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The id as written in the lexicons.
  public var rawValue: String

  /// Wraps an id.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Wraps an id.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Wraps an id written as a literal: `let dimension: DimensionID = "capability"`.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Decodes a plain string.
  public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
  /// A dictionary key that is the id itself.
  public init?<Key: CodingKey>(codingKey: Key) { rawValue = codingKey.stringValue }

  /// Encodes a plain string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  /// The id as a dictionary key.
  public var codingKey: any CodingKey { TaxonomyCodingKey(stringValue: rawValue) }
  /// The id.
  public var description: String { rawValue }
  /// Orders by id, so that output in id order is deterministic.
  public static func < (lhs: DimensionID, rhs: DimensionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id of a category within its dimension, as written in the lexicons: `public_service`,
/// `data_sharing`... See ``DimensionID`` for why it is a struct.
public struct CategoryID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The id as written in the lexicons.
  public var rawValue: String

  /// Wraps an id.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Wraps an id.
  public init(_ rawValue: String) { self.rawValue = rawValue }
  /// Wraps an id written as a literal: `let category: CategoryID = "public_service"`.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Decodes a plain string.
  public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
  /// A dictionary key that is the id itself.
  public init?<Key: CodingKey>(codingKey: Key) { rawValue = codingKey.stringValue }

  /// Encodes a plain string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
  /// The id as a dictionary key.
  public var codingKey: any CodingKey { TaxonomyCodingKey(stringValue: rawValue) }
  /// The id.
  public var description: String { rawValue }
  /// Orders by id, so that output in id order is deterministic.
  public static func < (lhs: CategoryID, rhs: CategoryID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A dictionary key spelled as a taxonomy id.
struct TaxonomyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// `JSONWriter` for the packages beside this one: the benchmark's result line and the fuzz
/// targets' write-back of a decoded record.
///
/// Not API: `@_spi(Benchmarking)` and `@_spi(Fuzzing)` (CONTRIBUTING.md). It forwards to
/// `JSONWriter`, which stays `package` because the server, the CLI and the tests use it and an
/// SPI declaration would be hidden from them.
@_spi(Benchmarking) @_spi(Fuzzing) public struct SPIJSONWriter {
  private var writer = JSONWriter()

  /// Creates an empty writer.
  public init() {}

  /// The bytes written so far.
  public var bytes: [UInt8] { writer.bytes }

  /// Opens an object.
  public mutating func beginObject() { writer.beginObject() }

  /// Closes the innermost object.
  public mutating func endObject() { writer.endObject() }

  /// Writes an object key.
  public mutating func key(_ key: String) { writer.key(key) }

  /// Writes a string.
  public mutating func string(_ value: String) { writer.string(value) }

  /// Writes an integer.
  public mutating func integer(_ value: Int) { writer.integer(value) }

  /// Writes a number; NaN and infinities become `null`.
  public mutating func number(_ value: Double) { writer.number(value) }

  /// Writes any JSON value, object keys sorted.
  public mutating func value(_ value: JSONValue) { writer.value(value) }
}

/// A 64-bit FNV-1a hash, written out as 16 hex digits.
///
/// Used for content versions (the lexicon version, the hash of a record's text) that must be
/// identical across runs, processes and machines, which `Hasher` is not (it is seeded per
/// process). It detects change; it is not a defence against someone forging a collision, which
/// nothing here needs, so it avoids a cryptography dependency.
package struct StableHash: Sendable {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Creates an empty hash.
  package init() {}

  /// Mixes bytes into the hash.
  package mutating func combine(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      state ^= UInt64(byte)
      state = state &* 0x0000_0100_0000_01b3
    }
  }

  /// Mixes the bytes of a buffer: the same hash as the generic `combine(_:)`,
  /// without a generic call per byte (one pass over an input's bytes, for the resume check).
  package mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
    var state = self.state
    for byte in bytes {
      state ^= UInt64(byte)
      state = state &* 0x0000_0100_0000_01b3
    }
    self.state = state
  }

  /// Mixes a string's UTF-8 bytes, followed by a separator byte so that ("ab","c") ≠ ("a","bc").
  package mutating func combine(_ string: String) {
    var string = string
    string.withUTF8 { combine($0) }
    combine(CollectionOfOne(0xFF))
  }

  /// The hash as a number.
  package var value: UInt64 { state }

  /// The hash as 16 lower-case hex digits.
  package var hexDigest: String {
    let digits = String(state, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The hash of one byte sequence.
  package static func hex(of bytes: some Sequence<UInt8>) -> String {
    var hash = StableHash()
    hash.combine(bytes)
    return hash.hexDigest
  }
}

/// SplitMix64: a tiny pseudo-random generator whose sequence is fixed by its seed on every
/// machine and Swift version (unlike `SystemRandomNumberGenerator`, or `shuffle(using:)`, whose
/// algorithm the standard library may change), for reproducible cross-validation folds.
struct SeededGenerator {
  private var state: UInt64

  /// Creates a generator.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// `0..<count` in a random order (Fisher–Yates, written out so the order never changes).
  mutating func permutation(_ count: Int) -> [Int] {
    var items = Array(0..<count)
    guard count > 1 else { return items }
    for index in stride(from: count - 1, to: 0, by: -1) {
      let other = Int(next() % UInt64(index + 1))
      items.swapAt(index, other)
    }
    return items
  }
}

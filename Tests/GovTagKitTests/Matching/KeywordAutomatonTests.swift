import Testing

@testable import GovTagKit

@Suite("Keyword automaton")
struct KeywordAutomatonTests {
  /// All matches as (start, end, pattern text), sorted.
  func matches(_ patterns: [String], in text: String) -> [String] {
    var builder = KeywordAutomaton.Builder()
    for pattern in patterns { builder.add(Array(pattern.utf8)) }
    let automaton = builder.build()
    let bytes = Array(text.utf8)
    var found: [String] = []
    bytes.withUnsafeBufferPointer { buffer in
      automaton.forEachMatch(in: buffer) { start, end, pattern in
        found.append("\(start)-\(end):\(patterns[pattern])")
      }
    }
    return found.sorted()
  }

  @Test("finds overlapping and nested patterns")
  func overlappingAndNested() {
    // he, she, his, hers: the classic Aho–Corasick example.
    #expect(matches(["he", "she", "his", "hers"], in: "ushers") == ["1-4:she", "2-4:he", "2-6:hers"])
    #expect(matches(["一网通办", "通办", "一网"], in: "一网通办") == ["0-12:一网通办", "0-6:一网", "6-12:通办"])
    #expect(matches(["数据", "数据共享", "共享"], in: "数据共享数据") == ["0-12:数据共享", "0-6:数据", "12-18:数据", "6-12:共享"])
  }

  @Test("the same pattern added twice has one id")
  func duplicatePatterns() {
    var builder = KeywordAutomaton.Builder()
    let first = builder.add(Array("政务".utf8))
    let second = builder.add(Array("政务".utf8))
    #expect(first == second)
    #expect(builder.build().patternCount == 1)
  }

  /// Random lexicons over `alphabet` (patterns of 1...`longest` characters) searched in random
  /// texts of up to `textLength` characters, against the naive search.
  func expectNaiveAgreement(alphabet: String, seed: UInt64, rounds: Int, longest: Int, textLength: Int) {
    var random = SplitMix64(seed: seed)
    let characters = Array(alphabet)
    func randomString(_ length: ClosedRange<Int>) -> String {
      String((0..<Int.random(in: length, using: &random)).map { _ in characters.randomElement(using: &random)! })
    }
    for _ in 0..<rounds {
      let patterns = Array(Set((0..<Int.random(in: 1...12, using: &random)).map { _ in randomString(1...longest) }))
      let text = randomString(0...textLength)
      #expect(matches(patterns, in: text) == naiveMatches(patterns, in: text), "\(patterns) in \(text)")
    }
  }

  @Test("matches the naive search on random lexicons and texts")
  func agreesWithNaiveSearch() {
    expectNaiveAgreement(alphabet: "数据共享政务服务一网通办中国管理", seed: 42, rounds: 200, longest: 4, textLength: 60)
  }

  @Test("matches the naive search with ASCII, mixed widths, one-character patterns and text ends")
  func agreesWithNaiveSearchOnMixedText() {
    // One-, two-, three- and four-byte characters, so filter keys have every length.
    expectNaiveAgreement(alphabet: "aAI5G数据共享é𠀀😀，。", seed: 7, rounds: 300, longest: 3, textLength: 40)
  }

  @Test("reports matches by end offset, longest first")
  func reportsInEndOrder() {
    var builder = KeywordAutomaton.Builder()
    for pattern in ["数据共享", "共享", "数据", "享"] { builder.add(Array(pattern.utf8)) }
    let automaton = builder.build()
    var order: [(Int, Int)] = []
    Array("数据共享".utf8).withUnsafeBufferPointer { buffer in
      automaton.forEachMatch(in: buffer) { start, end, _ in order.append((start, end)) }
    }
    #expect(order.map { "\($0.0)-\($0.1)" } == ["0-6", "0-12", "6-12", "9-12"])
  }

  func naiveMatches(_ patterns: [String], in text: String) -> [String] {
    let bytes = Array(text.utf8)
    var found: [String] = []
    for pattern in patterns {
      let needle = Array(pattern.utf8)
      guard needle.count <= bytes.count else { continue }
      for start in 0...(bytes.count - needle.count) where Array(bytes[start..<start + needle.count]) == needle {
        found.append("\(start)-\(start + needle.count):\(pattern)")
      }
    }
    return found.sorted()
  }
}

/// A small seeded generator, so the random test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

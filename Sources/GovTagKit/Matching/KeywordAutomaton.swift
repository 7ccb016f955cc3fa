/// Finds every occurrence of a set of byte patterns (the UTF-8 of lexicon terms, place names or
/// scope cues) in a text's UTF-8 bytes.
///
/// Built once per run by ``KeywordAutomaton/Builder`` and shared read-only by every worker (a
/// value of flat arrays, so `Sendable` for free).
///
/// **Why not plain Aho–Corasick.** A full Aho–Corasick DFA reads one table entry per byte, each
/// depending on the last, and for a thousand Chinese terms the table (states × byte classes)
/// is about 2 MB: most bytes missed the CPU caches, and the scan cost more than anything else
/// GovTag does. Instead, each position where a character starts is first checked against a
/// small bit set (8 KB, always in cache) of hashed *two-character prefixes* of the patterns
/// (and of the one-character patterns). Only positions that pass, about one in seven in
/// case write-ups, walk the pattern trie from there. The checks of different positions do not
/// depend on each other, so the CPU overlaps them; the trie is walked only where a pattern may
/// start. The trie is a double-array trie (Aoe 1989): each step is one 8-byte load from an
/// array of about 10 bytes per state, a tenth of the dense table's size.
///
/// Matching is on bytes, so patterns and text should be valid UTF-8 (GovTag validates its input):
/// a match then always starts and ends on character boundaries.
public struct KeywordAutomaton: Sendable {
  /// Byte → equivalence class (1...): only bytes that occur in some pattern get one; all
  /// others are 0, which never continues a pattern.
  @usableFromInline let byteClass: [UInt16]
  /// The trie as a double array: the child of the state in slot `s` on class `c` is slot
  /// `t = base(s) + c` if `slots[t].check == s`. `slots[t].base` holds `base(t) << 1`, plus 1
  /// when a pattern ends in `t` (its id is then `output[t]`). Slot 0 is the root; the array is
  /// padded so `t` never runs past its end.
  @usableFromInline let slots: [Slot]
  /// The pattern that ends in a slot, or -1.
  @usableFromInline let output: [Int32]
  /// Each pattern's length in bytes.
  @usableFromInline let patternLengths: [Int32]
  /// The number of trie states.
  let states: Int

  /// One slot of the double array.
  @usableFromInline struct Slot: Sendable {
    /// The parent's slot, or -1 for a free slot and the root.
    @usableFromInline var check: Int32
    /// The state's base, shifted left, with the end-of-pattern bit.
    @usableFromInline var base: Int32
  }
  /// Bit set over hashed keys: the first two characters of every pattern of two or more
  /// characters, and (with ``singleSalt``) the character of every one-character pattern.
  @usableFromInline let prefixFilter: [UInt64]
  /// Whether some pattern is one character long (so positions need the second check).
  @usableFromInline let hasSingleCharacterPatterns: Bool

  /// log2 of the filter's size in bits: 2^16 bits = 8 KB, a few percent full for GovTag's
  /// lexicons, so false positives are rare.
  @usableFromInline static let filterBits = 16
  @usableFromInline static let singleSalt: UInt64 = 0x5bd1_e995_5bd1_e995

  /// The number of distinct patterns.
  public var patternCount: Int { patternLengths.count }

  /// The number of states, a measure of the automaton's size.
  public var stateCount: Int { states }

  /// Calls `body(start, end, pattern)` for every occurrence of every pattern in `bytes`,
  /// overlapping and nested ones included, ordered by end offset (then longest first).
  ///
  /// - Complexity: O(n × the longest pattern) for n bytes; O(n) on text where few positions
  ///   start a pattern's first two characters.
  @inlinable
  public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) throws -> Void) rethrows {
    var matches: [(start: Int, end: Int, pattern: Int)] = []
    collect(bytes, into: &matches)
    // The walks find matches by start; callers get them in end order, longest first.
    if matches.count > 1 { matches.sort { ($0.end, $0.start) < ($1.end, $1.start) } }
    for match in matches { try body(match.start, match.end, match.pattern) }
  }

  /// The number of bytes of the UTF-8 sequence that `lead` starts (1 for ASCII and for bytes
  /// that start no sequence, so the scan always advances).
  @inlinable @inline(__always)
  static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The filter bit of `key`, the first `length` bytes (1...8) of a word read at a position.
  @inlinable @inline(__always)
  static func filterSlot(_ word: UInt64, length: Int, salt: UInt64 = 0) -> Int {
    let key = length >= 8 ? word : word & ((1 << UInt64(length * 8)) &- 1)
    return Int(truncatingIfNeeded: ((key ^ salt) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - filterBits))
  }

  /// Reads up to eight bytes at `index` as a little-endian word (missing bytes are zero).
  @inlinable @inline(__always)
  static func word(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    if index + 8 <= bytes.count {
      return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }
    var word: UInt64 = 0
    for offset in 0..<(bytes.count - index) { word |= UInt64(bytes[index + offset]) << UInt64(offset * 8) }
    return word
  }

  /// Finds the candidate positions and walks the trie from each.
  @inlinable
  func collect(_ bytes: UnsafeBufferPointer<UInt8>, into matches: inout [(start: Int, end: Int, pattern: Int)]) {
    byteClass.withUnsafeBufferPointer { byteClass in
      slots.withUnsafeBufferPointer { slots in
        output.withUnsafeBufferPointer { output in
          prefixFilter.withUnsafeBufferPointer { filter in
            let count = bytes.count
            let rootBase = Int(slots[0].base >> 1)
            var index = 0
            while index < count {
              let first = Self.sequenceLength(bytes[index])
              let word = Self.word(at: index, in: bytes)
              var candidate = false
              if index + first < count {
                let length = first + Self.sequenceLength(bytes[index + first])
                let slot = Self.filterSlot(word, length: min(length, count - index))
                candidate = filter[slot >> 6] & (1 << UInt64(slot & 63)) != 0
              }
              if !candidate && hasSingleCharacterPatterns {
                let slot = Self.filterSlot(word, length: min(first, count - index), salt: Self.singleSalt)
                candidate = filter[slot >> 6] & (1 << UInt64(slot & 63)) != 0
              }
              if candidate {
                // Walk the trie along the text from here; every state reached that ends a
                // pattern is a match starting here.
                var state: Int32 = 0
                var base = rootBase
                var end = index
                while end < count {
                  let klass = Int(byteClass[Int(bytes[end])])
                  if klass == 0 { break }
                  let next = base &+ klass
                  let slot = slots[next]
                  if slot.check != state { break }
                  end += 1
                  if slot.base & 1 != 0 { matches.append((index, end, Int(output[next]))) }
                  state = Int32(truncatingIfNeeded: next)
                  base = Int(slot.base >> 1)
                }
              }
              index += first
            }
          }
        }
      }
    }
  }
}

// MARK: - Building

extension KeywordAutomaton {
  /// Collects patterns, then freezes them into a ``KeywordAutomaton``.
  public struct Builder {
    /// Trie edges while building; frozen into the dense table by `build()`.
    private var children: [[UInt8: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]
    private var lengths: [Int32] = []
    /// Each pattern's filter key bytes: its first two characters, or its only one.
    private var keys: [(bytes: [UInt8], single: Bool)] = []

    /// Creates an empty builder.
    public init() {}

    /// Adds a pattern and returns its id; adding the same bytes again returns the same id.
    ///
    /// - Precondition: `pattern` is not empty.
    @discardableResult
    public mutating func add(_ pattern: some Collection<UInt8>) -> Int {
      precondition(!pattern.isEmpty, "patterns must not be empty")
      var state = 0
      for byte in pattern {
        if let next = children[state][byte] {
          state = Int(next)
        } else {
          children.append([:])
          terminal.append(-1)
          let next = Int32(children.count - 1)
          children[state][byte] = next
          state = Int(next)
        }
      }
      if terminal[state] < 0 {
        terminal[state] = Int32(lengths.count)
        lengths.append(Int32(pattern.count))
        let bytes = Array(pattern)
        let first = KeywordAutomaton.sequenceLength(bytes[0])
        if first >= bytes.count {
          keys.append((bytes, true))
        } else {
          let length = first + KeywordAutomaton.sequenceLength(bytes[first])
          keys.append((Array(bytes.prefix(length)), false))
        }
      }
      return Int(terminal[state])
    }

    /// Freezes the patterns into an automaton.
    ///
    /// - Complexity: about O(states × children) for the first-fit placement of the double array.
    public func build() -> KeywordAutomaton {
      // Byte classes: one per byte value used by some pattern, 0 for the rest.
      var byteClass = [UInt16](repeating: 0, count: 256)
      var classCount = 1
      for edges in children {
        for byte in edges.keys.sorted() where byteClass[Int(byte)] == 0 {
          byteClass[Int(byte)] = UInt16(classCount)
          classCount += 1
        }
      }
      // Place the states breadth-first (children in byte order, so the layout is the same on
      // every run), each state's children at the first base where all their slots are free.
      var check: [Int32] = [-1]
      var base: [Int32] = [0]
      var output: [Int32] = [terminal[0]]
      var free: [Bool] = [false]
      var firstFree = 1
      func grow(to size: Int) {
        while check.count < size {
          check.append(-1)
          base.append(0)
          output.append(-1)
          free.append(true)
        }
      }
      var queue: [(state: Int, slot: Int)] = [(0, 0)]
      var head = 0
      while head < queue.count {
        let (state, slot) = queue[head]
        head += 1
        let edges = children[state].keys.sorted().map { (byte: $0, klass: Int(byteClass[Int($0)])) }
        guard let lowest = edges.map(\.klass).min() else { continue }
        while firstFree < free.count && !free[firstFree] { firstFree += 1 }
        var candidate = max(firstFree - lowest, 0)
        while true {
          grow(to: candidate + classCount + 1)
          if edges.allSatisfy({ free[candidate + $0.klass] }) { break }
          candidate += 1
        }
        base[slot] = Int32(candidate)
        for edge in edges {
          let child = Int(children[state][edge.byte]!)
          let childSlot = candidate + edge.klass
          free[childSlot] = false
          check[childSlot] = Int32(slot)
          output[childSlot] = terminal[child]
          queue.append((child, childSlot))
        }
      }
      grow(to: check.count + classCount + 1)  // so that base + class never runs past the end
      let slots = check.indices.map { index in
        Slot(check: check[index], base: base[index] << 1 | (output[index] >= 0 && index > 0 ? 1 : 0))
      }
      var filter = [UInt64](repeating: 0, count: (1 << KeywordAutomaton.filterBits) / 64)
      for key in keys {
        var word: UInt64 = 0
        for (offset, byte) in key.bytes.enumerated() { word |= UInt64(byte) << UInt64(offset * 8) }
        let slot = KeywordAutomaton.filterSlot(
          word, length: key.bytes.count, salt: key.single ? KeywordAutomaton.singleSalt : 0)
        filter[slot >> 6] |= 1 << UInt64(slot & 63)
      }
      return KeywordAutomaton(
        byteClass: byteClass, slots: slots, output: output, patternLengths: lengths, states: children.count,
        prefixFilter: filter, hasSingleCharacterPatterns: keys.contains { $0.single })
    }
  }
}

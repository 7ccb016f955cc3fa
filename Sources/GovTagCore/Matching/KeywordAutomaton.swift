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
/// start, and from a hash table of those prefixes a walk starts two characters deep. The trie is
/// a double-array trie (Aoe 1989): each step is one 8-byte load, and a state takes about
/// 12 bytes instead of the dense table's 200.
///
/// Matching is on bytes, and the scan steps from character to character, so patterns and text
/// must be valid UTF-8 (GovTag validates its input): a match then always starts and ends on
/// character boundaries. In invalid text, a pattern right after a truncated sequence is missed.
package struct KeywordAutomaton: Sendable {
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
  /// Open-addressing hash table from every two-character prefix to the trie state it leads
  /// to, so a walk that passes the filter starts two characters deep (six dependent loads
  /// saved, most of a walk's cost). Empty entries have `length` 0.
  @usableFromInline let prefixStates: [PrefixState]
  /// `prefixStates.count - 1` (the count is a power of two).
  @usableFromInline let prefixMask: Int

  /// One entry of ``prefixStates``.
  @usableFromInline struct PrefixState: Sendable {
    /// The prefix's bytes as a little-endian word.
    @usableFromInline var key: UInt64
    /// The prefix's length in bytes, 0 for an empty entry.
    @usableFromInline var length: Int32
    /// The slot of the state the prefix leads to.
    @usableFromInline var slot: Int32
  }

  /// log2 of the filter's size in bits: 2^16 bits = 8 KB, a few percent full for GovTag's
  /// lexicons, so false positives are rare.
  @usableFromInline static let filterBits = 16
  @usableFromInline static let singleSalt: UInt64 = 0x5bd1_e995_5bd1_e995

  /// The number of distinct patterns.
  package var patternCount: Int { patternLengths.count }

  /// The number of states, a measure of the automaton's size.
  package var stateCount: Int { states }

  /// Calls `body(start, end, pattern)` for every occurrence of every pattern in `bytes`,
  /// overlapping and nested ones included, ordered by end offset (then longest first).
  ///
  /// - Complexity: O(n × the longest pattern) for n bytes; O(n) on text where few positions
  ///   start a pattern's first two characters.
  @inlinable
  package func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) throws -> Void) rethrows {
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

  /// The first `length` bytes (1...8) of a word read at a position.
  @inlinable @inline(__always)
  static func key(_ word: UInt64, length: Int) -> UInt64 {
    word & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- length &* 8))
  }

  /// The hash of a key; the filter uses its top ``filterBits`` bits, the prefix table its top
  /// bits as far as its size needs.
  @inlinable @inline(__always)
  static func hash(_ key: UInt64, salt: UInt64 = 0) -> UInt64 { (key ^ salt) &* 0x9E37_79B9_7F4A_7C15 }

  /// The filter bit of a hash.
  @inlinable @inline(__always)
  static func filterSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - filterBits)) }

  /// Reads up to eight bytes at `index` as a little-endian word (missing bytes are zero).
  @inlinable @inline(__always)
  static func word(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    if index &+ 8 <= bytes.count {
      return UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self))
    }
    var word: UInt64 = 0
    for offset in 0..<(bytes.count &- index) { word |= UInt64(bytes[index &+ offset]) &<< UInt64(offset &* 8) }
    return word
  }

  /// Finds the candidate positions and walks the trie from each.
  ///
  /// The scan visits every character of every text GovTag reads, so its arithmetic wraps
  /// (`&+`: offsets never come near `Int.max`) and reads go through the buffers' base
  /// addresses, which leaves about half the instructions per position of checked code.
  @inlinable
  func collect(_ bytes: UnsafeBufferPointer<UInt8>, into matches: inout [(start: Int, end: Int, pattern: Int)]) {
    guard let text = bytes.baseAddress, !bytes.isEmpty else { return }
    let count = bytes.count
    let hasSingles = hasSingleCharacterPatterns
    let prefixMask = prefixMask
    let tableShift = UInt64(64 &- prefixMask.nonzeroBitCount)
    byteClass.withUnsafeBufferPointer { byteClass in
      slots.withUnsafeBufferPointer { slots in
        output.withUnsafeBufferPointer { output in
          prefixFilter.withUnsafeBufferPointer { filter in
            prefixStates.withUnsafeBufferPointer { prefixes in
              guard let byteClass = byteClass.baseAddress, let slots = slots.baseAddress, let output = output.baseAddress,
                let filter = filter.baseAddress, let prefixes = prefixes.baseAddress
              else { return }
              /// Walks the trie along the text from `end`, in `state`, reporting every state
              /// reached that ends a pattern as a match starting at `start`.
              @inline(__always) func walk(from start: Int, at end: Int, state: Int32) {
                var state = state
                var base = Int(slots[Int(state)].base >> 1)
                var end = end
                while end < count {
                  let klass = Int(byteClass[Int(text[end])])
                  if klass == 0 { break }
                  let next = base &+ klass
                  let slot = slots[next]
                  if slot.check != state { break }
                  end &+= 1
                  if slot.base & 1 != 0 { matches.append((start, end, Int(output[next]))) }
                  state = Int32(truncatingIfNeeded: next)
                  base = Int(slot.base >> 1)
                }
              }
              /// Whether the filter has the bit of `hash`.
              @inline(__always) func inFilter(_ hash: UInt64) -> Bool {
                let bit = Self.filterSlot(hash)
                return filter[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
              }
              var index = 0
              while index < count {
                let first = Self.sequenceLength(text[index])
                let word = Self.word(at: index, in: bytes)
                // Past the text's end `word` holds zeros, so a truncated character's key needs
                // no shorter mask.
                if hasSingles && inFilter(Self.hash(Self.key(word, length: first), salt: Self.singleSalt)) {
                  walk(from: index, at: index, state: 0)
                  index &+= first
                  continue
                }
                let second = index &+ first
                if second < count {
                  let length = first &+ Self.sequenceLength(text[second])
                  if index &+ length <= count {
                    let key = Self.key(word, length: length)
                    let hash = Self.hash(key)
                    if inFilter(hash) {
                      var probe = Int(truncatingIfNeeded: hash &>> tableShift)
                      while prefixes[probe].length != 0 {
                        let entry = prefixes[probe]
                        if entry.key == key && Int(entry.length) == length {
                          let slot = Int(entry.slot)
                          if slots[slot].base & 1 != 0 { matches.append((index, index &+ length, Int(output[slot]))) }
                          walk(from: index, at: index &+ length, state: entry.slot)
                          break
                        }
                        probe = (probe &+ 1) & prefixMask
                      }
                    }
                  }
                }
                index = second
              }
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
  package struct Builder {
    /// Trie edges while building; frozen into the dense table by `build()`.
    private var children: [[UInt8: Int32]] = [[:]]
    private var terminal: [Int32] = [-1]
    private var lengths: [Int32] = []
    /// Each pattern's filter key bytes: its first two characters, or its only one.
    private var keys: [(bytes: [UInt8], single: Bool)] = []

    /// Creates an empty builder.
    package init() {}

    /// Adds a pattern and returns its id; adding the same bytes again returns the same id.
    ///
    /// - Precondition: `pattern` is not empty.
    @discardableResult
    package mutating func add(_ pattern: some Collection<UInt8>) -> Int {
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
    package func build() -> KeywordAutomaton {
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
      let prefixCount = keys.filter { !$0.single }.count
      var tableSize = 16
      while tableSize < prefixCount * 2 { tableSize *= 2 }
      var prefixStates = [PrefixState](repeating: PrefixState(key: 0, length: 0, slot: 0), count: tableSize)
      let tableShift = UInt64(64 - (tableSize - 1).nonzeroBitCount)
      for key in keys {
        var word: UInt64 = 0
        for (offset, byte) in key.bytes.enumerated() { word |= UInt64(byte) << UInt64(offset * 8) }
        let hash = KeywordAutomaton.hash(word, salt: key.single ? KeywordAutomaton.singleSalt : 0)
        let bit = KeywordAutomaton.filterSlot(hash)
        filter[bit >> 6] |= 1 << UInt64(bit & 63)
        guard !key.single else { continue }
        // The state the prefix leads to, by walking the double array from the root.
        var state = 0
        for byte in key.bytes {
          let next = Int(base[state]) + Int(byteClass[Int(byte)])
          precondition(check[next] == Int32(state), "a pattern's prefix must be in the trie")
          state = next
        }
        var probe = Int(truncatingIfNeeded: hash >> tableShift)
        while prefixStates[probe].length != 0
          && !(prefixStates[probe].key == word && Int(prefixStates[probe].length) == key.bytes.count)
        {
          probe = (probe + 1) & (tableSize - 1)
        }
        prefixStates[probe] = PrefixState(key: word, length: Int32(key.bytes.count), slot: Int32(state))
      }
      return KeywordAutomaton(
        byteClass: byteClass, slots: slots, output: output, patternLengths: lengths, states: children.count,
        prefixFilter: filter, hasSingleCharacterPatterns: keys.contains { $0.single }, prefixStates: prefixStates,
        prefixMask: tableSize - 1)
    }
  }
}

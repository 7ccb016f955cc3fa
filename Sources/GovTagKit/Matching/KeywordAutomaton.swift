/// A frozen Aho–Corasick automaton that finds every occurrence of a set of byte patterns in one
/// pass over a text's UTF-8 bytes.
///
/// Built once per run by ``KeywordAutomaton/Builder`` and shared read-only by every worker
/// (it is a value of flat arrays, so `Sendable` for free). The automaton is a full DFA: each
/// byte costs one table load, with no failure-link walking at search time. To keep the table
/// small, bytes are mapped to equivalence classes first: only bytes that occur in some pattern
/// get a class of their own, all others share class 0, which always leads back to the root.
///
/// Because patterns and text are both valid UTF-8, a byte-level match always starts and ends on
/// scalar boundaries (UTF-8 is self-synchronising), so no match splits a character.
public struct KeywordAutomaton: Sendable {
  /// Byte → equivalence class.
  @usableFromInline let byteClass: [UInt16]
  /// Number of classes, the width of one row of `transitions`.
  @usableFromInline let classCount: Int
  /// `transitions[state * classCount + class]` is the next state, as 16-bit numbers when the
  /// automaton has fewer than 32,768 states (halving the table keeps more of it in cache, which
  /// is what the scan's speed depends on), else as 32-bit numbers in `wideTransitions`. The
  /// entry's top bit (``narrowMatchFlag`` or ``wideMatchFlag``) says that some pattern ends in
  /// the next state, so the scan reads `output` only where there is a match. States are
  /// numbered breadth-first, so the shallow states that most bytes of a text lead to share a
  /// compact block of the table.
  @usableFromInline let transitions: [UInt16]
  @usableFromInline let wideTransitions: [Int32]
  /// The pattern that ends in a state, or -1.
  @usableFromInline let output: [Int32]
  /// The nearest state on the failure chain that has an output, or -1.
  @usableFromInline let outputLink: [Int32]
  /// Each pattern's length in bytes.
  @usableFromInline let patternLengths: [Int32]

  @usableFromInline static let narrowMatchFlag = 0x8000
  @usableFromInline static let wideMatchFlag = 0x4000_0000

  init(
    byteClass: [UInt16], classCount: Int, transitions: [Int32], output: [Int32], outputLink: [Int32],
    patternLengths: [Int32]
  ) {
    self.byteClass = byteClass
    self.classCount = classCount
    let narrow = output.count < Self.narrowMatchFlag
    let flag = narrow ? Self.narrowMatchFlag : Self.wideMatchFlag
    let flagged = transitions.map { next -> Int in
      let state = Int(next)
      return output[state] >= 0 || outputLink[state] >= 0 ? state | flag : state
    }
    if narrow {
      self.transitions = flagged.map { UInt16($0) }
      self.wideTransitions = []
    } else {
      self.transitions = []
      self.wideTransitions = flagged.map { Int32($0) }
    }
    self.output = output
    self.outputLink = outputLink
    self.patternLengths = patternLengths
  }

  /// The number of distinct patterns.
  public var patternCount: Int { patternLengths.count }

  /// The number of states, a measure of the automaton's size.
  public var stateCount: Int { output.count }

  /// Calls `body(start, end, pattern)` for every occurrence of every pattern in `bytes`,
  /// overlapping and nested ones included, ordered by end offset (then longest first).
  ///
  /// - Complexity: O(n + m) for n bytes and m matches.
  @inlinable
  public func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) throws -> Void) rethrows {
    if wideTransitions.isEmpty {
      try transitions.withUnsafeBufferPointer { try scan(bytes, $0, flag: Self.narrowMatchFlag, body) }
    } else {
      try wideTransitions.withUnsafeBufferPointer { try scan(bytes, $0, flag: Self.wideMatchFlag, body) }
    }
  }

  /// The scan, specialised for the table's integer width.
  @inlinable
  func scan<State: FixedWidthInteger>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ transitions: UnsafeBufferPointer<State>, flag: Int,
    _ body: (Int, Int, Int) throws -> Void
  ) rethrows {
    try byteClass.withUnsafeBufferPointer { byteClass in
      try output.withUnsafeBufferPointer { output in
        try outputLink.withUnsafeBufferPointer { outputLink in
          var row = 0
          for index in 0..<bytes.count {
            let entry = Int(transitions[row &+ Int(byteClass[Int(bytes[index])])])
            let state = entry & (flag &- 1)
            row = state &* classCount
            guard entry >= flag else { continue }
            var hit = output[state] >= 0 ? state : Int(outputLink[state])
            while hit >= 0 {
              let pattern = Int(output[hit])
              try body(index + 1 - Int(patternLengths[pattern]), index + 1, pattern)
              hit = Int(outputLink[hit])
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
      }
      return Int(terminal[state])
    }

    /// Freezes the patterns into an automaton.
    ///
    /// - Complexity: O(states × byte classes).
    public func build() -> KeywordAutomaton {
      // Number the states breadth-first (children in byte order, so the numbering is the same
      // on every run): the shallow states, where a scan spends most bytes, end up side by side.
      var order: [Int] = [0]
      order.reserveCapacity(children.count)
      var head = 0
      while head < order.count {
        let state = order[head]
        head += 1
        for byte in children[state].keys.sorted() { order.append(Int(children[state][byte]!)) }
      }
      var renumbered = [Int32](repeating: 0, count: children.count)
      for (new, old) in order.enumerated() { renumbered[old] = Int32(new) }
      let children: [[UInt8: Int32]] = order.map { old in self.children[old].mapValues { renumbered[Int($0)] } }
      let terminal: [Int32] = order.map { self.terminal[$0] }

      // Byte classes: one per byte value used by some pattern, 0 for the rest.
      var byteClass = [UInt16](repeating: 0, count: 256)
      var classCount = 1
      for edges in children {
        for byte in edges.keys.sorted() where byteClass[Int(byte)] == 0 {
          byteClass[Int(byte)] = UInt16(classCount)
          classCount += 1
        }
      }
      let stateCount = children.count
      var transitions = [Int32](repeating: 0, count: stateCount * classCount)
      var fail = [Int32](repeating: 0, count: stateCount)
      var outputLink = [Int32](repeating: -1, count: stateCount)

      // Breadth-first, so a state's failure target is complete before the state is filled in.
      var queue: [Int] = []
      queue.reserveCapacity(stateCount)
      for (byte, child) in children[0] {
        transitions[Int(byteClass[Int(byte)])] = child
        queue.append(Int(child))
      }
      head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        let failState = Int(fail[state])
        let row = state * classCount
        let failRow = failState * classCount
        for klass in 0..<classCount { transitions[row + klass] = transitions[failRow + klass] }
        for (byte, child) in children[state] {
          let klass = Int(byteClass[Int(byte)])
          let childFail = transitions[failRow + klass]
          fail[Int(child)] = childFail
          outputLink[Int(child)] = terminal[Int(childFail)] >= 0 ? childFail : outputLink[Int(childFail)]
          transitions[row + klass] = child
          queue.append(Int(child))
        }
      }
      let automaton = KeywordAutomaton(
        byteClass: byteClass, classCount: classCount, transitions: transitions, output: terminal,
        outputLink: outputLink, patternLengths: lengths)
      #if GOVTAG_INTERNAL_CHECKS
        automaton._checkInvariants(fail: fail, children: children)
      #endif
      return automaton
    }
  }
}

#if GOVTAG_INTERNAL_CHECKS
  extension KeywordAutomaton {
    /// Checks that every failure link points to a strictly shallower state and that output links
    /// only point to states with output. Compiled only with `-DGOVTAG_INTERNAL_CHECKS`.
    func _checkInvariants(fail: [Int32], children: [[UInt8: Int32]]) {
      var depth = [Int](repeating: 0, count: children.count)
      var queue = [0]
      var head = 0
      while head < queue.count {
        let state = queue[head]
        head += 1
        for child in children[state].values {
          depth[Int(child)] = depth[state] + 1
          queue.append(Int(child))
        }
      }
      for state in 1..<children.count {
        precondition(depth[Int(fail[state])] < depth[state], "failure link must point to a shallower state")
        let link = Int(outputLink[state])
        precondition(link < 0 || output[link] >= 0, "output link must point to a state with output")
      }
    }
  }
#endif

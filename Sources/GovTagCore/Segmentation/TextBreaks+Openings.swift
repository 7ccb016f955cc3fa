extension TextBreaks {
  /// Whether `offset` starts the text or a line, but for spaces and quotes before it.
  static func opensParagraph(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    positionBeforeLeadingSpace(at: offset, in: bytes) == nil
  }

  /// Whether `offset` starts a sentence, but for spaces, quotes and brackets before it.
  static func opensSentence(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // A line break ends the sentence before, like the text's start.
    guard let position = positionBeforeLeadingSpace(at: offset, in: bytes) else { return true }
    return mark(endingAt: position, in: bytes)?.kind == .sentence
  }

  /// Whether `offset` opens a clause: the text's or a line's start, or a clause or sentence mark
  /// before it (after spaces, quotes and brackets, as for ``opensSentence(at:in:)``).
  static func opensClause(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let position = positionBeforeLeadingSpace(at: offset, in: bytes) else { return true }
    return mark(endingAt: position, in: bytes) != nil
  }

  /// Walks back from `offset` over spaces, tabs, “ ‘ and ideographic spaces: the position before
  /// them, or `nil` when a line break or the text's start comes first.
  private static func positionBeforeLeadingSpace(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var position = offset
    while position > 0 {
      let byte = bytes[position - 1]
      if byte == 0x0A { return nil }
      if byte == 0x20 || byte == 0x09 || byte == 0x0D {
        position -= 1
        continue
      }
      // “ ‘ (E2 80 9C / 98) and the ideographic space (E3 80 80).
      if position >= 3,
        (bytes[position - 3] == 0xE2 && bytes[position - 2] == 0x80 && (byte == 0x9C || byte == 0x98))
          || (bytes[position - 3] == 0xE3 && bytes[position - 2] == 0x80 && byte == 0x80)
      {
        position -= 3
        continue
      }
      return position
    }
    return nil
  }
}

extension String {
  /// The string with every character that could act on a terminal or a log shown as a visible
  /// escape: `\n`, `\r`, `\t`, and `\u{1B}` for ESC and the other control characters, DEL, the C1
  /// controls, the line and paragraph separators and the bidirectional overrides.
  ///
  /// Messages quote record ids, paths and raw input; printed as they are, an id holding ESC
  /// could recolour or clear the terminal, BEL ring it, CR overwrite the line before it and LF
  /// forge a line of its own in a log. Every message GovTag prints goes through this once.
  ///
  ///     "a\u{1B}[2Jb\n".escapingControlCharacters  // a\u{1B}[2Jb\n
  package var escapingControlCharacters: String {
    guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
    var result = ""
    result.reserveCapacity(utf8.count + 8)
    for scalar in unicodeScalars {
      guard Self.needsEscape(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// C0 controls, DEL, C1 controls, U+2028/U+2029 and the bidirectional embedding, override
  /// and isolate controls (the "Trojan Source" characters).
  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}

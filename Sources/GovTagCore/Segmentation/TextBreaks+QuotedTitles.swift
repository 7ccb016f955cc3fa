extension TextBreaks {
  /// Byte ranges of the outermost 《…》 spans (an unclosed 《 runs to the end of its line).
  static func quotedTitles(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var depth = 0
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0xE4 && byte <= 0xEF {
        index += 3  // a CJK ideograph or other character that is neither 《》 nor a line feed
        continue
      }
      if byte == 0xE3 && index + 2 < bytes.count && bytes[index + 1] == 0x80 {
        if bytes[index + 2] == 0x8A {  // 《
          if depth == 0 { start = index }
          depth += 1
        } else if bytes[index + 2] == 0x8B && depth > 0 {  // 》
          depth -= 1
          if depth == 0 { spans.append(start..<index + 3) }
        }
        index += 3
        continue
      }
      if byte == 0x0A && depth > 0 {
        spans.append(start..<index)
        depth = 0
      }
      index += 1
    }
    if depth > 0 { spans.append(start..<bytes.count) }
    return spans
  }
}

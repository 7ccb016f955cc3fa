extension UTF8Text {
  /// The UTF-8 byte order mark, which Windows tools (Notepad, Excel) write at the start of a file.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Removes a byte order mark from the start of the first line of a file, so that every reader
  /// accepts a file that starts with one (JSON itself does not allow it).
  ///
  /// - Parameters:
  ///   - line: the line's bytes.
  ///   - number: the 1-based line number; only line 1 can start with the mark.
  /// - Returns: how many bytes were removed (0 or 3).
  @discardableResult
  static func removeByteOrderMark(from line: inout [UInt8], atLine number: Int) -> Int {
    guard number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF else { return 0 }
    line.removeFirst(3)
    return 3
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Opens an input and reads just far enough to tell JSON Lines from a JSON array: up to the
/// first byte that is not white space, after a UTF-8 byte order mark.
///
/// A JSON Lines record is an object, so an input whose first such byte is `[` can only be a
/// JSON array (what `govtag tag --format json` writes). The bytes read are handed on with the
/// still-open input, so standard input and pipes are told apart as well as files.
enum InputSniffer {
  /// An opened input and the bytes already read from it.
  ///
  /// Hand it to exactly one reader (``LineReader/init(_:)``, ``ByteReader/init(_:)``), which
  /// reads `prefix` first and closes the descriptor when it owns it.
  struct Opened {
    /// The name used in messages: the path, or `<stdin>`.
    var name: String
    var descriptor: Int32
    var ownsDescriptor: Bool
    /// The input's first bytes, already read.
    var prefix: [UInt8]
    /// Whether `prefix` is the whole input.
    var atEOF: Bool
    /// Whether the first byte after white space (and a byte order mark) is `[`.
    var startsArray: Bool
  }

  /// Opens `path` (`-` for standard input) and reads its first bytes.
  ///
  /// - Parameter path: the input.
  /// - Returns: the opened input.
  /// - Throws: `GovTagError` with code `.io` when it is a directory or cannot be opened or read,
  ///   worded as ``LineReader`` words it.
  static func open(_ path: String) throws -> Opened {
    var opened: Opened
    if path == "-" {
      opened = Opened(name: "<stdin>", descriptor: 0, ownsDescriptor: false, prefix: [], atEOF: false, startsArray: false)
    } else {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw GovTagError(
          .io, "the input is a directory", at: SourceLocation(file: path), hint: "name the JSON Lines files inside it")
      }
      let fd = Glibc.open(path, O_RDONLY)
      guard fd >= 0 else {
        let reason = String(cString: strerror(errno))
        throw GovTagError(.io, "cannot open the input: \(reason)", at: SourceLocation(file: path), hint: "check the path")
      }
      opened = Opened(name: path, descriptor: fd, ownsDescriptor: true, prefix: [], atEOF: false, startsArray: false)
    }
    let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var searched = 0
    while true {
      let prefix = opened.prefix
      // A byte order mark (or the start of one) is skipped; then white space.
      let partMark = prefix.count < 3 && byteOrderMark.starts(with: prefix)
      if !partMark || opened.atEOF {
        if searched == 0 && prefix.starts(with: byteOrderMark) { searched = 3 }
        while searched < prefix.count, [0x20, 0x0A, 0x0D, 0x09].contains(prefix[searched]) { searched += 1 }
        if searched < prefix.count {
          // Refused here, where the caller fails this input alone and reads the others; from
          // the reader's first line it aborted the whole command.
          do {
            try CompressedInput.refuse(prefix, name: opened.name)
          } catch {
            if opened.ownsDescriptor { close(opened.descriptor) }
            throw error
          }
          opened.startsArray = prefix[searched] == UInt8(ascii: "[")
          return opened
        }
        if opened.atEOF { return opened }
        // Only white space so far: past a mebibyte of it, stop looking (a file of blank lines
        // would otherwise be held whole) and read it as lines, which reports blank lines.
        if searched >= 1 << 20 { return opened }
      }
      let count = block.withUnsafeMutableBytes { raw -> Int in
        while true {
          let result = read(opened.descriptor, raw.baseAddress, raw.count)
          if result < 0 && errno == EINTR { continue }
          return result
        }
      }
      guard count >= 0 else {
        let reason = String(cString: strerror(errno))
        if opened.ownsDescriptor { close(opened.descriptor) }
        throw GovTagError(.io, "cannot read the input: \(reason)", at: SourceLocation(file: opened.name, line: 1))
      }
      if count == 0 {
        opened.atEOF = true
      } else {
        opened.prefix += block[0..<count]
      }
    }
  }
}

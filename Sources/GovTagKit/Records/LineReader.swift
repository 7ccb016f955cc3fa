import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file or standard input line by line, in large blocks, without holding the whole file.
///
/// Lines are returned as bytes without their `\n`; a last line without a line break is still a
/// line. Memory use is one block plus the longest line. Each byte is searched for a line break
/// once: a line that arrives in many small reads (a pipe delivers 64 KB at a time) is not
/// searched again from its start after every read.
package final class LineReader {
  /// The name used in messages: the path, or `<stdin>`.
  package let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer: [UInt8]
  private var start = 0
  private var end = 0
  private var atEOF = false
  /// `buffer[start..<searched]` holds no line break: the next search starts at `searched`.
  private var searched = 0
  /// Bytes searched for a line break so far (for tests: it stays linear in the input).
  private(set) var bytesSearched = 0
  /// A pipe or terminal, where a read can block for ever: it is polled, so that a signal
  /// (``InterruptSignal``) stops the wait.
  private let mayBlock: Bool
  /// The 1-based number of the line most recently returned.
  package private(set) var lineNumber = 0
  /// Bytes consumed so far (including line breaks), for progress reports.
  package private(set) var bytesRead = 0
  /// The hash of the bytes consumed so far, when asked for (``consumedBytesHash()``);
  /// `buffer[..<hashedUpTo]` is in it.
  private var hash: StableHash?
  private var hashedUpTo = 0

  /// The block size: large enough that system calls cost nothing next to the work per line.
  package static let blockSize = 1 << 20

  /// Opens `path` for reading; `-` means standard input.
  ///
  /// - Parameters:
  ///   - path: the file, or `-`.
  ///   - hashingConsumedBytes: whether to hash every byte consumed, for ``consumedBytesHash()``
  ///     (one pass over the bytes; only a resumable run needs it).
  /// - Throws: `GovTagError` with code `.io` naming the file and the system's reason.
  package init(path: String, hashingConsumedBytes: Bool = false) throws {
    if hashingConsumedBytes { hash = StableHash() }
    if path == "-" {
      name = "<stdin>"
      descriptor = 0
      ownsDescriptor = false
    } else {
      name = path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw GovTagError(
          .io, "the input is a directory", at: SourceLocation(file: path), hint: "name the JSON Lines files inside it")
      }
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        let reason = String(cString: strerror(errno))
        throw GovTagError(.io, "cannot open the input: \(reason)", at: SourceLocation(file: path), hint: "check the path")
      }
      descriptor = fd
      ownsDescriptor = true
    }
    buffer = [UInt8](repeating: 0, count: Self.blockSize)
    mayBlock = FileStatus(descriptor: descriptor).map { $0.kind != .regular } ?? false
  }

  /// Reads an input already opened, whose first bytes were read from it already (``InputSniffer``).
  ///
  /// - Parameter input: the opened input and the bytes read from it so far, which come first.
  init(_ input: InputSniffer.Opened) {
    name = input.name
    descriptor = input.descriptor
    ownsDescriptor = input.ownsDescriptor
    buffer = [UInt8](repeating: 0, count: max(Self.blockSize, input.prefix.count * 2))
    buffer.replaceSubrange(0..<input.prefix.count, with: input.prefix)
    end = input.prefix.count
    atEOF = input.atEOF
    mayBlock = FileStatus(descriptor: descriptor).map { $0.kind != .regular } ?? false
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Returns the next line, or `nil` at the end of the input.
  ///
  /// - Throws: `GovTagError` with code `.io` when reading fails; with code `.interrupted` when
  ///   SIGINT or SIGTERM arrived while reading from a pipe or terminal.
  package func nextLine() throws -> [UInt8]? {
    while true {
      let from = max(start, searched)
      let found = buffer.withUnsafeBufferPointer { pointer -> Int? in
        guard from < end, let base = pointer.baseAddress,
          let hit = memchr(base + from, 0x0A, end - from)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      }
      bytesSearched += (found.map { $0 + 1 } ?? end) - from
      if let newline = found {
        if lineNumber == 0 { try CompressedInput.refuse(buffer[start..<newline], name: name) }
        let line = Array(buffer[start..<newline])
        bytesRead += newline + 1 - start
        start = newline + 1
        searched = start
        lineNumber += 1
        return line
      }
      searched = end
      if atEOF {
        guard start < end else { return nil }
        if lineNumber == 0 { try CompressedInput.refuse(buffer[start..<end], name: name) }
        let line = Array(buffer[start..<end])
        bytesRead += end - start
        start = end
        searched = end
        lineNumber += 1
        return line
      }
      try fill()
    }
  }

  /// The ``StableHash`` of every byte consumed so far: the lines returned and their line
  /// breaks, not the bytes read ahead. `nil` unless the reader was opened hashing them.
  ///
  /// A resumed run skips the lines the interrupted one handled; comparing this hash with the
  /// one the interrupted run saved tells whether they are the same bytes.
  package func consumedBytesHash() -> StableHash? {
    hashConsumed()
    return hash
  }

  /// Adds the consumed bytes not yet hashed: at each refill, and whenever the hash is asked for
  /// (the batch runner asks after every record, so in practice per record).
  private func hashConsumed() {
    guard hash != nil, hashedUpTo < start else { return }
    buffer.withUnsafeBufferPointer { pointer in
      hash?.combine(UnsafeBufferPointer(rebasing: pointer[hashedUpTo..<start]))
    }
    hashedUpTo = start
  }

  /// Moves unread bytes to the front, grows the buffer if one line fills it, and reads a block.
  private func fill() throws {
    hashConsumed()
    if start > 0 {
      let unread = end - start
      if unread > 0 {
        buffer.withUnsafeMutableBufferPointer { pointer in
          guard let base = pointer.baseAddress else { return }
          memmove(base, base + start, unread)
        }
      }
      searched -= start
      start = 0
      hashedUpTo = 0
      end = unread
    }
    if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
    if mayBlock && !waitUntilReadable(descriptor, unless: { InterruptSignal.anyReceived }) {
      throw GovTagError(.interrupted, "interrupted while reading", at: SourceLocation(file: name, line: lineNumber + 1))
    }
    let count = buffer.withUnsafeMutableBufferPointer { pointer -> Int in
      guard let base = pointer.baseAddress else { return 0 }
      while true {
        let result = read(descriptor, base + end, pointer.count - end)
        if result < 0 && errno == EINTR { continue }
        return result
      }
    }
    guard count >= 0 else {
      let reason = String(cString: strerror(errno))
      throw GovTagError(.io, "cannot read the input: \(reason)", at: SourceLocation(file: name, line: lineNumber + 1))
    }
    if count == 0 { atEOF = true }
    end += count
  }
}

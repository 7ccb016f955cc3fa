#if canImport(Glibc)
  import Glibc
#endif

/// Buffered byte-at-a-time reading of a file or standard input, for the hand-written JSON array
/// and CSV splitters.
final class ByteReader {
  let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var buffer = [UInt8](repeating: 0, count: 1 << 20)
  private var position = 0
  private var count = 0
  private var atEOF = false
  /// Whether the first block was read (and checked for compression).
  private var started = false
  /// Bytes of the input before `buffer[0]`.
  private var bufferOffset = 0
  /// The hash of the bytes consumed so far, when asked for; `buffer[..<hashedUpTo]` is in it.
  private var hash: StableHash?
  private var hashedUpTo = 0

  /// Opens `path` (`-` for standard input); with `hashingConsumedBytes`, every byte consumed is
  /// hashed for ``consumedBytesHash()``.
  init(path: String, hashingConsumedBytes: Bool = false) throws {
    if hashingConsumedBytes { hash = StableHash() }
    if path == "-" {
      name = "<stdin>"
      descriptor = 0
      ownsDescriptor = false
    } else {
      name = path
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else {
        throw GovTagError(
          .io, "cannot open the input: \(String(cString: strerror(errno)))", at: SourceLocation(file: path),
          hint: "check the path")
      }
      descriptor = fd
      ownsDescriptor = true
    }
  }

  /// Reads an input already opened, whose first bytes were read from it already (``InputSniffer``).
  ///
  /// - Parameters:
  ///   - input: the opened input and the bytes read from it so far, which come first.
  init(_ input: InputSniffer.Opened) {
    name = input.name
    descriptor = input.descriptor
    ownsDescriptor = input.ownsDescriptor
    if input.prefix.count > buffer.count { buffer = [UInt8](repeating: 0, count: input.prefix.count) }
    buffer.replaceSubrange(0..<input.prefix.count, with: input.prefix)
    count = input.prefix.count
    atEOF = input.atEOF
    // The sniffer chose this reader because the input starts with "[": not a compressed file.
    started = true
  }

  deinit { if ownsDescriptor { close(descriptor) } }

  /// The input offset of the next byte ``next()`` returns.
  var offset: Int { bufferOffset + position }

  @inline(__always)
  func peek() throws -> UInt8? {
    if position == count {
      guard try fill() else { return nil }
    }
    return buffer[position]
  }

  @inline(__always)
  func next() throws -> UInt8? {
    guard let byte = try peek() else { return nil }
    position += 1
    return byte
  }

  /// The ``StableHash`` of every byte consumed (returned by ``next()``) so far; `nil` unless
  /// opened hashing them.
  func consumedBytesHash() -> StableHash? {
    hashConsumed()
    return hash
  }

  private func hashConsumed() {
    guard hash != nil, hashedUpTo < position else { return }
    buffer.withUnsafeBufferPointer { pointer in
      hash?.combine(UnsafeBufferPointer(rebasing: pointer[hashedUpTo..<position]))
    }
    hashedUpTo = position
  }

  private func fill() throws -> Bool {
    guard !atEOF else { return false }
    hashConsumed()
    let read = buffer.withUnsafeMutableBytes { raw -> Int in
      while true {
        let result = Glibc.read(descriptor, raw.baseAddress, raw.count)
        if result < 0 && errno == EINTR { continue }
        return result
      }
    }
    guard read >= 0 else {
      throw GovTagError(.io, "cannot read the input: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
    if read == 0 {
      atEOF = true
      return false
    }
    bufferOffset += count
    position = 0
    hashedUpTo = 0
    count = read
    if !started {
      started = true
      try CompressedInput.refuse(buffer[0..<min(read, 8)], name: name)
    }
    return true
  }
}

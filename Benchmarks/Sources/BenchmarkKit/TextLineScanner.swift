import GovTagKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a plain-text file in large blocks and hands out its lines without copying them.
///
/// The benchmark's floor passes read the corpus's texts file (one text per line) through this,
/// so that they pay for `read(2)` and a `memchr` per line and nothing else: no JSON, no
/// per-line allocation. A line is passed as a pointer into the block buffer; a line that runs
/// over the end of a block is moved to the front of the buffer first, and the buffer grows when
/// a single line is longer than it.
public final class TextLineScanner {
  /// The path, as given.
  public let path: String
  private let descriptor: Int32
  private var buffer: UnsafeMutablePointer<UInt8>
  private var capacity: Int

  /// The default block size: 4 MiB, large enough that system calls cost nothing next to ICU.
  public static let defaultBlockSize = 4 << 20

  /// Opens `path` for reading.
  ///
  /// - Parameters:
  ///   - path: the file to read.
  ///   - blockSize: how many bytes each `read(2)` asks for (at least 1); tests make it tiny.
  /// - Throws: `GovTagError` with code `.io` naming the file and the system's reason.
  public init(path: String, blockSize: Int = TextLineScanner.defaultBlockSize) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw GovTagError(
        .io, "cannot open the texts file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path),
        hint: "make the corpus first (Benchmarks/run.sh does) or check the path")
    }
    self.path = path
    self.descriptor = descriptor
    capacity = max(1, blockSize)
    buffer = .allocate(capacity: capacity)
  }

  deinit {
    close(descriptor)
    buffer.deallocate()
  }

  /// Calls `body` with every line of the file, without its `\n`, in order.
  ///
  /// A last line without a line break is still a line; an empty file has no lines. The buffer
  /// passed to `body` is valid only during the call.
  ///
  /// - Parameter body: called with each line's bytes.
  /// - Returns: the number of bytes read, line breaks included.
  /// - Throws: `GovTagError` with code `.io` when reading fails, or what `body` throws.
  @discardableResult
  public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
    var start = 0  // the first byte of the current line in `buffer`
    var end = 0  // the end of the bytes read into `buffer`
    var total = 0
    while true {
      // Hand out every complete line in buffer[start..<end].
      while start < end, let found = memchr(buffer + start, 0x0A, end - start) {
        let newline = found.assumingMemoryBound(to: UInt8.self) - buffer
        try body(UnsafeBufferPointer(start: buffer + start, count: newline - start))
        start = newline + 1
      }
      // Keep the incomplete tail: move it to the front, and grow when it fills the buffer.
      let tail = end - start
      if tail == capacity {
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        grown.update(from: buffer, count: tail)
        buffer.deallocate()
        buffer = grown
        capacity *= 2
      } else if start > 0 && tail > 0 {
        memmove(buffer, buffer + start, tail)
      }
      start = 0
      end = tail
      let count = read(descriptor, buffer + end, capacity - end)
      if count < 0 {
        if errno == EINTR { continue }
        throw GovTagError(
          .io, "cannot read the texts file: \(String(cString: strerror(errno)))", at: SourceLocation(file: path),
          hint: "check that the file is readable")
      }
      if count == 0 {
        if end > 0 { try body(UnsafeBufferPointer(start: buffer, count: end)) }
        return total
      }
      end += count
      total += count
    }
  }
}

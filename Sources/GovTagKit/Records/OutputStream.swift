internal import CFileWriteback

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A destination for output bytes: standard output, or a file that appears only when complete.
///
/// A file is written to `PATH.partial` beside its final path and renamed into place by
/// ``commit()``, so a killed or failed run never leaves a file that looks finished.
public final class OutputStream {
  /// The final path, or `<stdout>`.
  public let name: String
  private let descriptor: Int32
  private let temporaryPath: String?
  private let finalPath: String?
  private var buffer: [UInt8] = []
  private var closed = false
  /// Bytes written so far, including any kept from an interrupted run.
  public private(set) var bytesWritten = 0

  /// Flush to the descriptor once this much is buffered.
  static let flushThreshold = 256 << 10
  /// For a file: the descriptor's offset, and where the data not yet handed to the disk
  /// starts (see ``startWriteback()``).
  private var descriptorOffset = 0
  private var writebackStart = 0
  /// Hand written data to the disk in steps of this size.
  static let writebackStep = 32 << 20

  /// Standard output.
  public static func standardOutput() -> OutputStream { OutputStream(name: "<stdout>", descriptor: 1, temporary: nil, final: nil) }

  /// Creates `path`'s temporary file, creating missing parent folders.
  ///
  /// - Parameter path: the final path; `-` means standard output.
  /// - Throws: `GovTagError` with code `.io` naming the path and the system's reason.
  public static func file(_ path: String) throws -> OutputStream {
    if path == "-" { return standardOutput() }
    try createParentDirectories(of: path)
    let temporary = path + ".partial"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw GovTagError(.io, "cannot create the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary))
    }
    return OutputStream(name: path, descriptor: fd, temporary: temporary, final: path)
  }

  /// Reopens `path`'s temporary file left by an interrupted run, cut to `length` bytes, for appending.
  ///
  /// - Throws: `GovTagError` when it is missing or shorter than `length`.
  public static func resuming(_ path: String, at length: Int) throws -> OutputStream {
    let temporary = path + ".partial"
    let fd = open(temporary, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw GovTagError(
        .io, "cannot reopen the unfinished output: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary),
        hint: "run without --resume to start again")
    }
    let size = lseek(fd, 0, SEEK_END)
    guard size >= 0, Int(size) >= length, ftruncate(fd, off_t(length)) == 0,
      lseek(fd, off_t(length), SEEK_SET) >= 0
    else {
      close(fd)
      throw GovTagError(
        .io, "the unfinished output is shorter than its resume state says", at: SourceLocation(file: temporary),
        hint: "run without --resume to start again")
    }
    let stream = OutputStream(name: path, descriptor: fd, temporary: temporary, final: path)
    stream.bytesWritten = length
    stream.descriptorOffset = length
    stream.writebackStart = length
    stream.keepOnClose = true
    return stream
  }

  /// Whether an unfinished temporary file survives this object (it holds an interrupted run).
  private var keepOnClose = false

  /// Keeps the temporary file when this object goes away without ``commit()``, so that an
  /// interrupted run can be resumed.
  public func keepUnfinished() { keepOnClose = true }

  private init(name: String, descriptor: Int32, temporary: String?, final: String?) {
    self.name = name
    self.descriptor = descriptor
    self.temporaryPath = temporary
    self.finalPath = final
  }

  deinit {
    // Not committed: leave no file that looks finished. The .partial file is kept only when it
    // holds an interrupted run to resume.
    if !closed, let temporaryPath {
      close(descriptor)
      if !keepOnClose { unlink(temporaryPath) }
    }
  }

  /// Appends bytes (buffered).
  ///
  /// - Throws: `GovTagError` with code `.io` when writing fails (a full disk, a closed pipe).
  public func write(_ bytes: some Collection<UInt8>) throws {
    // A large block (a chunk of labelled records) goes straight to the file when nothing is
    // buffered: copying it into the buffer first would cost the writing thread a second pass.
    if buffer.isEmpty && bytes.count >= Self.flushThreshold,
      try bytes.withContiguousStorageIfAvailable({ try writeAll(UnsafeRawBufferPointer($0)) }) != nil
    {
      bytesWritten += bytes.count
      return
    }
    buffer.append(contentsOf: bytes)
    bytesWritten += bytes.count
    if buffer.count >= Self.flushThreshold { try flush() }
  }

  /// Writes buffered bytes to the file or pipe.
  public func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes all of `raw` to the descriptor.
  private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < raw.count {
      let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw GovTagError(.io, "cannot write the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
      }
      offset += written
    }
    descriptorOffset += raw.count
    startWriteback()
  }

  /// Asks the kernel to start writing what a file received so far to the disk, without waiting.
  ///
  /// ``commit()`` must `fsync` before its rename, so that after a power cut the finished file
  /// is never an empty or partial one. Left alone, the kernel writes the whole output (gigabytes
  /// for a large corpus) only then, and the run ends with every core idle waiting for the disk;
  /// handing it over step by step overlaps that wait with the labelling. Only a hint: errors are
  /// reported by the `fsync`.
  private func startWriteback() {
    guard temporaryPath != nil, descriptorOffset - writebackStart >= Self.writebackStep else { return }
    _ = govtag_start_writeback(descriptor, Int64(writebackStart), Int64(descriptorOffset - writebackStart))
    writebackStart = descriptorOffset
  }

  /// Flushes, closes, and moves the temporary file to its final path.
  public func commit() throws {
    try flush()
    guard !closed else { return }
    closed = true
    guard let temporaryPath, let finalPath else { return }
    guard fsync(descriptor) == 0 || errno == EINVAL, close(descriptor) == 0 else {
      throw GovTagError(.io, "cannot finish the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath))
    }
    guard rename(temporaryPath, finalPath) == 0 else {
      throw GovTagError(.io, "cannot move the output into place: \(String(cString: strerror(errno)))", at: SourceLocation(file: finalPath))
    }
  }

  /// Creates the folders above `path` that do not exist yet.
  static func createParentDirectories(of path: String) throws {
    var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    guard !components.isEmpty else { return }
    var current = path.hasPrefix("/") ? "" : "."
    if path.hasPrefix("/") { components = components.dropFirst() }
    for component in components where !component.isEmpty {
      current += "/" + component
      if mkdir(current, 0o755) != 0 && errno != EEXIST {
        throw GovTagError(.io, "cannot create the folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: current))
      }
    }
  }
}

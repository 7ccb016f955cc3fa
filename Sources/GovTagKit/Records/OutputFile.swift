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
/// A regular file is written to `PATH.partial` beside its final path and renamed into place by
/// ``commit()``, so a killed or failed run never leaves a file that looks finished. The
/// temporary file is created with `O_CREAT | O_EXCL | O_NOFOLLOW` (a planted symbolic link
/// cannot redirect the write) and held under an exclusive `flock` until it is renamed, so a
/// second run writing the same output fails at once instead of interleaving with the first. A
/// FIFO, a terminal or a device such as `/dev/null` is written directly: renaming a regular
/// file over it would replace the node. When `PATH` is a symbolic link, its target is replaced
/// and the link stays.
package final class OutputFile {
  /// The final path as the user named it, or `<stdout>`.
  package let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let temporaryPath: String?
  private let finalPath: String?
  private var buffer: [UInt8] = []
  private var closed = false
  /// Bytes written so far, including any kept from an interrupted run.
  package private(set) var bytesWritten = 0

  /// Flush to the descriptor once this much is buffered.
  static let flushThreshold = 256 << 10
  /// For a file: the descriptor's offset, and where the data not yet handed to the disk
  /// starts (see ``startWriteback()``).
  private var descriptorOffset = 0
  private var writebackStart = 0
  /// Hand written data to the disk in steps of this size.
  static let writebackStep = 32 << 20

  /// Standard output.
  package static func standardOutput() -> OutputFile {
    OutputFile(name: "<stdout>", descriptor: 1, owned: false, temporary: nil, final: nil)
  }

  /// Whether bytes go straight to their destination (standard output, a FIFO, a device), with
  /// no temporary file: nothing is renamed, and an interrupted run cannot be resumed.
  package var writesInPlace: Bool { temporaryPath == nil }

  /// Creates `path`'s temporary file, creating missing parent folders, or opens a FIFO or
  /// device to write into directly.
  ///
  /// - Parameter path: the final path; `-` means standard output.
  /// - Throws: `GovTagError` with code `.io` naming the path and the system's reason; when
  ///   another run holds the output's lock; when `PATH.partial` is a symbolic link.
  package static func file(_ path: String) throws -> OutputFile {
    if path == "-" { return standardOutput() }
    if let special = try openSpecial(path) { return special }
    let final = try finalPath(of: path)
    try createParentDirectories(of: final)
    let temporary = final + ".partial"
    let fd = try openTemporary(temporary, output: path, creating: true)
    guard ftruncate(fd, 0) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw GovTagError(.io, "cannot create the output: \(reason)", at: SourceLocation(file: temporary))
    }
    return OutputFile(name: path, descriptor: fd, owned: true, temporary: temporary, final: final)
  }

  /// Reopens `path`'s temporary file left by an interrupted run, for appending after its first
  /// `length` bytes.
  ///
  /// What follows them (written after the last resume state, by a run that was killed) is cut
  /// off only when this run writes or commits: a resume refused after opening (its input is not
  /// the interrupted run's) leaves the file exactly as it was.
  ///
  /// - Parameters:
  ///   - path: the output file.
  ///   - length: the bytes the interrupted run had written.
  ///   - names: how hints name the caller's settings (``SettingNames/Setting/resume``).
  /// - Throws: `GovTagError` when it is missing or shorter than `length`, or another run holds it.
  package static func resuming(_ path: String, at length: Int, names: SettingNames = SettingNames()) throws -> OutputFile {
    let final = try finalPath(of: path)
    let temporary = final + ".partial"
    let fd = try openTemporary(temporary, output: path, creating: false, names: names)
    let size = lseek(fd, 0, SEEK_END)
    guard size >= 0, Int(size) >= length, lseek(fd, off_t(length), SEEK_SET) >= 0
    else {
      close(fd)
      throw GovTagError(
        .io, "the unfinished output is shorter than its resume state says", at: SourceLocation(file: temporary),
        hint: startAgain(names))
    }
    let stream = OutputFile(name: path, descriptor: fd, owned: true, temporary: temporary, final: final)
    stream.bytesWritten = length
    stream.descriptorOffset = length
    stream.writebackStart = length
    stream.keepOnClose = true
    stream.truncationPending = Int(size) > length
    return stream
  }

  /// Whether an unfinished temporary file survives this object (it holds an interrupted run).
  private var keepOnClose = false
  /// Whether a resumed file still holds bytes after ``bytesWritten`` to cut before writing.
  private var truncationPending = false

  /// Cuts a resumed file back to what its resume state counts, before anything is written.
  private func truncateIfPending() throws {
    guard truncationPending else { return }
    guard ftruncate(descriptor, off_t(descriptorOffset)) == 0 else {
      throw GovTagError(
        .io, "cannot cut the unfinished output back: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
    truncationPending = false
  }

  /// Keeps the temporary file when this object goes away without ``commit()``, so that an
  /// interrupted run can be resumed.
  package func keepUnfinished() { keepOnClose = true }

  private init(name: String, descriptor: Int32, owned: Bool, temporary: String?, final: String?) {
    self.name = name
    self.descriptor = descriptor
    self.ownsDescriptor = owned
    self.temporaryPath = temporary
    self.finalPath = final
  }

  deinit {
    // Not committed: leave no file that looks finished. The .partial file is kept only when it
    // holds an interrupted run to resume. It is unlinked before the descriptor (and its lock)
    // goes, so no other run can have taken it over.
    guard !closed else { return }
    if let temporaryPath, !keepOnClose { unlink(temporaryPath) }
    if ownsDescriptor { close(descriptor) }
  }

  /// Drops what was written: the temporary file is removed and no output appears (a run that
  /// read nothing must not leave a finished-looking empty file).
  package func discard() {
    guard !closed else { return }
    closed = true
    buffer.removeAll()
    if let temporaryPath { unlink(temporaryPath) }
    if ownsDescriptor { close(descriptor) }
  }

  /// Appends bytes (buffered).
  ///
  /// - Throws: `GovTagError` with code `.io` when writing fails (a full disk, a closed pipe).
  package func write(_ bytes: some Collection<UInt8>) throws {
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
  package func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBytes { try writeAll($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes all of `raw` to the descriptor.
  private func writeAll(_ raw: UnsafeRawBufferPointer) throws {
    try truncateIfPending()
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

  /// Flushes, syncs and moves the temporary file to its final path, then syncs its folder, so
  /// that after a power cut the path holds either the old file or the whole new one.
  ///
  /// The descriptor, and with it the lock, is closed only once the file is in place.
  package func commit() throws {
    try flush()
    guard !closed else { return }
    closed = true
    guard let temporaryPath, let finalPath else {
      if ownsDescriptor && close(descriptor) != 0 && errno != EINTR {
        throw GovTagError(.io, "cannot finish the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
      }
      return
    }
    defer { close(descriptor) }
    try truncateIfPending()
    guard fsync(descriptor) == 0 || errno == EINVAL else {
      throw GovTagError(.io, "cannot finish the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
    guard rename(temporaryPath, finalPath) == 0 else {
      throw GovTagError(
        .io, "cannot move the output into place: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
    }
    try Self.syncDirectory(of: finalPath, output: name)
  }

  /// Syncs the folder holding `path`, so that a rename into it survives a power cut.
  static func syncDirectory(of path: String, output: String) throws {
    let slash = path.lastIndex(of: "/")
    let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }  // a folder we cannot open (no read permission) cannot be synced; the rename stands
    defer { close(fd) }
    guard fsync(fd) == 0 || errno == EINVAL || errno == EROFS else {
      throw GovTagError(
        .io, "cannot sync the output's folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: output))
    }
  }

  /// Opens a FIFO, terminal, socket or device for writing in place; `nil` when `path` is a
  /// regular file or does not exist.
  private static func openSpecial(_ path: String) throws -> OutputFile? {
    guard let status = FileStatus(path) else { return nil }
    switch status.kind {
    case .regular, .symbolicLink: return nil
    case .directory:
      throw GovTagError(.io, "the output is a folder", at: SourceLocation(file: path), hint: "name a file inside it")
    default:
      let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      guard fd >= 0 else {
        throw GovTagError(.io, "cannot open the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
      }
      return OutputFile(name: path, descriptor: fd, owned: true, temporary: nil, final: nil)
    }
  }

  /// The path to rename the finished file to: `path`, or the file a symbolic link at `path`
  /// points to, so that the link is kept.
  private static func finalPath(of path: String) throws -> String {
    guard FileStatus(path, followingLinks: false)?.kind == .symbolicLink else { return path }
    guard let resolved = realpath(path, nil) else {
      throw GovTagError(
        .io, "the output is a symbolic link to a missing file", at: SourceLocation(file: path),
        hint: "remove the link or name its target")
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What to do when an interrupted run cannot be resumed: start it again.
  ///
  /// - Parameter names: how the hint names the caller's setting for resuming.
  /// - Returns: `run without --resume to start again` on the command line, else `start again without resuming`.
  package static func startAgain(_ names: SettingNames) -> String {
    names[.resume].map { "run without \($0) to start again" } ?? "start again without resuming"
  }

  /// Opens (`creating`: creates, or takes over a stale one) a `.partial` file without following
  /// symbolic links, and locks it for this run.
  private static func openTemporary(
    _ temporary: String, output: String, creating: Bool, names: SettingNames = SettingNames()
  ) throws -> Int32 {
    var fd: Int32 = -1
    if creating { fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
    if fd < 0 && (!creating || errno == EEXIST) {
      // Left by an interrupted or killed run, or being written by a running one: the lock tells.
      fd = open(temporary, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    }
    guard fd >= 0 else {
      if errno == ELOOP {
        throw GovTagError(
          .io, "\(temporary) is a symbolic link, not an unfinished GovTag output; refusing to write through it",
          at: SourceLocation(file: output), hint: "remove \(temporary)")
      }
      if !creating {
        throw GovTagError(
          .io, "cannot reopen the unfinished output: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary),
          hint: startAgain(names))
      }
      throw GovTagError(.io, "cannot create the output: \(String(cString: strerror(errno)))", at: SourceLocation(file: temporary))
    }
    guard FileStatus(descriptor: fd)?.kind == .regular else {
      close(fd)
      throw GovTagError(
        .io, "\(temporary) is not a regular file; refusing to write to it", at: SourceLocation(file: output),
        hint: "remove \(temporary)")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let busy = errno == EWOULDBLOCK
      let reason = String(cString: strerror(errno))
      close(fd)
      if busy {
        throw GovTagError(
          .io, "another run is writing this output (\(temporary) is locked)", at: SourceLocation(file: output),
          hint: "wait for that run to finish, or write to another file")
      }
      throw GovTagError(.io, "cannot lock the output: \(reason)", at: SourceLocation(file: temporary))
    }
    // The lock is on the file that was opened; make sure the path still names it (a run that
    // finished in between renamed it into place, and it must not be truncated now).
    guard let opened = FileStatus(descriptor: fd), let named = FileStatus(temporary, followingLinks: false),
      opened.device == named.device, opened.inode == named.inode
    else {
      close(fd)
      throw GovTagError(
        .io, "another run is writing this output (\(temporary) changed while it was opened)", at: SourceLocation(file: output),
        hint: "wait for that run to finish, or write to another file")
    }
    // Back to blocking writes (O_NONBLOCK above only matters for a FIFO planted as .partial,
    // which fstat has just ruled out).
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return fd
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

/// The old name, for code of this package written before the rename (branches in flight);
/// `package`, so a client that imports Foundation and GovTagKit sees one `OutputStream` only.
@available(*, deprecated, renamed: "OutputFile")
package typealias OutputStream = OutputFile

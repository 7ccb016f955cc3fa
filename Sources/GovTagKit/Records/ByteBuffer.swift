#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Foundation
#endif

/// A growable byte buffer for ``JSONWriter``: an `[UInt8]` that appends short runs inline.
///
/// Why not `[UInt8]`: a labelled record is written as a few hundred appends of 1–30 bytes (keys,
/// pre-rendered fragments, numbers), and `Array.append(contentsOf:)` turns each into a generic
/// call and a `memmove`. Here short runs are copied with two overlapping word stores. Value
/// semantics are kept with copy-on-write.
struct ByteBuffer {
  /// The storage, shared between copies until one of them writes.
  private final class Storage {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int

    init(capacity: Int) {
      self.capacity = max(capacity, 16)
      base = Self.allocate(self.capacity)
    }

    /// `malloc`, not `UnsafeMutablePointer.allocate`, so that growing can `realloc`: a large
    /// buffer (a chunk's output runs to megabytes) then grows without copying what it holds.
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
      guard let memory = malloc(capacity) else { fatalError("out of memory: \(capacity) bytes for JSON output") }
      return memory.assumingMemoryBound(to: UInt8.self)
    }

    func copy(minimumCapacity: Int) -> Storage {
      let copy = Storage(capacity: max(minimumCapacity, capacity))
      copy.base.update(from: base, count: count)
      copy.count = count
      return copy
    }

    /// Makes room for `newCapacity` bytes in place (only for storage no other buffer shares).
    func resize(to newCapacity: Int) {
      guard let memory = realloc(base, newCapacity) else { fatalError("out of memory: \(newCapacity) bytes for JSON output") }
      base = memory.assumingMemoryBound(to: UInt8.self)
      capacity = newCapacity
    }

    deinit { free(base) }
  }

  private var storage: Storage

  /// Creates an empty buffer with room for `capacity` bytes.
  init(capacity: Int = 4096) { storage = Storage(capacity: capacity) }

  /// The number of bytes.
  var count: Int { storage.count }

  /// The bytes, as an array (a copy).
  var array: [UInt8] { Array(UnsafeBufferPointer(start: storage.base, count: storage.count)) }

  /// Makes room for `extra` more bytes and returns where they go.
  @inline(__always)
  private mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if _slowPath(!isKnownUniquelyReferenced(&storage) || storage.count + extra > storage.capacity) {
      grow(extra)
    }
    return storage.base + storage.count
  }

  private mutating func grow(_ extra: Int) {
    let needed = storage.count + extra
    if isKnownUniquelyReferenced(&storage) {
      storage.resize(to: max(needed, storage.capacity * 2))
    } else {
      storage = storage.copy(minimumCapacity: needed)
    }
  }

  /// Appends one byte.
  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1).pointee = byte
    storage.count += 1
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(_ source: UnsafeRawPointer, count: Int) {
    let target = UnsafeMutableRawPointer(reserve(count))
    switch count {
    case 8...16:
      // Two overlapping 8-byte words cover 8 to 16 bytes.
      target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
      target.storeBytes(
        of: source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
      target.storeBytes(
        of: source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self), toByteOffset: count - 4, as: UInt32.self)
    case 0..<4:
      for offset in 0..<count {
        target.storeBytes(of: source.load(fromByteOffset: offset, as: UInt8.self), toByteOffset: offset, as: UInt8.self)
      }
    default:
      target.copyMemory(from: source, byteCount: count)
    }
    storage.count += count
  }

  /// Appends bytes.
  @inline(__always)
  mutating func append(contentsOf source: UnsafeBufferPointer<UInt8>) {
    guard let base = source.baseAddress else { return }
    append(base, count: source.count)
  }

  /// Appends bytes.
  mutating func append(contentsOf source: some Sequence<UInt8>) {
    for byte in source { append(byte) }
  }

  /// Empties the buffer, keeping its capacity.
  mutating func removeAll() {
    if isKnownUniquelyReferenced(&storage) {
      storage.count = 0
    } else {
      storage = Storage(capacity: storage.capacity)
    }
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The output of an earlier run, indexed by record id, so that `govtag tag --previous OLD` can
/// copy a record instead of labelling it again when nothing that affects it changed: same input
/// fields, same lexicons (rules version) and same GovTag version.
///
/// Only offsets are kept in memory (not records); the record is read back with `pread`, which
/// is safe from several worker threads at once.
public final class PreviousRun: @unchecked Sendable {
  // @unchecked: `index` is immutable after init, and `pread` on the descriptor is thread-safe.
  struct Entry {
    var offset: Int
    var length: Int
    var textHash: String
  }

  /// The file name as given.
  public let path: String
  private let descriptor: Int32
  private let index: [String: Entry]
  /// Records indexed (those carrying the current rules and GovTag versions).
  public var count: Int { index.count }

  /// Indexes `path`, keeping only records labelled with `rulesVersion` by this GovTag version.
  ///
  /// - Throws: `GovTagError` when the file cannot be read.
  public init(path: String, rulesVersion: String) throws {
    self.path = path
    let reader = try LineReader(path: path)
    struct Stamp: Decodable {
      var id: String?
      var text_hash: String?
      var lexicon_version: String?
      var govtag_version: String?
    }
    var index: [String: Entry] = [:]
    var offset = 0
    let decoder = JSONDecoder()
    while let line = try reader.nextLine() {
      defer { offset += line.count + 1 }
      guard let stamp = try? decoder.decode(Stamp.self, from: Data(line)), let id = stamp.id, let hash = stamp.text_hash,
        stamp.lexicon_version == rulesVersion, stamp.govtag_version == GovTagVersion.current
      else { continue }
      index[id] = Entry(offset: offset, length: line.count, textHash: hash)
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw GovTagError(.io, "cannot open the previous output: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
    descriptor = fd
    self.index = index
  }

  deinit { close(descriptor) }

  /// The earlier output record for `document`, if it can stand for a new one unchanged.
  func reusableRecord(for document: Document) -> [UInt8]? {
    guard let entry = index[document.id], entry.textHash == document.textHash else { return nil }
    var bytes = [UInt8](repeating: 0, count: entry.length)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, entry.length, off_t(entry.offset)) }
    guard read == entry.length,
      case .object(let old)? = bytes.withUnsafeBufferPointer({ try? JSONValueParser.parse($0) })
    else { return nil }
    // Every input field must be the same, or the copy would carry stale values.
    let own = LabelledRecordWriter.ownFields
    let oldInput = old.filter { !own.contains($0.key) }
    let newInput = document.fields.filter { !own.contains($0.key) }
    return oldInput == newInput ? bytes : nil
  }
}

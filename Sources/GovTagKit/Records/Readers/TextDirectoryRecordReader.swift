import Foundation

#if canImport(Glibc)
  import Glibc  // strerror
#endif

/// Reads a directory of `.txt` files, in path order: each file is a record whose id is its path
/// relative to the directory and whose text is its content.
///
/// Nothing under the folder is skipped silently: a subfolder that cannot be read, a `.txt` that
/// is not a regular file, a `.txt` link that leads nowhere and a link that leads back into a
/// folder being read (a loop) are each reported as a failed record at their place in the order.
/// Links to folders are followed, so a folder given as a link, or holding links, reads like the
/// folder it points to.
package final class TextDirectoryRecordReader: RecordReader {
  package let name: String
  private let root: URL
  private var entries: [Entry]
  private var index = 0
  /// The hash of every file read so far (its relative path and content), when asked for.
  private var hash: StableHash?

  /// A file to read, or something under the folder to report, by its relative path.
  private struct Entry {
    var relative: String
    var problem: String?
  }

  /// A folder's identity, to recognise a loop of links.
  private struct FolderID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// What a path is, after following links (`followed`) and without (`own`).
  private struct Kind {
    var type: FileAttributeType
    var folder: FolderID
  }

  /// The type and identity of `path` itself (a link is a link), or `nil` when it does not exist.
  private static func kind(of path: String) -> Kind? {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      let type = attributes[.type] as? FileAttributeType
    else { return nil }
    let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value ?? 0
    let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    return Kind(type: type, folder: FolderID(device: device, inode: inode))
  }

  /// The type and identity of what `path` leads to through links; `nil` when it leads nowhere.
  private static func followed(_ path: String) -> Kind? {
    guard let own = kind(of: path) else { return nil }
    guard own.type == .typeSymbolicLink else { return own }
    guard let target = kind(of: URL(fileURLWithPath: path).resolvingSymlinksInPath().path), target.type != .typeSymbolicLink
    else {
      return nil
    }
    return target
  }

  /// Lists the `.txt` files under `path`, recursively, following links to folders.
  ///
  /// - Parameters:
  ///   - path: the folder.
  ///   - hashingConsumedBytes: whether to hash each file read (``consumedBytesHash()``).
  /// - Throws: `GovTagError` when the directory cannot be read.
  package init(path: String, hashingConsumedBytes: Bool = false) throws {
    name = path
    if hashingConsumedBytes { hash = StableHash() }
    root = URL(fileURLWithPath: path)
    guard let top = Self.followed(path), top.type == .typeDirectory else {
      throw GovTagError(.io, "cannot read the directory", at: SourceLocation(file: path))
    }
    do {
      _ = try FileManager.default.contentsOfDirectory(atPath: path)
    } catch {
      throw GovTagError(
        .io, "cannot read the directory: \(Self.reason(error))", at: SourceLocation(file: path), hint: "check its permissions")
    }
    var found: [Entry] = []
    Self.walk(path, relative: "", ancestors: [top.folder], into: &found)
    entries = found.sorted { $0.relative < $1.relative }
  }

  private static func walk(_ directory: String, relative: String, ancestors: Set<FolderID>, into found: inout [Entry]) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory)
    } catch {
      found.append(Entry(relative: relative, problem: "cannot read the folder: \(reason(error)); its files are not labelled"))
      return
    }
    for name in names {
      let path = directory + "/" + name
      let child = relative.isEmpty ? name : relative + "/" + name
      let isText = name.lowercased().hasSuffix(".txt")
      guard Self.kind(of: path) != nil else { continue }  // removed while listing
      guard let info = followed(path) else {
        if isText { found.append(Entry(relative: child, problem: "a symbolic link that leads nowhere")) }
        continue
      }
      switch info.type {
      case .typeDirectory:
        let id = info.folder
        guard !ancestors.contains(id) else {
          found.append(Entry(relative: child, problem: "a symbolic link back into a folder being read (a loop): not followed"))
          continue
        }
        walk(path, relative: child, ancestors: ancestors.union([id]), into: &found)
      case .typeRegular:
        if isText { found.append(Entry(relative: child, problem: nil)) }
      default:
        if isText { found.append(Entry(relative: child, problem: "not a regular file (a FIFO, socket or device): not read")) }
      }
    }
  }

  /// What the reader will read, in order: each file's path relative to the folder, and for
  /// what it reports instead of reading, the problem. The resume fingerprint is built from this
  /// listing, so it sees exactly the files a run reads (links followed, loops cut).
  var listing: [(relative: String, problem: String?)] { entries.map { ($0.relative, $0.problem) } }

  /// The system's reason in a Foundation error, such as "Permission denied".
  private static func reason(_ error: any Error) -> String {
    if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if (error as NSError).code == NSFileReadNoPermissionError { return "Permission denied" }
    return (error as NSError).localizedDescription
  }

  package func consumedBytesHash() -> StableHash? { hash }

  package func next() throws -> RawRecord? {
    guard index < entries.count else { return nil }
    let entry = entries[index]
    let relative = entry.relative
    index += 1
    hash?.combine(relative)
    let location = SourceLocation(file: name + "/" + relative)
    if let problem = entry.problem {
      let error = RecordError(location: location, id: relative, reason: problem)
      return RawRecord(location: location, payload: .failure(error), byteCount: 0)
    }
    let path = root.appendingPathComponent(relative).path
    guard let data = FileManager.default.contents(atPath: path) else {
      hash?.combine("unreadable")
      let error = RecordError(location: location, id: relative, reason: "cannot read the file")
      return RawRecord(location: location, payload: .failure(error), byteCount: 0)
    }
    if hash != nil {
      data.withUnsafeBytes { hash?.combine($0.bindMemory(to: UInt8.self)) }
      hash?.combine(CollectionOfOne(0xFF))  // so that two files' contents cannot run into each other
    }
    guard let text = String(data: data, encoding: .utf8) else {
      let bad = data.withUnsafeBytes { UTF8Text.firstInvalidOffset(in: $0.bindMemory(to: UInt8.self)) } ?? 0
      let error = RecordError(
        location: location, id: relative, reason: "invalid UTF-8 at byte \(bad + 1) of the file",
        hint: "convert the file to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)")
      return RawRecord(location: location, payload: .failure(error), byteCount: data.count)
    }
    let document = Document(id: relative, title: nil, text: text, fields: ["id": .string(relative), "text": .string(text)])
    return RawRecord(location: location, payload: .document(document), byteCount: data.count)
  }
}

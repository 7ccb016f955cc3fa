import Foundation

/// Reads a directory of `.txt` files, in path order: each file is a record whose id is its path
/// relative to the directory and whose text is its content.
public final class TextDirectoryRecordReader: RecordReader {
  public let name: String
  private let root: URL
  private var files: [String]
  private var index = 0

  /// Lists the `.txt` files under `path`, recursively.
  ///
  /// - Throws: `GovTagError` when the directory cannot be read.
  public init(path: String) throws {
    name = path
    root = URL(fileURLWithPath: path)
    guard let enumerator = FileManager.default.enumerator(atPath: path) else {
      throw GovTagError(.io, "cannot read the directory", at: SourceLocation(file: path))
    }
    var found: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.lowercased().hasSuffix(".txt") { found.append(relative) }
    }
    files = found.sorted()
  }

  public func next() throws -> RawRecord? {
    guard index < files.count else { return nil }
    let relative = files[index]
    index += 1
    let path = root.appendingPathComponent(relative).path
    let location = SourceLocation(file: name + "/" + relative)
    guard let data = FileManager.default.contents(atPath: path) else {
      let error = RecordError(location: location, id: relative, reason: "cannot read the file")
      return RawRecord(location: location, payload: .failure(error), byteCount: 0)
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

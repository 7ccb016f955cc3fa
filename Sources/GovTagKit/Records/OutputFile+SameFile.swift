import Foundation

extension OutputFile {
  /// Refuses outputs that would replace an input or each other.
  ///
  /// Paths are compared as files (device and inode), so a symbolic link, a relative path or a
  /// `./` spelling of an input is caught; outputs that do not exist yet are compared by their
  /// absolute path with symbolic links resolved. Standard input is compared by what it is
  /// redirected from. FIFOs and devices are never refused: writing to `/dev/null` while reading
  /// from it is harmless.
  ///
  /// - Parameters:
  ///   - outputs: the output paths (`-` and `nil` are skipped), e.g. `-o` and `--errors`.
  ///   - inputs: the input paths; `-` is standard input.
  ///   - inputName: how messages name an input: `the input` (a record file), `the lexicon file`.
  /// - Throws: `GovTagError` with code `.usage` naming both paths.
  package static func refuseOverlap(
    outputs: [(option: String, path: String?)], inputs: [String], inputName: String = "the input"
  ) throws {
    let written = outputs.compactMap { item in item.path.flatMap { $0 == "-" ? nil : (item.option, $0) } }
    for (index, (option, path)) in written.enumerated() {
      let identity = FileStatus(path)
      for input in inputs {
        guard let inputIdentity = FileStatus(input), inputIdentity.kind == .regular, inputIdentity.isSameFile(as: identity) else {
          continue
        }
        let shown = input == "-" ? "standard input" : "\(inputName) \(input)"
        throw GovTagError(
          .usage, "\(option) \(path) is the same file as \(shown); the run would replace its own input",
          at: SourceLocation(file: path), hint: "write the output to another file")
      }
      for (otherOption, other) in written[..<index] {
        let same = FileStatus(other).map { $0.kind == .regular && $0.isSameFile(as: identity) } ?? false
        guard same || (identity == nil && Self.canonicalPath(path) == Self.canonicalPath(other)) else { continue }
        throw GovTagError(
          .usage, "\(option) \(path) is the same file as \(otherOption) \(other)", at: SourceLocation(file: path),
          hint: "give each output its own file")
      }
    }
  }

  /// The absolute path with `.`, `..` and the symbolic links of its existing folders resolved.
  static func canonicalPath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}

extension FileStatus {
  /// Whether `other` is this file (same device and inode).
  func isSameFile(as other: FileStatus?) -> Bool {
    guard let other else { return false }
    return device == other.device && inode == other.inode
  }
}

/// A place in an input file: the file's path and a 1-based line and, where known, column.
///
/// Every error about user input carries one, so that messages read like a compiler's:
/// `Lexicons/capability.yaml:12:7: duplicate term "一网通办" …`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The path as the user named it (not made absolute, so messages stay short).
  public var file: String
  /// The 1-based line, or `nil` when the problem concerns the whole file.
  public var line: Int?
  /// The 1-based column, counted in Unicode scalars, or `nil` when unknown.
  public var column: Int?

  /// Creates a location.
  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file`, `file:line` or `file:line:column`.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }
}

import ArgumentParser
import Foundation
import GovTagKit

/// A text given on the command line, as a file path, or `-` for standard input.
struct TextInput: ParsableArguments {
  @Argument(help: "The text itself, a file holding it, or - for standard input.")
  var text: String

  @Option(help: "A title to read with the text.")
  var title: String?

  /// The text: the named file's content if `text` names an existing file, standard input for `-`.
  func resolve() throws -> String {
    if text == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return try decode(data, name: "<stdin>")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), !isDirectory.boolValue {
      guard let data = FileManager.default.contents(atPath: text) else {
        throw GovTagError(.io, "cannot read the file", at: SourceLocation(file: text))
      }
      return try decode(data, name: text)
    }
    return text
  }

  private func decode(_ data: Data, name: String) throws -> String {
    guard let string = String(data: data, encoding: .utf8) else {
      throw GovTagError(
        .input, "the text is not valid UTF-8", at: SourceLocation(file: name),
        hint: "convert it to UTF-8 (for GBK files: iconv -f GB18030 -t UTF-8)")
    }
    return string
  }
}

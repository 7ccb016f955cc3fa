import ArgumentParser
import Foundation
import GovTagKit

/// A text given on the command line, as a file path, or `-` for standard input.
struct TextInput: ParsableArguments {
  @Argument(help: "The text itself, a file holding it, or - for standard input.")
  var text: String

  @Option(help: "A title to read with the text.")
  var title: String?

  /// The text: the named file's content if `text` names an existing file, standard input for `-`,
  /// else `text` itself.
  ///
  /// An argument that was surely meant as a file is refused rather than read as text, so that a
  /// mistyped path is not explained as eight Latin letters: a folder, a file of records (`.jsonl`,
  /// `.json`, `.csv`: explain reads one plain text), and a missing path (a `/` or a file extension,
  /// no Chinese character).
  func resolve() throws -> String {
    if text == "-" {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      return try decode(data, name: "<stdin>")
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory) {
      guard !isDirectory.boolValue else {
        throw GovTagError(
          .input, "this is a folder, not a text", at: SourceLocation(file: text),
          hint: "give one text file, the text itself, or - for standard input; label a folder of .txt files with govtag tag")
      }
      if let format = Self.recordFormats.first(where: { text.lowercased().hasSuffix(".\($0)") }) {
        throw GovTagError(
          .input, "this is a file of records (\(format)), not one text", at: SourceLocation(file: text),
          hint: "label its records with govtag tag \(text), or give one record's text (a .txt file, the text itself, or -)")
      }
      guard let data = FileManager.default.contents(atPath: text) else {
        throw GovTagError(.io, "cannot read the file", at: SourceLocation(file: text))
      }
      return try decode(data, name: text)
    }
    if Self.looksLikePath(text) {
      throw GovTagError(
        .input, "no such file", at: SourceLocation(file: text),
        hint: "check the path; to use these characters as the text itself, send them on standard input (echo '…' | govtag … -)")
    }
    return text
  }

  /// File extensions of record files, which `tag` reads and a text argument never is.
  static let recordFormats = ["jsonl", "json", "csv"]

  /// Whether a missing argument was meant as a path: no CJK ideograph, and a `/` or a short
  /// file extension (`notes.txt`). Case narratives are Chinese, so text without an ideograph
  /// that looks like a path is a mistyped path far more often than a text.
  static func looksLikePath(_ argument: String) -> Bool {
    guard !argument.unicodeScalars.contains(where: { $0.value >= 0x3400 && $0.value <= 0x9FFF }) else { return false }
    if argument.contains("/") && !argument.contains(" ") { return true }
    guard let dot = argument.lastIndex(of: "."), dot != argument.startIndex else { return false }
    let ext = argument[argument.index(after: dot)...]
    return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
      && ext.contains(where: \.isLetter) && !argument.contains(" ")
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

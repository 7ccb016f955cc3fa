/// Recognises a compressed file by its first bytes, so that a `.jsonl.gz` is refused as
/// compressed (with the command that decompresses it) instead of as invalid UTF-8 with a hint
/// about GBK encodings. GovTag reads uncompressed text; piping through the decompressor keeps
/// it streaming (`zcat cases.jsonl.gz | govtag tag -`).
enum CompressedInput {
  /// The formats recognised: magic bytes, name, and the command that writes the text to stdout.
  static let formats: [(magic: [UInt8], name: String, command: String)] = [
    ([0x1F, 0x8B], "gzip", "zcat"),
    ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "zstdcat"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "xzcat"),
    ([0x42, 0x5A, 0x68], "bzip2", "bzcat"),
    ([0x50, 0x4B, 0x03, 0x04], "zip (an .xlsx or .docx is one too: save a spreadsheet as CSV)", "unzip -p"),
  ]

  /// Throws when `start`, the first bytes of an input, begin a compressed file.
  ///
  /// - Parameters:
  ///   - start: the input's first bytes (a few are enough).
  ///   - name: the input's path or `<stdin>`, for the message.
  /// - Throws: `GovTagError` with code `.input` naming the format and the command to use.
  static func refuse(_ start: some Collection<UInt8>, name: String) throws {
    guard let format = formats.first(where: { start.starts(with: $0.magic) }) else { return }
    let source = name == "<stdin>" ? "the file" : name
    throw GovTagError(
      .input, "the input is \(format.name)-compressed; GovTag reads uncompressed text", at: SourceLocation(file: name),
      hint: "decompress it on the way in: \(format.command) \(source) | govtag … - (standard input)")
  }
}

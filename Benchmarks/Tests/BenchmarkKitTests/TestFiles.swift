import Foundation

/// Temporary files and repository paths for the benchmark's tests.
enum TestFiles {
  /// The GovTag repository root (this file is Benchmarks/Tests/BenchmarkKitTests/TestFiles.swift).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The main package's small, stable test lexicons.
  static var fixtureLexicons: String { repository.appendingPathComponent("Tests/Fixtures/lexicons").path }

  /// Writes `bytes` to a file in a new temporary folder, calls `body` with its path, and removes
  /// the folder afterwards, whether `body` returns or throws.
  static func withFile<Result>(_ bytes: [UInt8], _ body: (String) throws -> Result) rethrows -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtag-bench-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("texts.txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return try body(url.path)
  }

  /// ``withFile(_:_:)`` with `text` written as UTF-8.
  static func withFile<Result>(_ text: String, _ body: (String) throws -> Result) rethrows -> Result {
    try withFile(Array(text.utf8), body)
  }
}

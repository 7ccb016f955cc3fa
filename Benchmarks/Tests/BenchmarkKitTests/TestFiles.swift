import Foundation

/// Temporary files and repository paths for the benchmark's tests.
enum TestFiles {
  /// The GovTag repository root (this file is Benchmarks/Tests/BenchmarkKitTests/TestFiles.swift).
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The main package's small, stable test lexicons.
  static var fixtureLexicons: String { repository.appendingPathComponent("Tests/Fixtures/lexicons").path }

  /// Writes `bytes` to a new temporary file and returns its path.
  static func write(_ bytes: [UInt8]) -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtag-bench-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent("texts.txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url.path
  }

  /// Writes `text` as UTF-8 to a new temporary file and returns its path.
  static func write(_ text: String) -> String { write(Array(text.utf8)) }
}

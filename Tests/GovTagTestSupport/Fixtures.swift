package import Foundation
package import GovTagKit

/// Paths of the test fixtures and of the repository, found from this file's location so that
/// tests run the same from any working directory.
package enum Fixtures {
  /// The repository root.
  package static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `Tests/Fixtures/NAME`.
  package static func path(_ name: String) -> String {
    repository.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
  }

  /// The small, stable test lexicons.
  package static var lexiconDirectory: String { path("lexicons") }

  /// The grammar words of the bundled `Lexicons/scope.yaml` (将, 要 …), for the scope files that
  /// tests write: every scope file needs them.
  package static let scopeGrammar = """
    negation_stops_at: [即]
    will: {word: 将, prefixes: [还, 也]}
    must: {word: 要, not_after: [重, 主, 需, 只, 必], not_before: [求, 点]}
    speech_not_after: [的]
    meeting_demand: {word: 要求, after: [会议, 会上]}

    """

  /// The test lexicons (with their gazetteer and scope cues), loaded and compiled once.
  package static let model: ClassifierModel = {
    do {
      return try ClassifierModel.load(lexiconDirectory: lexiconDirectory)
    } catch {
      fatalError("the test lexicons must load: \(error)")
    }
  }()

  /// A fresh temporary directory, removed when the test process exits.
  ///
  /// Removal at exit rather than at the end of each test: a test's folder is often still in use
  /// by a process it started, and every test gets the clean-up without a `defer` of its own.
  package static func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("govtag-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryDirectories.register(url.path)
    return url
  }

  /// Writes `text` to a new file in `directory` and returns its path.
  @discardableResult
  package static func write(_ text: String, to name: String, in directory: URL) -> String {
    let url = directory.appendingPathComponent(name)
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    return url.path
  }
}

/// The temporary directories of this test process, removed by an `atexit` handler.
enum TemporaryDirectories {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: [String] = []
  nonisolated(unsafe) private static var installed = false

  static func register(_ path: String) {
    lock.lock()
    defer { lock.unlock() }
    paths.append(path)
    guard !installed else { return }
    installed = true
    atexit { TemporaryDirectories.removeAll() }
  }

  static func removeAll() {
    lock.lock()
    let all = paths
    paths = []
    lock.unlock()
    for path in all { try? FileManager.default.removeItem(atPath: path) }
  }
}

import Foundation
import GovTagKit

/// A progress line redrawn in place on a terminal's standard error: records/s, MB/s, elapsed
/// and, when the inputs are files of known size, the estimated time left.
final class ProgressLine {
  private let enabled: Bool
  private let totalBytes: Int?
  private var lastDrawn = Date.distantPast
  private var drawn = false

  /// - Parameters:
  ///   - enabled: whether to draw at all (standard error is a terminal, no `--quiet`).
  ///   - inputs: the inputs, to size the job; standard input or a folder leaves the ETA unknown.
  init(enabled: Bool, inputs: [String] = []) {
    self.enabled = enabled
    var total = 0
    var known = !inputs.isEmpty
    for path in inputs {
      var isDirectory: ObjCBool = false
      guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
      else {
        known = false
        break
      }
      total += size.intValue
    }
    totalBytes = known ? total : nil
  }

  /// Redraws at most five times a second.
  func update(_ summary: RunSummary) {
    guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.2 else { return }
    lastDrawn = Date()
    let seconds = max(summary.seconds, 0.001)
    let rate = Double(summary.recordsRead - summary.resumedRecords) / seconds
    let bytesPerSecond = Double(summary.bytesRead - summary.resumedBytes) / seconds
    var eta = ""
    if let totalBytes, bytesPerSecond > 0 {
      let left = Double(max(totalBytes - summary.bytesRead, 0)) / bytesPerSecond
      eta = left >= 60 ? String(format: " · ETA %dm%02ds", Int(left) / 60, Int(left) % 60) : String(format: " · ETA %.0f s", left)
    }
    let line =
      String(
        format: "\r\u{1B}[K%d records, %d failed · %.0f records/s · %.1f MB/s · %.0f s", summary.recordsRead,
        summary.failed, rate, bytesPerSecond / 1_000_000, summary.seconds) + eta
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Shows how far indexing the previous output (`--previous`) got, at most five times a second.
  ///
  /// - Parameters:
  ///   - path: the previous output.
  ///   - bytes: bytes of it read so far.
  ///   - total: its size, when known.
  ///   - seconds: time spent so far.
  func indexing(_ path: String, bytes: Int, of total: Int?, seconds: Double) {
    guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.2 else { return }
    lastDrawn = Date()
    let read = String(format: "%.1f", Double(bytes) / 1_000_000)
    let size = total.map { String(format: " of %.1f", Double($0) / 1_000_000) } ?? ""
    let line = "\r\u{1B}[Kindexing \(path) for --previous: \(read)\(size) MB · \(String(format: "%.0f", seconds)) s"
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Erases the line before other output.
  func clear() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    drawn = false
  }
}

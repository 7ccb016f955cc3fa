import Foundation
import GovTagKit

/// A progress line redrawn in place on a terminal's standard error: records/s, MB/s, elapsed.
final class ProgressLine {
  private let enabled: Bool
  private var lastDrawn = Date.distantPast
  private var drawn = false

  init(enabled: Bool) { self.enabled = enabled }

  /// Redraws at most five times a second.
  func update(_ summary: RunSummary) {
    guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.2 else { return }
    lastDrawn = Date()
    let seconds = max(summary.seconds, 0.001)
    let rate = Double(summary.recordsRead) / seconds
    let megabytes = Double(summary.bytesRead) / 1_000_000
    let line = String(
      format: "\r\u{1B}[K%d records, %d failed · %.0f records/s · %.1f MB/s · %.0f s", summary.recordsRead,
      summary.failed, rate, megabytes / seconds, summary.seconds)
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

package import Foundation
package import GovTagKit
import Synchronization

/// The lexicons the server labels with, replaced whole when they are reloaded.
///
/// A request takes a ``Snapshot`` once, at its start, and labels every one of its records with
/// it: a reload while it runs changes nothing for it (it finishes on the old version, which it
/// names in its answer), and the next request gets the new one. A reload that fails to load
/// (anything `govtag lexicon check` would refuse) leaves the current lexicons in place.
package final class LexiconStore: Sendable {
  /// One loaded set of lexicons.
  package struct Snapshot: Sendable {
    /// The loaded lexicons.
    package let govtag: GovTag
    /// When they were loaded.
    package let loadedAt: Date
    /// 1 for the lexicons loaded at start, one more for each reload that replaced them.
    package let generation: Int
  }

  /// What a reload did.
  package enum ReloadOutcome: Sendable, Equatable {
    /// New lexicons are in place (their version may equal the old one when nothing changed).
    case reloaded(from: String, to: String, generation: Int, warnings: [String])
    /// The lexicons did not load; the old ones stay. Each problem names a file and line.
    case refused(problems: [String], keeping: String)
    /// Another reload is running; try again when it ends.
    case busy
    /// Another reload is running; this one runs again right after it (`queueIfBusy`).
    case queued
  }

  private let current: Mutex<Snapshot>
  /// Whether a reload is running, and whether another was asked for meanwhile.
  /// (Set in the initialiser, after the lexicons load: set here, it made swift-frontend 6.3.1
  /// crash in release builds, CopyPropagation on the path where loading throws.)
  private let reloadState: Mutex<(running: Bool, pending: Bool)>
  /// The folder every reload reads: the one chosen at start.
  package let directory: String

  /// Loads the lexicons of `lexicons` (or the folder `govtag` would use).
  ///
  /// - Parameters:
  ///   - lexicons: the lexicon folder, or `nil` to look it up.
  ///   - warn: called with each warning (a missing `scope.yaml` or `gazetteer.yaml`, a stale
  ///     `calibration.yaml`).
  /// - Throws: `GovTagErrors` or `GovTagError` when they cannot be loaded.
  package init(lexicons: String?, warn: (GovTagError) -> Void = { _ in }) throws {
    let govtag = try GovTag(lexicons: lexicons, warn: warn)
    directory = govtag.lexiconDirectory.path
    current = Mutex(Snapshot(govtag: govtag, loadedAt: Date(), generation: 1))
    reloadState = Mutex((running: false, pending: false))
  }

  /// The lexicons to label the next request with.
  package var snapshot: Snapshot { current.withLock { $0 } }

  /// Loads the lexicon folder again and, when it loads, puts it in place of the current one.
  ///
  /// Loading takes a fraction of a second and runs while requests go on with the old lexicons.
  ///
  /// - Returns: what happened; never throws, since a failed reload keeps the server as it was.
  /// - Parameter queueIfBusy: when another reload is running, reload again once it ends
  ///   (SIGHUP: an operator's newer edit is never lost) instead of answering ``ReloadOutcome/busy``.
  /// - Returns: what happened (for a reload that ran again, its last outcome); never throws,
  ///   since a failed reload keeps the server as it was.
  package func reload(queueIfBusy: Bool = false) -> ReloadOutcome {
    let claimed = reloadState.withLock { state in
      if state.running {
        if queueIfBusy { state.pending = true }
        return false
      }
      state.running = true
      return true
    }
    guard claimed else { return queueIfBusy ? .queued : .busy }
    var outcome = load()
    while reloadState.withLock({ state in
      if state.pending {
        state.pending = false
        return true
      }
      state.running = false
      return false
    }) {
      outcome = load()
    }
    return outcome
  }

  /// Loads the folder and, when it loads, puts it in place.
  private func load() -> ReloadOutcome {
    var warnings: [String] = []
    let loaded: GovTag
    do {
      loaded = try GovTag(lexicons: directory) { warnings.append($0.description) }
    } catch let errors as GovTagErrors {
      return .refused(problems: errors.errors.map(\.description), keeping: snapshot.govtag.lexiconVersion)
    } catch {
      return .refused(problems: ["\(error)"], keeping: snapshot.govtag.lexiconVersion)
    }
    return current.withLock { snapshot in
      let old = snapshot.govtag.lexiconVersion
      snapshot = Snapshot(govtag: loaded, loadedAt: Date(), generation: snapshot.generation + 1)
      return .reloaded(from: old, to: loaded.lexiconVersion, generation: snapshot.generation, warnings: warnings)
    }
  }
}

import Foundation

/// What an interrupted run leaves beside its unfinished output (`OUT.partial.state`), so that
/// `--resume` can continue exactly where the output stops.
///
/// The state is saved only after the output bytes it counts were written, so it never runs
/// ahead of the output; a resumed run truncates the output to `outputBytes` (dropping anything
/// written after the last save) and skips the records already handled. Because records are
/// written in input order and labelling is deterministic, the finished file is byte-identical to
/// an uninterrupted run's.
struct ResumeState: Codable, Equatable {
  struct Input: Codable, Equatable {
    var path: String
    var size: Int64
    var modified: Double
    /// For a folder of `.txt` files: what its files were (a folder's own size and time do not
    /// change when a file in it is edited, or when a subfolder changes).
    var folder: Folder?
  }

  /// A folder's `.txt` files, in short: how many, their total size, and a hash of every
  /// relative path, size and modification time (to the nanosecond), in path order.
  struct Folder: Codable, Equatable {
    var files: Int
    var bytes: Int64
    var listingHash: String
  }

  static let formatVersion = 1

  var format = Self.formatVersion
  var rulesVersion: String
  var govtagVersion: String
  var options: String
  var inputs: [Input]
  /// Inputs finished before `inputIndex`; in `inputIndex`, raw records handled so far.
  var inputIndex: Int
  var recordsInInput: Int
  var outputBytes: Int
  var errorsBytes: Int
  var recordsWritten: Int
  var summary: RunSummary

  /// The path of the state of an output.
  static func path(for output: String) -> String { output + ".partial.state" }

  /// Describes `paths` for the state: size and modification time, so a changed input is noticed.
  static func describe(_ paths: [String]) -> [Input] {
    paths.map { path in
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
      let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      var isDirectory: ObjCBool = false
      let folder = path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
      return Input(path: path, size: size, modified: modified, folder: folder ? describeFolder(path) : nil)
    }
  }

  /// Fingerprints the `.txt` files under `path` as ``TextDirectoryRecordReader`` lists them
  /// (recursively, through links to folders, loops cut): each file's relative path, size and
  /// modification time, and each entry the reader would report instead of reading. A folder that
  /// cannot be read fingerprints as such.
  static func describeFolder(_ path: String) -> Folder {
    guard let reader = try? TextDirectoryRecordReader(path: path) else {
      return Folder(files: 0, bytes: 0, listingHash: "unreadable")
    }
    var hash = StableHash()
    var files = 0
    var bytes: Int64 = 0
    for entry in reader.listing {
      hash.combine(entry.relative)
      if let problem = entry.problem {
        hash.combine("problem: " + problem)
      } else if let file = FileStatus(path + "/" + entry.relative) {
        files += 1
        bytes += file.size
        hash.combine("\(file.size) \(file.modifiedSeconds).\(file.modifiedNanoseconds)")
      } else {
        hash.combine("gone")
      }
    }
    return Folder(files: files, bytes: bytes, listingHash: hash.hexDigest)
  }

  /// Loads the state of `output`.
  ///
  /// - Parameters:
  ///   - output: the output file of the interrupted run.
  ///   - names: how hints name the caller's settings (``SettingNames/Setting/resume``).
  /// - Throws: `GovTagError` when there is none or it cannot be read.
  static func load(for output: String, names: SettingNames = SettingNames()) throws -> ResumeState {
    let path = Self.path(for: output)
    let runAgain = names[.resume].map { "run without \($0)" } ?? "run without resuming"
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GovTagError(
        .usage, "there is no interrupted run to resume", at: SourceLocation(file: output),
        hint: "\(path) does not exist; \(runAgain)")
    }
    do {
      let state = try JSONDecoder().decode(ResumeState.self, from: data)
      guard state.format == formatVersion else {
        throw GovTagError(.usage, "the resume state was written by another GovTag version", at: SourceLocation(file: path))
      }
      return state
    } catch let error as GovTagError {
      throw error
    } catch {
      throw GovTagError(
        .io, "the resume state cannot be read: \(error)", at: SourceLocation(file: path), hint: runAgain)
    }
  }

  /// Saves atomically (temporary file, then rename).
  func save(for output: String) throws {
    let path = Self.path(for: output)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    do {
      try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw GovTagError(.io, "cannot save the resume state: \(error.localizedDescription)", at: SourceLocation(file: path))
    }
  }

  /// Removes the state of `output`, once the output is complete.
  static func remove(for output: String) {
    try? FileManager.default.removeItem(atPath: path(for: output))
  }

  /// Why this state cannot continue a run with these settings, or `nil` when it can.
  func mismatch(rulesVersion: String, options: String, inputs: [Input]) -> String? {
    if self.rulesVersion != rulesVersion {
      return "the lexicons changed since the interrupted run (version \(self.rulesVersion), now \(rulesVersion))"
    }
    if govtagVersion != GovTagVersion.current { return "the interrupted run used GovTag \(govtagVersion)" }
    if self.options != options { return "the output options differ from the interrupted run's (\(self.options))" }
    if self.inputs.map(\.path) != inputs.map(\.path) {
      return "the inputs differ from the interrupted run's (\(self.inputs.map(\.path).joined(separator: " ")))"
    }
    for (old, new) in zip(self.inputs, inputs) where old != new && old.path != "-" {
      if let before = old.folder, let now = new.folder {
        if before.files != now.files {
          return "the folder \(new.path) changed since the interrupted run: it held \(before.files) .txt files, now \(now.files)"
        }
        if before.bytes != now.bytes {
          return
            "the folder \(new.path) changed since the interrupted run: its .txt files held \(before.bytes) bytes, now \(now.bytes)"
        }
        if before.listingHash != now.listingHash {
          return "the folder \(new.path) changed since the interrupted run: a .txt file was renamed, replaced or modified"
        }
        continue  // the folder's own time changed (a file that is not .txt came or went)
      }
      return "\(new.path) changed since the interrupted run"
    }
    return nil
  }
}

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

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
    /// The absolute path with links resolved, and the file's device and inode (`nil` for
    /// standard input), so that the same file named another way (`./big.jsonl`, an absolute
    /// path, from another folder) is the same input.
    var realPath: String?
    var device: UInt64?
    var inode: UInt64?
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

  /// 2: the consumed bytes' hash, the errors file, the review band and the options by name.
  static let formatVersion = 2

  var format = Self.formatVersion
  var rulesVersion: String
  /// The rules version without the calibration and review band (``ClassifierModel/lexiconRulesVersion``),
  /// to tell a lexicon edit from another `--review-band`.
  var lexiconRulesVersion: String
  /// The review band (`0.2,0.8`) and dimensions (`capability`), part of ``rulesVersion`` with calibrated lexicons.
  var reviewBand: String
  var reviewDimensions: String
  var govtagVersion: String
  /// The settings that shape the output (``BatchConfiguration/outputSettings``), by key.
  var options: [String: String]
  /// The errors file as given, and its absolute path with links resolved; `nil` without one.
  var errors: String?
  var errorsRealPath: String?
  var inputs: [Input]
  /// Inputs finished before `inputIndex`; in `inputIndex`, raw records handled so far.
  var inputIndex: Int
  var recordsInInput: Int
  /// The ``StableHash`` of input `inputIndex`'s bytes consumed once `recordsInInput` records were
  /// read: a resumed run skips those records, and checks that it skipped the same bytes.
  var consumedHash: String
  var outputBytes: Int
  var errorsBytes: Int
  var recordsWritten: Int
  var summary: RunSummary

  /// The path of the state of an output.
  static func path(for output: String) -> String { output + ".partial.state" }

  /// Describes `paths` for the state: size and modification time, so a changed input is noticed.
  static func describe(_ paths: [String]) -> [Input] {
    paths.map { path in
      // Through links, so that a link to the input describes the same file as its target.
      guard path != "-", let status = FileStatus(path) else {
        return Input(path: path, size: -1, modified: 0)
      }
      return Input(
        path: path, realPath: OutputFile.canonicalPath(path), device: status.device, inode: status.inode, size: status.size,
        modified: Double(status.modifiedSeconds) + Double(status.modifiedNanoseconds) / 1e9,
        folder: status.kind == .directory ? describeFolder(path) : nil)
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
  /// - Throws: `GovTagError` when there is none or it cannot be read; when there is none but
  ///   `OUT.partial` is there, saying whether another run is writing it or a run was stopped
  ///   before it committed anything.
  static func load(for output: String, names: SettingNames = SettingNames()) throws -> ResumeState {
    let path = Self.path(for: output)
    let runAgain = names[.resume].map { "run without \($0)" } ?? "run without resuming"
    guard let data = FileManager.default.contents(atPath: path) else {
      let partial = output + ".partial"
      switch Self.partialWithoutState(partial) {
      case .absent:
        throw GovTagError(
          .usage, "there is no interrupted run to resume", at: SourceLocation(file: output),
          hint: "\(path) does not exist; \(runAgain)")
      case .locked:
        throw GovTagError(
          .io, "another run is writing this output (\(partial) is locked)", at: SourceLocation(file: output),
          hint: "wait for that run to finish, or write to another file")
      case .left:
        throw GovTagError(
          .usage,
          "there is no interrupted run to resume: \(partial) was left by a run stopped before it committed anything (\(path) does not exist)",
          at: SourceLocation(file: output), hint: "\(OutputFile.startAgain(names)) (it replaces \(partial)), or remove \(partial)"
        )
      }
    }
    do {
      let state = try JSONDecoder().decode(ResumeState.self, from: data)
      guard state.format == formatVersion else {
        throw GovTagError(
          .usage, "the resume state was written by another GovTag version", at: SourceLocation(file: path),
          hint: OutputFile.startAgain(names))
      }
      return state
    } catch let error as GovTagError {
      throw error
    } catch {
      // A state of another format version may not decode at all: say so rather than how it fails.
      if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let format = object["format"] as? Int,
        format != formatVersion
      {
        throw GovTagError(
          .usage, "the resume state was written by another GovTag version", at: SourceLocation(file: path),
          hint: OutputFile.startAgain(names))
      }
      throw GovTagError(
        .io, "the resume state cannot be read: \(error)", at: SourceLocation(file: path), hint: runAgain)
    }
  }

  /// What an unfinished output without a state is.
  enum Unfinished {
    /// There is no `OUT.partial` either.
    case absent
    /// Another run holds its lock: it is being written.
    case locked
    /// Left by a run killed before its first state was saved.
    case left
  }

  /// Whether `partial` exists and, if so, whether a running run holds it (a shared `flock`
  /// conflicts with the writer's exclusive one).
  static func partialWithoutState(_ partial: String) -> Unfinished {
    guard FileStatus(partial, followingLinks: false) != nil else { return .absent }
    let fd = open(partial, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .left }
    defer { close(fd) }
    return flock(fd, LOCK_SH | LOCK_NB) == 0 ? .left : .locked
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
}

import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The output of an earlier run, indexed by record id, so that `govtag tag --previous OLD` can
/// copy a record instead of labelling it again when nothing that affects it changed: same input
/// fields, same lexicons (rules version), same GovTag version and same `--evidence` setting.
///
/// Only offsets are kept in memory (not records); the record is read back with `pread`, which
/// is safe from several worker threads at once. The earlier output may be JSON Lines or the JSON
/// array of `--format json` (``JSONInputReader``). Records are read as strictly as any input (see
/// ``DocumentDecoder``); one that is not a labelled record is not indexed.
package final class PreviousRun: @unchecked Sendable {
  // @unchecked: `index` is immutable after init, and `pread` on the descriptor is thread-safe.
  struct Entry {
    var offset: Int
    var length: Int
    var textHash: String
    var line: Int
  }

  /// The file name as given.
  package let path: String
  private let descriptor: Int32
  private let index: [String: Entry]
  /// Ids indexed (of records carrying the current rules and GovTag versions and written with
  /// the same evidence setting): the records that can be reused.
  package var count: Int { index.count }
  /// Records that could be indexed, duplicates included: `records - count` of them share an id
  /// with a later one, and only the last record with an id can be reused.
  package private(set) var records = 0
  /// The first record whose id an earlier one has, and how many such records there are.
  package private(set) var firstDuplicate: DuplicateID?
  package private(set) var duplicates = 0
  /// Whether indexing stopped early because `shouldStop` said so (the index is then incomplete).
  package private(set) var interrupted = false
  /// The rules version records must carry to be reused (the current lexicons').
  package let rulesVersion: String
  /// Why records were not indexed, so that "0 records can be reused" says why: per
  /// `lexicon_version` of other lexicons, per `govtag_version` of another GovTag, records written
  /// with other evidence settings, and lines that are no labelled record (or span lines in an array).
  package private(set) var otherLexiconVersions: [String: Int] = [:]
  package private(set) var otherGovTagVersions: [String: Int] = [:]
  package private(set) var otherEvidence = 0
  package private(set) var unusable = 0
  /// Records indexed but labelled again because their text or input fields changed (counted
  /// while the run asks ``reusableRecord(for:)``, from several workers).
  private let changedRecords = Atomic<Int>(0)
  package var changed: Int { changedRecords.load(ordering: .relaxed) }

  /// Indexes `path`, keeping only records labelled with `rulesVersion` by this GovTag version
  /// with evidence `evidenceDetail`.
  ///
  /// A record does not say which `--evidence` wrote it, so it is judged by its evidence: none
  /// means `none`; a near miss (a hit across a word boundary or inside a longer term) means
  /// `all`; other hits could be either, and are copied for `standard` only (for `all` they are
  /// labelled again, which costs time but never gives a record without its near misses).
  ///
  /// - Parameters:
  ///   - path: the earlier output (JSON Lines or a JSON array).
  ///   - rulesVersion: the current lexicons' rules version.
  ///   - evidenceDetail: the current `--evidence` setting.
  ///   - evidenceLayout: the current `--evidence-layout` setting.
  ///   - shouldStop: polled every 1,024 records; when it returns true, indexing stops (``interrupted``).
  ///   - onProgress: called every 1,024 records with the bytes read so far (a large earlier output
  ///     takes minutes to index, and a terminal should show it).
  /// - Throws: `GovTagError` when the file cannot be read, or holds no JSON records (UTF-16, CSV:
  ///   see ``JSONInputReader/init(path:names:contents:)``).
  package init(
    path: String, rulesVersion: String, evidenceDetail: LabelledRecordWriter.EvidenceDetail = .standard,
    evidenceLayout: LabelledRecordWriter.EvidenceLayout = .compact, shouldStop: () -> Bool = { false },
    onProgress: (Int) -> Void = { _ in }
  ) throws {
    self.path = path
    self.rulesVersion = rulesVersion
    let reader = try JSONInputReader(path: path, contents: .previousOutput)
    var index: [String: Entry] = [:]
    let decoder = DocumentDecoder()
    var seen = 0
    while let item = try reader.next() {
      seen += 1
      if seen % 1024 == 0 {
        onProgress(reader.recordOffset)
        if shouldStop() {
          interrupted = true
          break
        }
      }
      guard case .record(let line, let location) = item else { continue }
      guard
        // A record is copied into JSON Lines as it is: one that spans lines (a JSON array
        // written by hand) is labelled again instead.
        reader.form == .lines || !line.contains(where: { $0 == 0x0A || $0 == 0x0D }),
        case .success(let record) = line.withUnsafeBufferPointer({ decoder.decode($0, at: location) }),
        case .string(let hash)? = record.fields["text_hash"]
      else {
        unusable += 1
        continue
      }
      guard record.fields["lexicon_version"] == .string(rulesVersion) else {
        otherLexiconVersions[record.fields["lexicon_version"]?.stringValue ?? "(none)", default: 0] += 1
        continue
      }
      guard record.fields["govtag_version"] == .string(GovTagVersion.current) else {
        otherGovTagVersions[record.fields["govtag_version"]?.stringValue ?? "(none)", default: 0] += 1
        continue
      }
      guard Self.evidence(record.fields["evidence"], fits: evidenceDetail, layout: evidenceLayout) else {
        otherEvidence += 1
        continue
      }
      records += 1
      let lineNumber = location.line ?? 0
      if let earlier = index[record.id] {
        duplicates += 1
        if firstDuplicate == nil {
          firstDuplicate = DuplicateID(
            id: record.id, location: location, first: SourceLocation(file: location.file, line: earlier.line))
        }
      }
      index[record.id] = Entry(offset: reader.recordOffset, length: line.count, textHash: hash, line: lineNumber)
    }
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw GovTagError(
        .io, "cannot open the previous output: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
    }
    descriptor = fd
    self.index = index
  }

  /// Whether a record's `evidence` can only have been written with `detail` and `layout`.
  static func evidence(
    _ evidence: JSONValue?, fits detail: LabelledRecordWriter.EvidenceDetail, layout: LabelledRecordWriter.EvidenceLayout
  ) -> Bool {
    guard let evidence else { return detail == .none }
    let nearMissCodes = [Evidence.Status.crossesWordBoundary.code, Evidence.Status.insideLongerTerm(term: "").code]
    let nearMiss: Bool
    switch (evidence, layout) {
    case (.array(let hits), .full):
      nearMiss = hits.contains { nearMissCodes.contains($0.objectValue?["status"]?.stringValue ?? "") }
    case (.object(let dimensions), .compact):
      // {dimension: {category: {term: [[field, start, end, contribution, status?, why?], …]}}}
      nearMiss = dimensions.values.contains { categories in
        categories.objectValue?.values.contains { terms in
          terms.objectValue?.values.contains { hits in
            hits.arrayValue?.contains { hit in
              guard let parts = hit.arrayValue, parts.count > 4 else { return false }
              return nearMissCodes.contains(parts[4].stringValue ?? "")
            } ?? false
          } ?? false
        } ?? false
      }
    default: return false
    }
    switch detail {
    case .none: return false
    case .standard: return !nearMiss
    case .all: return nearMiss
    }
  }

  deinit { close(descriptor) }

  /// Why the records of the earlier output that could not be indexed are labelled again, by
  /// reason with counts, or `nil` when every record could be indexed:
  /// `524 labelled with lexicon version d874… (these lexicons are 7296…)`, `3 by GovTag 0.3.0
  /// (this is 0.4.0)`, `2 written with other --evidence or --evidence-layout settings`,
  /// `1 not a labelled record`.
  ///
  /// - Parameter names: how the reasons name the caller's settings.
  package func skippedReasons(names: SettingNames = SettingNames()) -> String? {
    var reasons: [String] = []
    for (version, count) in otherLexiconVersions.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
      reasons.append("\(count) labelled with lexicon version \(version) (these lexicons are \(rulesVersion))")
    }
    for (version, count) in otherGovTagVersions.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
      reasons.append("\(count) labelled by GovTag \(version) (this is \(GovTagVersion.current))")
    }
    if otherEvidence > 0 {
      let settings = [names[.evidence], names[.evidenceLayout]].compactMap { $0 }
      let named = settings.isEmpty ? "evidence settings" : settings.joined(separator: " or ") + " settings"
      reasons.append("\(otherEvidence) written with other \(named)")
    }
    if unusable > 0 {
      reasons.append("\(unusable) not \(unusable == 1 ? "a labelled record" : "labelled records") that can be copied")
    }
    guard !reasons.isEmpty else { return nil }
    let total = otherLexiconVersions.values.reduce(0, +) + otherGovTagVersions.values.reduce(0, +) + otherEvidence + unusable
    return "\(total) record\(total == 1 ? "" : "s") of \(path) \(total == 1 ? "is" : "are") labelled again: "
      + reasons.joined(separator: ", ")
  }

  /// The earlier output record for `document`, if it can stand for a new one unchanged.
  func reusableRecord(for document: Document) -> [UInt8]? {
    guard let entry = index[document.id] else { return nil }
    guard entry.textHash == document.textHash else {
      changedRecords.add(1, ordering: .relaxed)
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: entry.length)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, entry.length, off_t(entry.offset)) }
    guard read == entry.length,
      case .object(let old)? = bytes.withUnsafeBufferPointer({ try? JSONValueParser.parse($0) })
    else { return nil }
    // Every input field must be the same, or the copy would carry stale values.
    let own = LabelledRecordWriter.ownFields
    let oldInput = old.filter { !own.contains($0.key) }
    let newInput = document.fields.filter { !own.contains($0.key) }
    guard oldInput == newInput else {
      changedRecords.add(1, ordering: .relaxed)
      return nil
    }
    return bytes
  }
}

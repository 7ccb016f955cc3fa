/// What changed between two outputs of `govtag tag` over the same corpus, typically before and
/// after a lexicon change: which records gained or lost which category, whose place changed,
/// which records are in one file only, and which had a different input.
///
/// Records are matched by id. A record whose `text_hash` differs between the files had a
/// different input (title or text), so its labels would differ whatever the lexicons did: it is
/// listed in ``inputChanged`` and left out of every other comparison. The other records found in
/// both files are ``compared``: each is ``changed`` (its labels, or its province or region,
/// differ) or ``unchanged``.
///
/// Made by ``LabelDiffer/compare(old:new:onEvent:)``; rendered by ``markdown(ids:)`` and ``json()``.
///
///     let diff = try LabelDiffer().compare(old: "before.jsonl", new: "after.jsonl") { event in … }
///     print(diff.markdown(ids: 10))
package struct LabelDiff: Sendable, Hashable {
  /// What was read from one of the two files.
  package struct FileSummary: Sendable, Hashable {
    /// The path as given (`<stdin>` for standard input).
    package var path: String
    /// Records read and used.
    package var records = 0
    /// Lines that could not be used (bad JSON, no id, no labels…); each was reported.
    package var skipped = 0
    /// Blank lines, which hold no record.
    package var blankLines = 0
    /// The lexicon versions the records carry, in order of first appearance.
    package var lexiconVersions: [LexiconVersion] = []
    /// Records without a `location` field (written before GovTag resolved places).
    package var withoutLocation = 0
    /// Records whose id an earlier record of the same file already had; only the first is compared.
    package var duplicates: [DuplicateID] = []
    /// Why the file could not be read at all (missing, a folder, empty), if it could not.
    package var inputError: GovTagError?

    /// Creates an empty summary for `path`.
    package init(path: String) { self.path = path }

    /// Whether the records carry more than one lexicon version (or some carry none).
    package var mixesLexiconVersions: Bool { lexiconVersions.count > 1 }
  }

  /// One lexicon version found in a file and how many records carry it.
  package struct LexiconVersion: Sendable, Hashable {
    /// The `lexicon_version` field, or `nil` for records without one.
    package var version: String?
    /// Records carrying it.
    package var records: Int
    /// The line of the first of them.
    package var firstLine: Int

    /// Creates a tally.
    package init(version: String?, records: Int, firstLine: Int) {
      self.version = version
      self.records = records
      self.firstLine = firstLine
    }
  }

  /// A record whose id an earlier record of the same file already had.
  package struct DuplicateID: Sendable, Hashable, CustomStringConvertible {
    /// The id.
    package var id: String
    /// Where the duplicate is.
    package var location: SourceLocation
    /// The line of the first record with this id, the one that is compared.
    package var firstLine: Int

    /// Creates a duplicate.
    package init(id: String, location: SourceLocation, firstLine: Int) {
      self.id = id
      self.location = location
      self.firstLine = firstLine
    }

    /// `old.jsonl:7: duplicate id "r3" (first at line 2); only the first record with this id is compared`.
    package var description: String {
      "\(location): duplicate id \"\(id)\" (first at line \(firstLine)); only the first record with this id is compared"
    }
  }

  /// The records that gained and lost one category.
  package struct CategoryChange: Sendable, Hashable {
    /// The dimension id (`capability`).
    package var dimension: String
    /// The category id (`public_service`).
    package var category: String
    /// The category's Chinese name (公共服务).
    package var name: String
    /// Ids of the records that have the category in the new file but not in the old, in the new file's order.
    package var added: [String]
    /// Ids of the records that had the category in the old file but not in the new, in the new file's order.
    package var removed: [String]

    /// Creates a change.
    package init(dimension: String, category: String, name: String, added: [String] = [], removed: [String] = []) {
      self.dimension = dimension
      self.category = category
      self.name = name
      self.added = added
      self.removed = removed
    }
  }

  /// Where a case is from, as far as the diff compares it.
  package struct Place: Sendable, Hashable, CustomStringConvertible {
    /// The province's short name (浙江), or `nil`.
    package var province: String?
    /// The region, or `nil`.
    package var region: Region?

    /// Creates a place.
    package init(province: String? = nil, region: Region? = nil) {
      self.province = province
      self.region = region
    }

    /// `浙江 (east)`; `unknown` when neither is known.
    package var description: String {
      if province == nil && region == nil { return "unknown" }
      return "\(province ?? "–") (\(region?.rawValue ?? "–"))"
    }
  }

  /// A record whose province or region changed.
  package struct LocationChange: Sendable, Hashable {
    /// The record's id.
    package var id: String
    /// The place in the old file.
    package var old: Place
    /// The place in the new file.
    package var new: Place

    /// Creates a change.
    package init(id: String, old: Place, new: Place) {
      self.id = id
      self.old = old
      self.new = new
    }
  }

  /// The old file (the one before the change).
  package var old: FileSummary
  /// The new file.
  package var new: FileSummary
  /// Records in both files whose input is the same (or cannot be checked).
  package var compared = 0
  /// Compared records whose labels or place differ.
  package var changed = 0
  /// Compared records whose labels differ.
  package var labelsChanged = 0
  /// Compared records where one file has no `location`, so places were not compared.
  package var locationNotCompared = 0
  /// Compared records without a `text_hash` in one of the files, whose input could not be checked.
  package var inputUnchecked = 0
  /// Categories that some record gained or lost, in the taxonomy's order.
  package var categories: [CategoryChange] = []
  /// Records whose province or region changed, in the new file's order.
  package var locationChanged: [LocationChange] = []
  /// Ids of records only in the old file, in its order.
  package var onlyInOld: [String] = []
  /// Ids of records only in the new file, in its order.
  package var onlyInNew: [String] = []
  /// Ids of records in both files whose `text_hash` differs, in the new file's order; they are
  /// not compared, since their input changed.
  package var inputChanged: [String] = []

  /// Creates an empty diff of two files.
  package init(old: String, new: String) {
    self.old = FileSummary(path: old)
    self.new = FileSummary(path: new)
  }

  /// Compared records whose labels and place are the same.
  package var unchanged: Int { compared - changed }

  /// Whether both files could be read, so that the comparison means something.
  package var inputsRead: Bool { old.inputError == nil && new.inputError == nil }

  /// Whether both files were read and every line was used.
  package var succeeded: Bool { inputsRead && old.skipped == 0 && new.skipped == 0 }

  /// One line for people: `compared 8 records: 2 changed, 6 unchanged; old.jsonl: 8 used, 1 skipped; …`.
  package var summaryLine: String {
    func file(_ summary: FileSummary) -> String {
      if summary.inputError != nil { return "\(summary.path): could not be read" }
      return "\(summary.path): \(summary.records) used, \(summary.skipped) skipped"
    }
    return "compared \(Self.count(compared, "record")): \(changed) changed, \(unchanged) unchanged; \(file(old)); \(file(new))"
  }

  /// `1 record`, `2 records`.
  static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

// MARK: - Comparing

/// Compares two outputs of `govtag tag`: indexes the old file by id, keeping only each record's
/// labels as a bit set, its place, its text hash and its line, then streams the new file and
/// compares each record as it is read.
///
/// Memory grows with the number of records in the old file (a few dozen bytes each plus the id),
/// never with their size: texts and evidence are skipped while reading, not decoded.
///
/// A line that cannot be used (not JSON, no id, no labels, an unknown category) is reported with
/// its file and line through the event callback, counted, and skipped; so is an input that
/// cannot be read. A second record with the same id in one file is reported and ignored.
package struct LabelDiffer: Sendable {
  /// Something met while reading.
  package enum Event: Sendable {
    /// A line could not be used; it is skipped.
    case recordFailed(RecordError)
    /// An input could not be read at all (missing, a folder, empty).
    case inputFailed(GovTagError)
    /// A record repeats the id of an earlier record of its file; it is ignored.
    case duplicateID(LabelDiff.DuplicateID)
  }

  /// The taxonomy whose category ids the labels must use.
  package var taxonomy: Taxonomy

  /// Creates a differ.
  ///
  /// - Parameter taxonomy: the label set; at most 128 categories in all.
  package init(taxonomy: Taxonomy = .standard) {
    precondition(
      taxonomy.dimensions.reduce(0) { $0 + $1.categories.count } <= LabelSet.capacity,
      "a label diff handles at most \(LabelSet.capacity) categories")
    self.taxonomy = taxonomy
  }

  /// One old record, as much of it as the comparison needs.
  struct OldEntry {
    var id: String
    var labels: LabelSet
    /// Index into the province table, or -1 for none.
    var province: Int32
    var region: Region?
    var hasLocation: Bool
    var textHash: UInt64?
    var line: Int
    /// The line of the new record with this id, or 0 while none has been read.
    var newLine = 0
  }

  /// Compares the labelled records of `old` with those of `new`.
  ///
  /// - Parameters:
  ///   - old: the earlier output of `govtag tag`; `-` is standard input.
  ///   - new: the later output; `-` is standard input.
  ///   - onEvent: called for every line that cannot be used, every input that cannot be read and
  ///     every duplicate id, in file and line order.
  /// - Returns: the differences, with both files' counts.
  /// - Throws: `GovTagError` with code `.io` when reading an opened input fails.
  package func compare(old: String, new: String, onEvent: (Event) -> Void = { _ in }) throws -> LabelDiff {
    let slots = CategorySlots(taxonomy: taxonomy)
    var diff = LabelDiff(old: old, new: new)

    // The old file, indexed by id.
    var entries: [OldEntry] = []
    var positions: [String: Int] = [:]
    var provinces = StringTable()
    let oldSummary = try read(path: old, slots: slots, onEvent: onEvent) { record, location in
      if let first = positions[record.id] {
        return LabelDiff.DuplicateID(id: record.id, location: location, firstLine: entries[first].line)
      }
      positions[record.id] = entries.count
      entries.append(
        OldEntry(
          id: record.id, labels: record.labels, province: record.place?.province.map { provinces.intern($0) } ?? -1,
          region: record.place?.region, hasLocation: record.place != nil, textHash: record.textHash,
          line: location.line ?? 0))
      return nil
    }
    diff.old = oldSummary

    // The new file, streamed.
    var added = [[String]](repeating: [], count: slots.count)
    var removed = [[String]](repeating: [], count: slots.count)
    var onlyNewLines: [String: Int] = [:]
    let newSummary = try read(path: new, slots: slots, onEvent: onEvent) { record, location in
      let line = location.line ?? 0
      guard let position = positions[record.id] else {
        if let first = onlyNewLines[record.id] {
          return LabelDiff.DuplicateID(id: record.id, location: location, firstLine: first)
        }
        onlyNewLines[record.id] = line
        diff.onlyInNew.append(record.id)
        return nil
      }
      let entry = entries[position]
      if entry.newLine != 0 { return LabelDiff.DuplicateID(id: record.id, location: location, firstLine: entry.newLine) }
      entries[position].newLine = line

      if let oldHash = entry.textHash, let newHash = record.textHash {
        if oldHash != newHash {
          diff.inputChanged.append(record.id)
          return nil
        }
      } else {
        diff.inputUnchecked += 1
      }
      diff.compared += 1
      var changed = false
      if entry.labels != record.labels {
        changed = true
        diff.labelsChanged += 1
        for slot in record.labels.subtracting(entry.labels).indices { added[slot].append(record.id) }
        for slot in entry.labels.subtracting(record.labels).indices { removed[slot].append(record.id) }
      }
      if let place = record.place, entry.hasLocation {
        let oldPlace = LabelDiff.Place(
          province: entry.province >= 0 ? provinces.strings[Int(entry.province)] : nil, region: entry.region)
        if oldPlace != place {
          changed = true
          diff.locationChanged.append(LabelDiff.LocationChange(id: record.id, old: oldPlace, new: place))
        }
      } else {
        diff.locationNotCompared += 1
      }
      if changed { diff.changed += 1 }
      return nil
    }

    diff.new = newSummary
    diff.onlyInOld = Array(entries.lazy.filter { $0.newLine == 0 }.map(\.id))
    for slot in 0..<slots.count where !added[slot].isEmpty || !removed[slot].isEmpty {
      let (dimension, category) = slots.categories[slot]
      diff.categories.append(
        LabelDiff.CategoryChange(
          dimension: dimension.id, category: category.id, name: category.name, added: added[slot], removed: removed[slot]))
    }
    return diff
  }

  /// Reads one file, handing every usable record to `body`, which returns a duplicate to report, if any.
  private func read(
    path: String, slots: CategorySlots, onEvent: (Event) -> Void,
    body: (DiffRecord, SourceLocation) -> LabelDiff.DuplicateID?
  ) throws -> LabelDiff.FileSummary {
    let reader: JSONInputReader
    do {
      reader = try JSONInputReader(path: path)
    } catch let error as GovTagError {
      var summary = LabelDiff.FileSummary(path: path)
      summary.inputError = error
      onEvent(.inputFailed(error))
      return summary
    }
    var summary = LabelDiff.FileSummary(path: reader.name)
    var lastVersion = -1
    let decoder = DiffRecordDecoder(slots: slots)
    while let item = try reader.next() {
      let line: [UInt8]
      let location: SourceLocation
      switch item {
      case .blank:
        summary.blankLines += 1
        continue
      case .failure(let error):
        summary.skipped += 1
        onEvent(.recordFailed(error))
        continue
      case .record(let bytes, let at):
        line = bytes
        location = at
      }
      let record: DiffRecord
      switch line.withUnsafeBufferPointer({ decoder.decode($0, at: location) }) {
      case .failure(let error):
        summary.skipped += 1
        onEvent(.recordFailed(error))
        continue
      case .success(let decoded): record = decoded
      }
      if let duplicate = body(record, location) {
        summary.duplicates.append(duplicate)
        onEvent(.duplicateID(duplicate))
        continue
      }
      summary.records += 1
      if record.place == nil { summary.withoutLocation += 1 }
      // Files rarely hold more than one or two versions: check the last one seen first.
      if lastVersion >= 0, summary.lexiconVersions[lastVersion].version == record.lexiconVersion {
        summary.lexiconVersions[lastVersion].records += 1
      } else if let known = summary.lexiconVersions.firstIndex(where: { $0.version == record.lexiconVersion }) {
        summary.lexiconVersions[known].records += 1
        lastVersion = known
      } else {
        summary.lexiconVersions.append(
          LabelDiff.LexiconVersion(version: record.lexiconVersion, records: 1, firstLine: location.line ?? 0))
        lastVersion = summary.lexiconVersions.count - 1
      }
    }
    if summary.records + summary.skipped + summary.duplicates.count == 0 {
      let error = GovTagError(
        .input, reader.noRecordsReason, at: SourceLocation(file: reader.name),
        hint: "give the labelled records that govtag tag wrote (JSON Lines or one JSON array)")
      summary.inputError = error
      onEvent(.inputFailed(error))
    }
    return summary
  }
}

// MARK: - Compact storage

/// The categories of a taxonomy numbered 0, 1, 2… in the taxonomy's order, so that a record's
/// labels fit in a ``LabelSet``.
struct CategorySlots: Sendable {
  /// Per dimension id: the slot of each of its category ids.
  let slots: [String: [String: Int]]
  /// The dimension and category of each slot.
  let categories: [(dimension: Taxonomy.Dimension, category: Taxonomy.Category)]

  init(taxonomy: Taxonomy) {
    var slots: [String: [String: Int]] = [:]
    var categories: [(dimension: Taxonomy.Dimension, category: Taxonomy.Category)] = []
    for dimension in taxonomy.dimensions {
      var ids: [String: Int] = [:]
      for category in dimension.categories {
        ids[category.id] = categories.count
        categories.append((dimension, category))
      }
      slots[dimension.id] = ids
    }
    self.slots = slots
    self.categories = categories
  }

  var count: Int { categories.count }
}

/// A set of category slots as a 128-bit mask: a record's labels in 16 bytes.
struct LabelSet: Hashable, Sendable {
  static let capacity = 128
  private var low: UInt64 = 0
  private var high: UInt64 = 0

  init() {}

  mutating func insert(_ slot: Int) {
    if slot < 64 { low |= 1 << UInt64(slot) } else { high |= 1 << UInt64(slot - 64) }
  }

  func contains(_ slot: Int) -> Bool {
    slot < 64 ? low & (1 << UInt64(slot)) != 0 : high & (1 << UInt64(slot - 64)) != 0
  }

  /// The slots in `self` and not in `other`.
  func subtracting(_ other: LabelSet) -> LabelSet {
    var result = LabelSet()
    result.low = low & ~other.low
    result.high = high & ~other.high
    return result
  }

  /// The slots in the set, ascending.
  var indices: [Int] {
    var result: [Int] = []
    var word = low
    while word != 0 {
      result.append(word.trailingZeroBitCount)
      word &= word - 1
    }
    word = high
    while word != 0 {
      result.append(64 + word.trailingZeroBitCount)
      word &= word - 1
    }
    return result
  }
}

/// Strings stored once and referred to by index (province names repeat in every record).
struct StringTable {
  private(set) var strings: [String] = []
  private var indices: [String: Int32] = [:]

  mutating func intern(_ string: String) -> Int32 {
    if let index = indices[string] { return index }
    let index = Int32(strings.count)
    strings.append(string)
    indices[string] = index
    return index
  }
}

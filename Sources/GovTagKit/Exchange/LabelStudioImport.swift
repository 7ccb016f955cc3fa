import Foundation

/// Reads Label Studio's JSON export (a list of tasks, each with its annotations, drafts and
/// predictions) into ``ManualRecord``s, one per submitted annotation.
///
/// Results are read by the names of ``LabelStudioConfig``: a `choices` result named after a
/// dimension gives its categories, `province` and `region` the place; a dimension without a result
/// is "none of its categories" (the reviewer saw the block and chose nothing). Evidence spans are
/// not labels and are not read. Nothing is dropped silently: drafts (never submitted), skipped
/// annotations (`was_cancelled` with an empty result), cancelled ones (`was_cancelled` after
/// choosing something), tasks nobody annotated, and annotations that cannot be read (an unknown
/// category) each become a ``Notice``.
package struct LabelStudioImport: Sendable {
  /// Something the import did not turn into a record, with the task and annotation it concerns.
  package struct Notice: Sendable, Hashable, CustomStringConvertible {
    /// Why it was not imported.
    package enum Kind: String, Sendable, CaseIterable {
      case draft, skipped, cancelled
      case unannotated = "not annotated"
      case invalid
      /// A task of the tasks file that the export lacks (``checkAgainst(tasks:file:)``): Label
      /// Studio exports only annotated tasks unless asked for all, so a task with only a draft, or
      /// one nobody opened, is missing rather than listed.
      case missing = "not in the export"
    }

    /// Why.
    package var kind: Kind
    /// Label Studio's task id.
    package var task: String
    /// The record's id (`data.id`), when the task has one.
    package var record: String?
    /// The annotation's or draft's id.
    package var annotation: String?
    /// Who made it.
    package var annotator: String?
    /// For ``Kind/invalid``: what is wrong.
    package var reason: String?

    /// `task 3 (r02), draft 9 by 1`.
    package var description: String {
      if kind == .missing { return "record \(record ?? "?") (task \(task) of the tasks file)" }
      var text = "task \(task)"
      if let record { text += " (\(record))" }
      switch kind {
      case .unannotated: break
      case .draft: text += ", draft \(annotation ?? "?")"
      default: text += ", annotation \(annotation ?? "?")"
      }
      if let annotator { text += " by \(annotator)" }
      if let reason { text += ": \(reason)" }
      return text
    }
  }

  /// The submitted annotations, in export order (tasks, then annotations), and the notices.
  package var records: [ManualRecord] = []
  /// What was not imported, in export order.
  package var notices: [Notice] = []
  /// The task count.
  package var tasks = 0
  /// The record ids (`data.id`) of the export's tasks, in order.
  package var taskRecords: [String] = []

  /// The annotators, in order of first appearance.
  package var annotators: [String] {
    var seen: [String] = []
    for record in records { if let name = record.annotator, !seen.contains(name) { seen.append(name) } }
    return seen
  }

  /// Reads an export file.
  ///
  /// - Parameters:
  ///   - path: the JSON file Label Studio exported.
  ///   - taxonomy: the label set choices are checked against.
  /// - Returns: the import.
  /// - Throws: `GovTagError` with code `.io` when the file cannot be read, `.input` when it is
  ///   not a JSON list of tasks.
  package static func read(path: String, taxonomy: Taxonomy = .standard) throws -> LabelStudioImport {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GovTagError(.io, "cannot read the Label Studio export", at: SourceLocation(file: path), hint: "check the path")
    }
    return try parse(Array(data), file: path, taxonomy: taxonomy)
  }

  /// Reads an export from its bytes.
  ///
  /// - Parameters:
  ///   - bytes: the JSON text.
  ///   - file: its name, for messages.
  ///   - taxonomy: the label set.
  ///   - tasksFile: the text is the tasks file `govtag export label-studio` wrote (predictions,
  ///     no annotations), read for its records only; otherwise such a file is refused.
  /// - Returns: the import.
  /// - Throws: `GovTagError` with code `.input` when the text is not a JSON list of tasks, or is
  ///   a tasks file and `tasksFile` is false.
  package static func parse(
    _ bytes: [UInt8], file: String, taxonomy: Taxonomy = .standard, tasksFile: Bool = false
  ) throws -> LabelStudioImport {
    var bytes = bytes
    UTF8Text.removeByteOrderMark(from: &bytes, atLine: 1)
    let value: JSONValue
    do {
      value = try bytes.withUnsafeBufferPointer { try JSONValueParser.parse($0) }
    } catch let error as JSONValueParser.SyntaxError {
      throw GovTagError(
        .input, error.reason ?? "not valid JSON (stopped at byte \(error.offset + 1))", at: SourceLocation(file: file),
        hint: "give the file of Label Studio's Export → JSON")
    }
    guard let list = value.arrayValue else {
      throw GovTagError(
        .input, "a Label Studio JSON export is a list of tasks, found \(value.typeDescription)", at: SourceLocation(file: file),
        hint: "export with Export → JSON (not JSON-MIN, CSV or the tasks file govtag export wrote)")
    }
    // GovTag's own tasks file (predictions, never annotated) would import as nothing at all,
    // with one "not annotated" notice per task: say what the file is instead.
    let objects = list.compactMap(\.objectValue)
    if !tasksFile, !list.isEmpty, objects.count == list.count,
      objects.allSatisfy({ $0["annotations"] == nil && $0["drafts"] == nil && $0["predictions"] != nil })
    {
      throw GovTagError(
        .input,
        "none of the \(list.count) tasks has annotations, only predictions: this is the tasks file govtag export wrote, not Label Studio's export",
        at: SourceLocation(file: file),
        hint: "import it into Label Studio, annotate the tasks, then give the file of Export → JSON")
    }
    var result = LabelStudioImport()
    result.tasks = list.count
    for (index, item) in list.enumerated() {
      result.add(task: item, index: index, taxonomy: taxonomy)
    }
    return result
  }

  private mutating func add(task item: JSONValue, index: Int, taxonomy: Taxonomy) {
    guard let task = item.objectValue else {
      notices.append(
        Notice(
          kind: .invalid, task: "#\(index + 1)", record: nil, annotation: nil, annotator: nil,
          reason: "the task is not an object, found \(item.typeDescription)"))
      return
    }
    let taskID = Self.text(task["id"]) ?? "#\(index + 1)"
    let data = task["data"]?.objectValue ?? [:]
    let recordID = Self.text(data["id"])
    if let recordID { taskRecords.append(recordID) }
    func notice(_ kind: Notice.Kind, _ annotation: [String: JSONValue]? = nil, reason: String? = nil) {
      notices.append(
        Notice(
          kind: kind, task: taskID, record: recordID, annotation: annotation.flatMap { Self.text($0["id"]) },
          annotator: annotation.flatMap(Self.annotator), reason: reason))
    }
    guard let text = data["text"]?.stringValue else {
      notice(.invalid, reason: "the task has no \"data\".\"text\"")
      return
    }
    let annotations = (task["annotations"]?.arrayValue ?? []).compactMap(\.objectValue)
    let drafts = (task["drafts"]?.arrayValue ?? []).compactMap(\.objectValue)
    if annotations.isEmpty && drafts.isEmpty { notice(.unannotated) }
    for annotation in annotations {
      let results = (annotation["result"]?.arrayValue ?? []).compactMap(\.objectValue)
      if case .bool(true)? = annotation["was_cancelled"] {
        notice(results.isEmpty ? .skipped : .cancelled, annotation)
        continue
      }
      switch Self.labels(results, taxonomy: taxonomy) {
      case .failure(let problem):
        notice(.invalid, annotation, reason: problem.reason)
      case .success(let labels):
        let title = data["title"]?.stringValue
        records.append(
          ManualRecord(
            id: recordID ?? "task-\(taskID)", title: title, text: text, categories: labels.categories,
            province: labels.province, region: labels.region, annotator: Self.annotator(annotation),
            source: "label-studio task \(taskID), annotation \(Self.text(annotation["id"]) ?? "?")"))
      }
    }
    for draft in drafts { notice(.draft, draft) }
  }

  /// The labels of one annotation's results.
  static func labels(
    _ results: [[String: JSONValue]], taxonomy: Taxonomy
  ) -> Result<(categories: [String: Set<String>], province: String?, region: Region?), ReferenceLabels.Problem> {
    var categories: [String: Set<String>] = [:]
    for dimension in taxonomy.dimensions { categories[dimension.id] = [] }
    var province: String?
    var region: Region?
    for result in results {
      guard result["type"]?.stringValue == "choices", let name = result["from_name"]?.stringValue else { continue }
      let chosen = (result["value"]?.objectValue?["choices"]?.arrayValue ?? []).compactMap(\.stringValue)
      if name == LabelStudioConfig.province {
        // One record has one place: keeping either of two would be a silent guess.
        switch Self.onePlace(province.map { [$0] } ?? [], chosen, kind: ("province", "provinces")) {
        case .success(let place): province = place
        case .failure(let problem): return .failure(problem)
        }
      } else if name == LabelStudioConfig.region {
        let first: String?
        switch Self.onePlace(region.map { [$0.rawValue] } ?? [], chosen, kind: ("region", "regions")) {
        case .success(let place): first = place
        case .failure(let problem): return .failure(problem)
        }
        guard let first else { continue }
        guard let known = Region(rawValue: first) else {
          return .failure(ReferenceLabels.Problem(reason: "unknown region \"\(first)\"", hint: "use east, central or west"))
        }
        region = known
      } else if let dimension = taxonomy.dimension(name) {
        for id in chosen {
          guard dimension.categories.contains(where: { $0.id == id }) else {
            return .failure(
              ReferenceLabels.Problem(
                reason: "unknown category \"\(id)\" in \(name)",
                hint: "use the labeling configuration govtag export wrote (ids of docs/TAXONOMY.md)"))
          }
          categories[name, default: []].insert(id)
        }
      } else {
        return .failure(
          ReferenceLabels.Problem(
            reason: "a choice named \"\(name)\" is no dimension", hint: "use the labeling configuration govtag export wrote"))
      }
    }
    return .success((categories, province, region))
  }

  /// The one place of a record: what an earlier result chose and what this one chooses, each
  /// value once; two or more distinct values are a problem naming them.
  private static func onePlace(
    _ earlier: [String], _ chosen: [String], kind: (one: String, many: String)
  ) -> Result<String?, ReferenceLabels.Problem> {
    var places: [String] = []
    for value in earlier + chosen where !places.contains(value) { places.append(value) }
    guard places.count <= 1 else {
      return .failure(
        ReferenceLabels.Problem(
          reason: "\(places.count) \(kind.many) chosen (\(places.map { "\"\($0)\"" }.joined(separator: ", "))); a record has one",
          hint: "choose the one \(kind.one) the case is about"))
    }
    return .success(places.first)
  }

  /// Who made an annotation: `completed_by` (a user id, or an object with an email), else `created_username`.
  static func annotator(_ annotation: [String: JSONValue]) -> String? {
    switch annotation["completed_by"] ?? annotation["user"] {
    case .object(let user)?: return user["email"]?.stringValue ?? text(user["id"])
    case let value?: if let name = text(value) { return name }
    case nil: break
    }
    return annotation["created_username"]?.stringValue
  }

  /// A string or an integer as text.
  static func text(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text)?: text
    case .integer(let number)?: String(number)
    case .numberText(let text)?: text
    default: nil
    }
  }

  /// Adds a ``Notice/Kind/missing`` notice for every task of the tasks file `govtag export
  /// label-studio` wrote whose record the export lacks.
  ///
  /// - Parameters:
  ///   - bytes: the tasks file (a JSON list of tasks with `data.id`).
  ///   - file: its name, for messages.
  /// - Throws: `GovTagError` with code `.input` when it is not a JSON list.
  package mutating func checkAgainst(tasks bytes: [UInt8], file: String) throws {
    let other = try Self.parse(bytes, file: file, tasksFile: true)
    let present = Set(taskRecords)
    for (index, record) in other.taskRecords.enumerated() where !present.contains(record) {
      notices.append(Notice(kind: .missing, task: String(index + 1), record: record))
    }
  }

  // MARK: - Outputs

  /// One record per task for `audit` and `eval`: the submitted annotation of each task, or, where
  /// several people annotated it, the first in the export; the others are returned beside it, so
  /// that the caller can say which were left aside.
  ///
  /// - Returns: the records, and for each task with several annotations the kept one and the others.
  package func onePerTask() -> (records: [ManualRecord], leftAside: [(kept: ManualRecord, others: [ManualRecord])]) {
    var order: [String] = []
    var byTask: [String: [ManualRecord]] = [:]
    for record in records {
      let task = record.source.map(Self.taskKey) ?? record.id
      if byTask[task] == nil { order.append(task) }
      byTask[task, default: []].append(record)
    }
    var kept: [ManualRecord] = []
    var leftAside: [(ManualRecord, [ManualRecord])] = []
    for task in order {
      let group = byTask[task] ?? []
      guard let first = group.first else { continue }
      kept.append(first)
      if group.count > 1 { leftAside.append((first, Array(group.dropFirst()))) }
    }
    return (kept, leftAside)
  }

  /// The records of each annotator, for `audit --compare A B`; annotators in order of first appearance.
  package func perAnnotator() -> [(annotator: String, records: [ManualRecord])] {
    annotators.map { name in (name, records.filter { $0.annotator == name }) }
      + (records.contains { $0.annotator == nil } ? [("unknown", records.filter { $0.annotator == nil })] : [])
  }

  /// `label-studio task 3, annotation 7` → `3`.
  private static func taskKey(_ source: String) -> String {
    String(source.dropFirst("label-studio task ".count).prefix { $0 != "," })
  }
}

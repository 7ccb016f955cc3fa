/// Turns "this record has no `manual` field", repeated for every record of a corpus that keeps
/// its labels under another name, into one error that names the fields the records do have:
/// `none of the 39000 records has a "manual" field; the records have "gold" (39000 records);
/// pass --field gold` on the command line, `read the field "gold" instead` for a program.
///
/// Problems are held back until a record shows that the field exists; from then on, and for
/// every problem held so far, they are passed on in input order, since a record without the
/// field is then a real problem of that record. If no record has the field, ``finish()`` returns
/// the other problems held (a line that is not JSON is still worth reporting) and the one error.
/// Shared by `govtag eval`, `audit`, `lexicon suggest` (``AnnotatedCorpusReader``) and
/// `govtag stats`, `report` and `export` (``LabelledRecordReader``).
struct LabelFieldCheck<Problem> {
  /// The field the command reads labels from.
  let field: String
  /// The caller's name for the setting that chooses another field, for the hint: `--field` on
  /// the command line (``SettingNames/Setting/field``); `nil` words the hint neutrally.
  let option: String?
  /// Whether the field holds GovTag's labels (`labels`), whose hint without ``option`` is to tag
  /// the records first (`export`, which reads GovTag's labels only); else people's labels.
  let readsGovTagLabels: Bool
  /// Whether some record had the field.
  private(set) var fieldSeen = false
  /// Problems held until the field is seen, with whether each is a missing field.
  private var held: [(problem: Problem, missingField: Bool)] = []
  /// Records without the field, and where the first one is.
  private var missing = 0
  private var firstMissing: SourceLocation?
  /// Other fields of labels those records have, with how many have each, in order of appearance.
  private var candidates: [(name: String, records: Int)] = []

  /// Creates a check.
  init(field: String, option: String?, readsGovTagLabels: Bool = false) {
    self.field = field
    self.option = option
    self.readsGovTagLabels = readsGovTagLabels
  }

  /// A record had the field (its labels may still be wrong).
  ///
  /// - Returns: the problems held so far, to report now, in input order.
  mutating func fieldFound() -> [Problem] {
    fieldSeen = true
    defer { held.removeAll() }
    return held.map(\.problem)
  }

  /// A problem with a record or an input.
  ///
  /// - Parameters:
  ///   - problem: what to report.
  ///   - missingField: a record without the field at `location`, holding the fields of labels `labelFields`.
  ///   - location: the record's file and line, when `missingField`.
  ///   - labelFields: the record's other fields of labels (see ``labelFields(in:taxonomy:excluding:)``).
  /// - Returns: the problems to report now (none while the field has not been seen).
  mutating func problem(_ problem: Problem, missingField: Bool, at location: SourceLocation? = nil, labelFields: [String] = [])
    -> [Problem]
  {
    if missingField {
      missing += 1
      if firstMissing == nil { firstMissing = location }
      for name in labelFields {
        if let index = candidates.firstIndex(where: { $0.name == name }) {
          candidates[index].records += 1
        } else {
          candidates.append((name, 1))
        }
      }
    }
    if fieldSeen { return [problem] }
    held.append((problem, missingField))
    return []
  }

  /// The end of the input.
  ///
  /// - Returns: the problems still held, to report now, and, when no record had the field but
  ///   some lacked it, the one error to fail with instead of their problems.
  mutating func finish() -> (problems: [Problem], error: GovTagError?) {
    defer { held.removeAll() }
    guard !fieldSeen, missing > 0 else { return (held.map(\.problem), nil) }
    let others = held.filter { !$0.missingField }.map(\.problem)
    let message =
      missing == 1 ? "the record has no \"\(field)\" field" : "none of the \(missing) records has a \"\(field)\" field"
    guard !candidates.isEmpty else {
      return (
        others,
        GovTagError(
          .input, message + ", nor any other field of labels ({\"capability\": [...], ...})", at: firstMissing,
          hint: readsGovTagLabels && option == nil
            ? "label the records with govtag tag first"
            : "add the labels to the records, or name the field that holds them" + (option.map { " with \($0)" } ?? ""))
      )
    }
    let ranked = candidates.enumerated().sorted { ($0.element.records, -$0.offset) > ($1.element.records, -$1.offset) }.map(
      \.element)
    let found = ranked.map { "\"\($0.name)\" (\($0.records) record\($0.records == 1 ? "" : "s"))" }.joined(separator: ", ")
    let hint: String
    if let option {
      hint = "pass " + ranked.map { "\(option) \($0.name)" }.joined(separator: " or ")
    } else if readsGovTagLabels {
      hint = "label the records with govtag tag first"
    } else {
      hint = "read the field " + ranked.map { "\"\($0.name)\"" }.joined(separator: " or ") + " instead"
    }
    return (others, GovTagError(.input, message + "; the records have \(found)", at: firstMissing, hint: hint))
  }

  /// The fields of `fields` that look like labels: objects with a dimension key holding a list
  /// (`{"capability": ["public_service"]}`), in name order.
  ///
  /// - Parameters:
  ///   - fields: a record's fields.
  ///   - taxonomy: the dimensions.
  ///   - excluded: fields never to suggest (GovTag's own `labels` when reading people's labels).
  /// - Returns: the field names.
  static func labelFields(in fields: [String: JSONValue], taxonomy: Taxonomy = .standard, excluding excluded: Set<String> = [])
    -> [String]
  {
    fields.keys.sorted().filter { name in
      guard !excluded.contains(name), case .object(let object)? = fields[name] else { return false }
      return taxonomy.dimensions.contains { dimension in
        if case .array? = object[dimension.id] { return true }
        return false
      }
    }
  }
}

/// The result of `govtag eval`: GovTag's labels compared with gold labels, over all records and,
/// optionally, per value of a field such as `year`.
package struct Evaluation: Sendable {
  /// The figures of the records that share one value of the grouping field.
  package struct Group: Sendable {
    /// The field's value as text (`2023`), or `(none)` for records without it.
    package var value: String
    /// Their figures.
    package var figures: EvaluationFigures
  }

  /// The field that held the gold labels.
  package var field: String
  /// The rules version of the lexicons evaluated.
  package var lexiconVersion: String
  /// The inputs, as named.
  package var inputs: [String]
  /// Every record's figures.
  package var overall: EvaluationFigures
  /// The field records were grouped by, if any.
  package var groupField: String?
  /// The groups, ordered by value (numerically when the values are numbers).
  package var groups: [Group]
  /// How many records were read, compared and skipped.
  package var summary: ReadSummary

  /// The text that names a record's group: strings as they are, numbers in decimal, and
  /// `(none)` for a missing or null field.
  package static func groupValue(_ value: JSONValue?) -> String {
    switch value {
    case nil, .null?: "(none)"
    case .string(let text)?: text.isEmpty ? "(none)" : text
    case .integer(let number)?: String(number)
    case .number(let number)?: String(number)
    case .numberText(let text)?: text
    case .bool(let flag)?: String(flag)
    case .array?, .object?: "(not a scalar)"
    }
  }

  /// Orders group values: numbers first in numeric order, then text, `(none)` last.
  static func groupOrder(_ a: String, _ b: String) -> Bool {
    func key(_ value: String) -> (Int, Double, String) {
      if value == "(none)" { return (2, 0, value) }
      if let number = Double(value) { return (0, number, value) }
      return (1, 0, value)
    }
    return key(a) < key(b)
  }
}

/// Which labels a statistic or chart counts: GovTag's own, or a field of reference labels.
///
/// GovTag writes its labels to `labels`. People's labels live in a field of the same shape,
/// `{"capability": [...], "data_element": [...], …}`, usually `manual` or `gold`; such an object
/// may also carry `province` and `region` keys, which then replace GovTag's `location`.
package enum LabelSource: Sendable, Hashable, CustomStringConvertible {
  /// GovTag's `labels` and `location`.
  case govtag
  /// The labels in the named input field (`manual`, `gold`).
  case field(String)

  /// Parses a `--field` value: `labels` means GovTag's own, anything else names a field.
  ///
  /// - Parameter name: the field name, or `nil` for GovTag's labels.
  package init(fieldName name: String?) {
    if let name, name != "labels" { self = .field(name) } else { self = .govtag }
  }

  /// The field the labels are read from: `labels` or the reference field's name.
  package var fieldName: String {
    switch self {
    case .govtag: "labels"
    case .field(let name): name
    }
  }

  /// For people: `GovTag (labels)` or `manual`.
  package var description: String {
    switch self {
    case .govtag: "GovTag (labels)"
    case .field(let name): name
    }
  }
}

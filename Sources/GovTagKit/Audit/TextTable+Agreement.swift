extension TextTable {
  /// Precision, recall and F1 of a table as three figures, or dashes for a category nobody
  /// assigned (whose figures are undefined and left out of the macro averages).
  static func scores(_ table: AgreementTable) -> [String] {
    guard table.hasSupport else { return ["—", "—", "—"] }
    return [NumberText.figure(table.precision), NumberText.figure(table.recall), NumberText.figure(table.f1)]
  }
}

/// Rows of a Markdown (GitHub) table: the one Markdown table writer of `stats`, `diff` and the
/// reports that offer `--format markdown`.
package enum MarkdownTable {
  /// `| a | b |`, with `|` in cells escaped (`\|`), so that a cell cannot split its row.
  package static func row(_ cells: [String]) -> String {
    "| " + cells.map(escapingPipes).joined(separator: " | ") + " |"
  }

  private static func escapingPipes(_ cell: String) -> String {
    guard cell.contains("|") else { return cell }
    return cell.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}

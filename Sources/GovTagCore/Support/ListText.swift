/// Lists in messages, written as a sentence writes them.
package enum ListText {
  /// `a`, `a and b`, `a, b and c`; empty for no items.
  ///
  /// - Parameter items: the items, in the order to name them.
  /// - Returns: the list.
  package static func and(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
  }
}

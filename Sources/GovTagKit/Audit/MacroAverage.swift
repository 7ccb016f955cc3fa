/// Averages of per-category figures over the categories of a dimension.
///
/// Only categories with support count: those that the reference or the second judge assigned at
/// least once (``AgreementTable/hasSupport``). A category nobody assigned has no meaningful
/// precision or recall, and averaging its zeros in would only punish the dimension for the
/// categories its records happen not to need.
package struct MacroAverage: Sendable, Hashable {
  /// The number of categories averaged over.
  package var categories: Int
  /// The mean precision.
  package var precision: Double
  /// The mean recall.
  package var recall: Double
  /// The mean F1 (the mean of the per-category F1, not the F1 of the mean P and R).
  package var f1: Double
  /// The mean Cohen's kappa, or `nil` when no category has one.
  package var kappa: Double?

  /// Averages `tables`, skipping those without support.
  ///
  /// - Parameter tables: one table per category.
  package init(_ tables: [AgreementTable]) {
    let supported = tables.filter(\.hasSupport)
    categories = supported.count
    guard !supported.isEmpty else {
      precision = 0
      recall = 0
      f1 = 0
      kappa = nil
      return
    }
    let n = Double(supported.count)
    precision = supported.reduce(0) { $0 + $1.precision } / n
    recall = supported.reduce(0) { $0 + $1.recall } / n
    f1 = supported.reduce(0) { $0 + $1.f1 } / n
    let kappas = supported.compactMap(\.kappa)
    kappa = kappas.isEmpty ? nil : kappas.reduce(0, +) / Double(kappas.count)
  }
}

/// Per-category agreement tables over a ``LabelSpace``, filled one record at a time.
///
/// The reference decides which dimensions of a record count: a dimension it did not annotate is
/// skipped for that record.
package struct AgreementTally: Sendable {
  /// One category's table.
  package struct CategoryResult: Sendable, Hashable {
    /// The category.
    package var category: LabelSpace.Category
    /// Its table.
    package var table: AgreementTable
  }

  /// One dimension's tables and averages.
  package struct DimensionResult: Sendable, Hashable {
    /// The dimension.
    package var dimension: LabelSpace.Dimension
    /// Every category, in the taxonomy's order.
    package var categories: [CategoryResult]
    /// Records in which the dimension was compared.
    package var records: Int

    /// All categories pooled into one table: its precision, recall and F1 are the micro averages,
    /// its kappa is the pooled kappa over every category decision.
    package var pooled: AgreementTable {
      var table = AgreementTable()
      for category in categories { table.add(category.table) }
      return table
    }

    /// The macro averages (categories with support only).
    package var macro: MacroAverage { MacroAverage(categories.map(\.table)) }
  }

  /// The categories compared.
  package let space: LabelSpace
  /// `tables[d][c]`: dimension `d`, category `c` of ``space``.
  package private(set) var tables: [[AgreementTable]]
  /// `records[d]`: records in which dimension `d` was compared.
  package private(set) var records: [Int]

  /// Creates empty tables for every category of `space`.
  package init(space: LabelSpace) {
    self.space = space
    tables = space.dimensions.map { [AgreementTable](repeating: AgreementTable(), count: $0.categories.count) }
    records = [Int](repeating: 0, count: space.dimensions.count)
  }

  /// Counts one record.
  ///
  /// - Parameters:
  ///   - reference: the reference labels; dimensions it does not annotate are skipped.
  ///   - predicted: whether the second judge assigned category `c` of dimension `d` (indexes
  ///     into ``space``).
  package mutating func add(reference: ReferenceLabels, predicted: (_ d: Int, _ c: Int) -> Bool) {
    for (d, dimension) in space.dimensions.enumerated() {
      guard let assigned = reference.categories[dimension.id] else { continue }
      records[d] += 1
      for (c, category) in dimension.categories.enumerated() {
        tables[d][c].add(reference: assigned.contains(category.id), predicted: predicted(d, c))
      }
    }
  }

  /// Counts one record labelled by GovTag.
  ///
  /// - Parameters:
  ///   - reference: the reference labels.
  ///   - classification: GovTag's labels for the record.
  package mutating func add(reference: ReferenceLabels, classification: Classification) {
    let dimensions = space.dimensions
    let assigned = dimensions.map { Set(classification.labels($0.id)) }
    add(reference: reference) { d, c in assigned[d].contains(dimensions[d].categories[c].id) }
  }

  /// Adds another tally over the same space.
  package mutating func add(_ other: AgreementTally) {
    for d in tables.indices {
      records[d] += other.records[d]
      for c in tables[d].indices { tables[d][c].add(other.tables[d][c]) }
    }
  }

  /// The results per dimension, in the taxonomy's order.
  package var dimensions: [DimensionResult] {
    space.dimensions.enumerated().map { d, dimension in
      DimensionResult(
        dimension: dimension,
        categories: dimension.categories.enumerated().map { CategoryResult(category: $1, table: tables[d][$0]) },
        records: records[d])
    }
  }

  /// All category decisions of all dimensions pooled into one table.
  package var pooled: AgreementTable {
    var table = AgreementTable()
    for row in tables { for cell in row { table.add(cell) } }
    return table
  }
}

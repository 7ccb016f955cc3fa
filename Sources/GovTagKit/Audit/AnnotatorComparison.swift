/// Inter-annotator agreement: two people's labels of the same records (matched by id), Cohen's
/// kappa per category and pooled, and on which side GovTag comes down where they disagree.
///
/// A dimension counts for a record only when both people annotated it. The overall kappa pools
/// every category decision of every record into one 2×2 table. GovTag's side is counted only on
/// categories the lexicons define (on the others it always says no, which tells nothing).
package struct AnnotatorComparison: Sendable {
  /// Where GovTag stands on a set of disagreements.
  package struct Sides: Sendable, Hashable {
    /// Disagreements where GovTag's label equals annotator A's.
    package var withA = 0
    /// Disagreements where GovTag's label equals annotator B's.
    package var withB = 0

    /// Creates a count.
    ///
    /// - Parameters:
    ///   - withA: disagreements where GovTag sides with A.
    ///   - withB: disagreements where GovTag sides with B.
    package init(withA: Int = 0, withB: Int = 0) {
      self.withA = withA
      self.withB = withB
    }

    /// Adds another count.
    package mutating func add(_ other: Sides) {
      withA += other.withA
      withB += other.withB
    }
  }

  /// A record found in one file only.
  package struct Unmatched: Sendable, Hashable {
    /// Its id.
    package var id: String
    /// Where it is.
    package var location: SourceLocation
  }

  /// One category of one record on which A and B disagree.
  package struct Disagreement: Sendable, Hashable {
    /// The record's id.
    package var id: String
    /// Where A's record is.
    package var locationA: SourceLocation
    /// Where B's record is.
    package var locationB: SourceLocation
    /// The dimension's id.
    package var dimension: String
    /// The category's id.
    package var category: String
    /// A's answer (B's is the other one).
    package var a: Bool
    /// GovTag's answer, or `nil` for a category the lexicons do not define.
    package var govtag: Bool?
  }

  /// A record whose place A and B give differently, with B's record and GovTag's place.
  package struct PlaceDifference: Sendable, Hashable {
    /// The parts that differ, A as reference, B as the other judge.
    package var place: LocationDisagreement
    /// Where B's record is.
    package var locationB: SourceLocation
    /// GovTag's province, or `nil`.
    package var govtagProvince: String?
    /// GovTag's region, or `nil`.
    package var govtagRegion: Region?
  }

  /// How often A and B gave the same place, over the records where both said something.
  package struct PlaceCounts: Sendable, Hashable {
    /// Records where both give a province (a name or `null`).
    package var provinceRecords = 0
    /// Of those, records where the provinces differ.
    package var provinceDifferences = 0
    /// Records where both give a region (a region or `null`).
    package var regionRecords = 0
    /// Of those, records where the regions differ.
    package var regionDifferences = 0
  }

  /// Annotator A's file.
  package var fileA: String
  /// Annotator B's file.
  package var fileB: String
  /// The field holding the labels in both files.
  package var field: String
  /// The rules version of the lexicons.
  package var lexiconVersion: String
  /// Records present in both files.
  package var matched = 0
  /// Per-category tables, A as reference, B as second judge.
  package var agreement: AgreementTally
  /// `sides[d][c]`: GovTag's side on the disagreements of category `c` of dimension `d`.
  package var sides: [[Sides]]
  /// Every (record, category) on which A and B disagree, in A's order, then the taxonomy's.
  package var disagreements: [Disagreement] = []
  /// How often A and B gave the same province and region.
  package var placeCounts = PlaceCounts()
  /// Every record whose province or region A and B give differently, in A's order.
  package var placeDifferences: [PlaceDifference] = []
  /// Records of A that B lacks, in A's order.
  package var onlyInA: [Unmatched] = []
  /// Records of B that A lacks, in B's order.
  package var onlyInB: [Unmatched] = []
  /// Reading A.
  package var summaryA = ReadSummary()
  /// Reading B.
  package var summaryB = ReadSummary()

  /// Every category decision pooled into one table.
  package var pooled: AgreementTable { agreement.pooled }

  /// GovTag's side over all disagreements.
  package var overallSides: Sides {
    var total = Sides()
    for row in sides { for cell in row { total.add(cell) } }
    return total
  }

  /// GovTag's side over the disagreements of dimension `d`.
  package func sides(ofDimension d: Int) -> Sides {
    var total = Sides()
    for cell in sides[d] { total.add(cell) }
    return total
  }

  /// Whether every record of both files was read and matched.
  package var succeeded: Bool { summaryA.succeeded && summaryB.succeeded && onlyInA.isEmpty && onlyInB.isEmpty }

  /// Creates an empty comparison.
  init(fileA: String, fileB: String, field: String, space: LabelSpace, lexiconVersion: String) {
    self.fileA = fileA
    self.fileB = fileB
    self.field = field
    self.lexiconVersion = lexiconVersion
    agreement = AgreementTally(space: space)
    sides = space.dimensions.map { [Sides](repeating: Sides(), count: $0.categories.count) }
  }

  /// Counts one record labelled by both people, with GovTag's labels.
  ///
  /// - Parameters:
  ///   - id: the record's id.
  ///   - a: annotator A's labels.
  ///   - locationA: where A's record is.
  ///   - b: annotator B's labels.
  ///   - locationB: where B's record is.
  ///   - classification: GovTag's labels.
  mutating func add(
    id: String, a: ReferenceLabels, at locationA: SourceLocation, b: ReferenceLabels, at locationB: SourceLocation,
    classification: Classification
  ) {
    matched += 1
    let space = agreement.space
    let shared = a.categories.filter { b.categories[$0.key] != nil }
    let reference = ReferenceLabels(categories: shared)
    agreement.add(reference: reference) { d, c in
      b.assigns(space.dimensions[d].id, space.dimensions[d].categories[c].id)
    }
    for (d, dimension) in space.dimensions.enumerated() where shared[dimension.id] != nil {
      let govtag = Set(classification.labels(dimension.id))
      for (c, category) in dimension.categories.enumerated() {
        let saysA = a.assigns(dimension.id, category.id)
        guard saysA != b.assigns(dimension.id, category.id) else { continue }
        disagreements.append(
          Disagreement(
            id: id, locationA: locationA, locationB: locationB, dimension: dimension.id, category: category.id, a: saysA,
            govtag: category.inLexicons ? govtag.contains(category.id) : nil))
        guard category.inLexicons else { continue }
        if govtag.contains(category.id) == saysA { sides[d][c].withA += 1 } else { sides[d][c].withB += 1 }
      }
    }
    if a.annotatesProvince && b.annotatesProvince { placeCounts.provinceRecords += 1 }
    if a.annotatesRegion && b.annotatesRegion { placeCounts.regionRecords += 1 }
    if let place = LocationDisagreement.between(a: a, b: b, id: id, at: locationA) {
      if place.province != nil { placeCounts.provinceDifferences += 1 }
      if place.region != nil { placeCounts.regionDifferences += 1 }
      placeDifferences.append(
        PlaceDifference(
          place: place, locationB: locationB, govtagProvince: classification.location.province,
          govtagRegion: classification.location.region))
    }
  }
}

/// The 2×2 table of two binary judgements of one category over a set of records: how often a
/// reference (gold labels, a person) and a second judge (GovTag, another person) said yes or no.
///
/// Every agreement figure of `govtag eval` and `govtag audit` is computed from these four counts:
/// ``precision``, ``recall`` and ``f1`` treat the reference as the truth; ``observedAgreement``
/// and Cohen's ``kappa`` treat the two judges alike.
///
///                       second: yes      second: no
///     reference: yes    bothYes          referenceOnly
///     reference: no     predictedOnly    bothNo
package struct AgreementTable: Sendable, Hashable {
  /// Both said yes (true positives when the second judge is GovTag).
  package var bothYes: Int
  /// Only the reference said yes (false negatives, misses).
  package var referenceOnly: Int
  /// Only the second judge said yes (false positives).
  package var predictedOnly: Int
  /// Both said no.
  package var bothNo: Int

  /// Creates a table from its four counts.
  ///
  /// - Parameters:
  ///   - bothYes: records both judges said yes to.
  ///   - referenceOnly: records only the reference said yes to.
  ///   - predictedOnly: records only the second judge said yes to.
  ///   - bothNo: records both said no to.
  package init(bothYes: Int = 0, referenceOnly: Int = 0, predictedOnly: Int = 0, bothNo: Int = 0) {
    self.bothYes = bothYes
    self.referenceOnly = referenceOnly
    self.predictedOnly = predictedOnly
    self.bothNo = bothNo
  }

  /// Counts one record's pair of judgements.
  ///
  /// - Parameters:
  ///   - reference: whether the reference assigned the category.
  ///   - predicted: whether the second judge assigned it.
  package mutating func add(reference: Bool, predicted: Bool) {
    switch (reference, predicted) {
    case (true, true): bothYes += 1
    case (true, false): referenceOnly += 1
    case (false, true): predictedOnly += 1
    case (false, false): bothNo += 1
    }
  }

  /// Adds another table's counts to this one (pooling categories or groups).
  package mutating func add(_ other: AgreementTable) {
    bothYes += other.bothYes
    referenceOnly += other.referenceOnly
    predictedOnly += other.predictedOnly
    bothNo += other.bothNo
  }

  /// The number of records judged.
  package var total: Int { bothYes + referenceOnly + predictedOnly + bothNo }
  /// How many records the reference said yes to (the gold support).
  package var referenceYes: Int { bothYes + referenceOnly }
  /// How many records the second judge said yes to.
  package var predictedYes: Int { bothYes + predictedOnly }
  /// How many records the two judges disagree on.
  package var disagreements: Int { referenceOnly + predictedOnly }
  /// Whether either judge said yes at least once: categories without support are left out of
  /// macro averages, where their undefined figures would only add noise.
  package var hasSupport: Bool { referenceYes + predictedYes > 0 }
}

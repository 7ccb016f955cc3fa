import Foundation

/// The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
/// 2008, "Fightin' Words", §3.5): how much more an n-gram belongs to one group of records than
/// to another, as a z-score that discounts rare n-grams.
///
/// For an n-gram w with count `yᵢ` among the `nᵢ` n-gram occurrences of group i (records
/// labelled with the category), `yⱼ` among the `nⱼ` of group j (the other records), and prior
/// counts `α_w` out of `α₀`:
///
///     δ = log((yᵢ + α_w) / (nᵢ + α₀ − yᵢ − α_w)) − log((yⱼ + α_w) / (nⱼ + α₀ − yⱼ − α_w))
///     σ² ≈ 1 / (yᵢ + α_w) + 1 / (yⱼ + α_w)
///     z = δ / σ
///
/// GovTag's prior is the whole corpus: `α_w` is the n-gram's count over all records and `α₀`
/// the total of all counts, so an n-gram common everywhere is pulled toward zero and only a
/// real difference between the groups stands out.
package struct WeightedLogOdds: Sendable, Hashable {
  /// The log-odds ratio δ (positive: more frequent in group i).
  package var delta: Double
  /// Its approximate variance σ².
  package var variance: Double
  /// The z-score δ / σ.
  package var z: Double

  /// Computes the statistic.
  ///
  /// - Parameters:
  ///   - countIn: `yᵢ`, the n-gram's count in group i.
  ///   - totalIn: `nᵢ`, all counts of group i.
  ///   - countOut: `yⱼ`, the n-gram's count in group j.
  ///   - totalOut: `nⱼ`, all counts of group j.
  ///   - prior: `α_w`, the n-gram's prior count (more than 0).
  ///   - priorTotal: `α₀`, the prior's total (more than `prior`).
  package init(countIn: Double, totalIn: Double, countOut: Double, totalOut: Double, prior: Double, priorTotal: Double) {
    let restIn = max(totalIn + priorTotal - countIn - prior, .leastNonzeroMagnitude)
    let restOut = max(totalOut + priorTotal - countOut - prior, .leastNonzeroMagnitude)
    delta = log((countIn + prior) / restIn) - log((countOut + prior) / restOut)
    variance = 1 / (countIn + prior) + 1 / (countOut + prior)
    z = delta / variance.squareRoot()
  }
}

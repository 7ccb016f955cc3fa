import Foundation

/// L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least
/// squares).
///
/// Written by hand: the models have seven coefficients and a few hundred rows, and no Swift
/// machine-learning package is available to this project (the package mirror has none), so a
/// 7×7 Newton step is both the simplest and an exact fit.
///
/// The penalty pulls each coefficient toward a prior value rather than toward 0, so a category
/// with few examples stays close to its dimension's pooled curve (``CalibrationFitter``).
struct LogisticRegression {
  /// Columns per row, the constant 1 of the intercept included.
  let columns: Int

  /// Fits coefficients minimising `Σ log-loss + ½ Σ penalty[j] (β[j] − prior[j])²`.
  ///
  /// - Parameters:
  ///   - rows: row-major design matrix, `columns` values per row, the first being 1.
  ///   - labels: 1 or 0 per row.
  ///   - prior: where the penalty pulls each coefficient.
  ///   - penalty: the penalty's strength per coefficient (0 leaves it free).
  /// - Returns: the coefficients, intercept first.
  func fit(rows: [Double], labels: [Double], prior: [Double], penalty: [Double]) -> [Double] {
    let p = columns
    let n = labels.count
    var beta = prior
    var objective = Self.objective(rows, labels, beta, prior, penalty, p)
    for _ in 0..<100 {
      var gradient = [Double](repeating: 0, count: p)
      var hessian = [Double](repeating: 0, count: p * p)
      for j in 0..<p {
        gradient[j] = penalty[j] * (beta[j] - prior[j])
        hessian[j * p + j] = penalty[j]
      }
      for i in 0..<n {
        let base = i * p
        var z = 0.0
        for j in 0..<p { z += rows[base + j] * beta[j] }
        let q = Self.sigmoid(z)
        let residual = q - labels[i]
        let weight = max(q * (1 - q), 1e-12)
        for j in 0..<p {
          let xj = rows[base + j]
          gradient[j] += residual * xj
          for k in j..<p { hessian[j * p + k] += weight * xj * rows[base + k] }
        }
      }
      for j in 0..<p { for k in 0..<j { hessian[j * p + k] = hessian[k * p + j] } }
      for j in 0..<p { hessian[j * p + j] += 1e-9 }
      guard let step = Self.solve(hessian, gradient, p) else { break }
      // Step halving keeps every step downhill, whatever the data.
      var scale = 1.0
      var candidate = beta
      var improved = false
      for _ in 0..<30 {
        for j in 0..<p { candidate[j] = beta[j] - scale * step[j] }
        let value = Self.objective(rows, labels, candidate, prior, penalty, p)
        if value <= objective {
          objective = value
          improved = true
          break
        }
        scale /= 2
      }
      guard improved else { break }
      let change = zip(beta, candidate).reduce(0) { max($0, abs($1.0 - $1.1)) }
      beta = candidate
      if change < 1e-10 { break }
    }
    return beta
  }

  /// The mean log-loss of `coefficients` on `rows`, probabilities clipped to [1e-6, 1 − 1e-6].
  func logLoss(rows: [Double], labels: [Double], coefficients: [Double]) -> Double {
    guard !labels.isEmpty else { return 0 }
    var total = 0.0
    for i in labels.indices {
      var z = 0.0
      for j in 0..<columns { z += rows[i * columns + j] * coefficients[j] }
      total += Self.loss(Self.sigmoid(z), labels[i])
    }
    return total / Double(labels.count)
  }

  /// The logistic function, 1 / (1 + e^−z).
  @inline(__always)
  static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

  /// The log-loss of probability `q` for label `y`.
  static func loss(_ q: Double, _ y: Double) -> Double {
    let clipped = min(max(q, 1e-6), 1 - 1e-6)
    return -(y * log(clipped) + (1 - y) * log(1 - clipped))
  }

  private static func objective(
    _ rows: [Double], _ labels: [Double], _ beta: [Double], _ prior: [Double], _ penalty: [Double], _ p: Int
  ) -> Double {
    var total = 0.0
    for i in labels.indices {
      var z = 0.0
      for j in 0..<p { z += rows[i * p + j] * beta[j] }
      // log(1 + e^z) − y·z, computed without overflow.
      total += (z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))) - labels[i] * z
    }
    for j in 0..<p { total += 0.5 * penalty[j] * (beta[j] - prior[j]) * (beta[j] - prior[j]) }
    return total
  }

  /// Solves `a x = b` (a is p×p, row-major) by Gaussian elimination with partial pivoting.
  private static func solve(_ a: [Double], _ b: [Double], _ p: Int) -> [Double]? {
    var m = a
    var x = b
    for column in 0..<p {
      var pivot = column
      for row in (column + 1)..<max(column + 1, p) where abs(m[row * p + column]) > abs(m[pivot * p + column]) {
        pivot = row
      }
      guard abs(m[pivot * p + column]) > 1e-300 else { return nil }
      if pivot != column {
        for k in 0..<p { m.swapAt(column * p + k, pivot * p + k) }
        x.swapAt(column, pivot)
      }
      for row in (column + 1)..<max(column + 1, p) {
        let factor = m[row * p + column] / m[column * p + column]
        guard factor != 0 else { continue }
        for k in column..<p { m[row * p + k] -= factor * m[column * p + k] }
        x[row] -= factor * x[column]
      }
    }
    for row in stride(from: p - 1, through: 0, by: -1) {
      var sum = x[row]
      for k in (row + 1)..<max(row + 1, p) { sum -= m[row * p + k] * x[k] }
      x[row] = sum / m[row * p + row]
    }
    return x
  }
}

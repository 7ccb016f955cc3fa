/// Numbers as text for people: the one number formatter of GovTag's reports (figures, shares,
/// changes, sizes), the same on every platform and locale.
///
/// `String(format:)` depends on the C locale and Foundation; this rounds half away from zero
/// (33.35 → 33.4 at one digit) and never prints `-0.0`. Scores and weights, which the engine
/// prints in its own messages too, use the core's `ScoreFormat` (shortest exact decimal).
package enum NumberText {
  /// A count with its noun, plural when it is not one: `count(1, "record")` is `1 record`,
  /// `count(2, "record")` is `2 records`.
  package static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  /// `value` with exactly `digits` decimals: `fixed(33.333, digits: 1)` is `33.3`.
  ///
  /// - Parameters:
  ///   - value: a finite number.
  ///   - digits: decimals, 0 to 6.
  /// - Returns: the text; `–` when `value` is not finite.
  package static func fixed(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    // Nudge by a relative epsilon so that 12.5 computed as 12.499999… still rounds up.
    let magnitude = (abs(value) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
    let scaled = Int(magnitude)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard digits > 0 else { return sign + String(scaled) }
    let unit = Int(scale)
    var fraction = String(scaled % unit)
    while fraction.count < digits { fraction = "0" + fraction }
    return sign + String(scaled / unit) + "." + fraction
  }

  /// A share as a percentage: `percent(1.0 / 3, digits: 1)` is `33.3%`; `nil` gives `–`.
  package static func percent(_ share: Double?, digits: Int = 1) -> String {
    guard let share else { return "–" }
    return fixed(share * 100, digits: digits) + "%"
  }

  /// A change in percentage points with its sign: `+16.7 pp`, `-8.3 pp`, `0.0 pp`; `nil` gives `–`.
  package static func change(_ points: Double?, digits: Int = 1) -> String {
    guard let points else { return "–" }
    let text = fixed(points, digits: digits)
    let isZero = !text.contains(where: { $0 != "0" && $0 != "." && $0 != "-" })
    return (isZero || text.hasPrefix("-") ? text : "+" + text) + " pp"
  }

  /// `value` rounded to `digits` decimals as a number (for JSON): `rounded(33.333, digits: 2)` is 33.33.
  package static func rounded(_ value: Double, digits: Int) -> Double {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let magnitude = (abs(value) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero) / scale
    return value < 0 && magnitude != 0 ? -magnitude : magnitude
  }

  /// A figure with three decimals (`0.667`), or `—` when undefined: precision, recall, F1,
  /// kappa, probabilities.
  package static func figure(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "—" }
    return fixed(value, digits: 3)
  }
}

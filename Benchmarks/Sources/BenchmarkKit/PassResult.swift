/// What one benchmark pass did and how long it took.
///
/// The counts are the pass's checksum: they prove the work was done (a compiler cannot drop a
/// loop whose result is printed) and let two runs on the same texts be compared.
public struct PassResult: Sendable, Hashable {
  /// The pass: `icu` or `core`.
  public var pass: String
  /// Texts processed (lines of the texts file).
  public var records = 0
  /// UTF-8 bytes of the texts, line breaks excluded: the base of the pass's MB/s.
  public var textBytes = 0
  /// ICU segments found (the `icu` pass only).
  public var segments = 0
  /// Labels assigned, summed over texts and dimensions (the `core` pass only).
  public var labels = 0
  /// Evidence entries, summed over texts (the `core` pass only).
  public var evidence = 0
  /// Seconds spent before the first text: loading and compiling the lexicons, opening ICU.
  public var setupSeconds = 0.0
  /// Seconds spent on the texts, reading included.
  public var seconds = 0.0

  /// Creates an empty result for `pass`.
  public init(pass: String) { self.pass = pass }

  /// Megabytes (10^6 bytes) of text per second, or 0 when no time was measured.
  public var megabytesPerSecond: Double { seconds > 0 ? Double(textBytes) / 1_000_000 / seconds : 0 }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) / 1e18
  }
}

@_spi(Benchmarking) import GovTagKit

/// The floor of GovTag's design: ICU's word-break iterator over every text, through the same C
/// shim as the tagger, and nothing else (no folding, no matching, no JSON).
///
/// GovTag cannot label a text faster than ICU can segment it, so `govtag tag` MB/s ÷ this
/// pass's MB/s says how much of the run the rest of GovTag costs.
public struct ICUPass {
  /// The ICU locale; `zh` selects the Chinese dictionary, as in ``Tagger``.
  public var locale: String

  /// Creates the pass.
  ///
  /// - Parameter locale: the ICU locale (default `zh`).
  public init(locale: String = "zh") { self.locale = locale }

  /// Segments every line of a texts file (one text per line).
  ///
  /// - Parameters:
  ///   - path: the texts file written by `make-corpus.py --texts`.
  ///   - blockSize: the read size (tests make it small).
  /// - Returns: texts, bytes and segments counted, and the time taken.
  /// - Throws: `GovTagError` with code `.io` when the file cannot be read, `.icu` when ICU fails.
  public func run(texts path: String, blockSize: Int = TextLineScanner.defaultBlockSize) throws -> PassResult {
    let clock = ContinuousClock()
    let started = clock.now
    var result = PassResult(pass: "icu")
    let breaker = try ICUWordBreaker(locale: locale)
    let scanner = try TextLineScanner(path: path, blockSize: blockSize)
    let ready = clock.now
    result.setupSeconds = (ready - started).seconds
    try scanner.forEachLine { line in
      result.records += 1
      result.textBytes += line.count
      result.segments += try breaker.countSegments(of: line)
    }
    result.seconds = (clock.now - ready).seconds
    return result
  }
}

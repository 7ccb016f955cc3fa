@_spi(Benchmarking) import GovTagKit

/// GovTag's classifier without the batch runner: ``Tagger/classify(title:text:)`` on every
/// text, with no JSON decoding or encoding and one thread.
///
/// Between the ICU floor and `govtag tag --jobs 1`, it separates what classification costs
/// (folding, matching, scoring, evidence) from what reading records and writing JSON costs.
public struct CorePass {
  /// The folder of lexicon files.
  public var lexiconDirectory: String

  /// Creates the pass.
  ///
  /// - Parameter lexiconDirectory: e.g. `Lexicons`; loaded as `govtag tag --lexicons` loads it.
  public init(lexiconDirectory: String) { self.lexiconDirectory = lexiconDirectory }

  /// Classifies every line of a texts file (one text per line, no title).
  ///
  /// - Parameters:
  ///   - path: the texts file written by `make-corpus.py --texts`.
  ///   - blockSize: the read size (tests make it small).
  /// - Returns: texts, bytes, labels and evidence counted, the lexicon loading time and the
  ///   classification time.
  /// - Throws: `GovTagErrors` when the lexicons do not load; `GovTagError` with code `.io` when
  ///   the file cannot be read, `.icu` when ICU fails.
  public func run(texts path: String, blockSize: Int = TextLineScanner.defaultBlockSize) throws -> PassResult {
    let clock = ContinuousClock()
    let started = clock.now
    var result = PassResult(pass: "core")
    let tagger = try BenchmarkTagger(lexiconDirectory: lexiconDirectory)
    let scanner = try TextLineScanner(path: path, blockSize: blockSize)
    let ready = clock.now
    result.setupSeconds = (ready - started).seconds
    try scanner.forEachLine { line in
      let text = String(decoding: line, as: UTF8.self)
      let counts = try tagger.classify(title: nil, text: text)
      result.records += 1
      result.textBytes += line.count
      result.labels += counts.labels
      result.evidence += counts.evidence
    }
    result.seconds = (clock.now - ready).seconds
    return result
  }
}

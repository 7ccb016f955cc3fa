/// The tagger as `Benchmarks/` times it: `Tagger.classify(title:text:)` with no record format.
///
/// Not API: `@_spi(Benchmarking)`, for the benchmark package beside this one, which depends on
/// GovTag by path, where `package` does not reach (CONTRIBUTING.md). `Tagger` and
/// `ClassifierModel` stay `package`: an SPI declaration is hidden from every file that does not
/// `@_spi` import it, in this package too, and they are used all over it. Programs use ``GovTag``.
@_spi(Benchmarking) public struct BenchmarkTagger {
  /// What one text was labelled with, counted.
  public struct Counts: Sendable, Hashable {
    /// Labels over all dimensions.
    public var labels: Int
    /// Hits kept as evidence (near misses included, as `classify` keeps them by default).
    public var evidence: Int
  }

  private let tagger: Tagger

  /// Loads the lexicons of a directory and compiles the tagger, as `ClassifierModel.load` and
  /// `Tagger(model:)` do (calibrated when `calibration.yaml` is there).
  ///
  /// - Parameter lexiconDirectory: the folder of lexicon files (with `gazetteer.yaml` and `scope.yaml`).
  /// - Throws: `GovTagErrors` listing every problem in the files, or `GovTagError` when the
  ///   directory cannot be read or ICU fails.
  public init(lexiconDirectory: String) throws {
    tagger = try Tagger(model: ClassifierModel.load(lexiconDirectory: lexiconDirectory))
  }

  /// Classifies one text with `Tagger.classify(title:text:)` and counts its labels and evidence.
  ///
  /// - Parameters:
  ///   - title: the title, if any.
  ///   - text: the narrative.
  /// - Returns: the number of labels and of evidence hits.
  /// - Throws: `GovTagError` when ICU fails.
  public func classify(title: String?, text: String) throws -> Counts {
    let classification = try tagger.classify(title: title, text: text)
    var labels = 0
    for dimension in classification.dimensions { labels += dimension.labels.count }
    return Counts(labels: labels, evidence: classification.evidence.count)
  }
}

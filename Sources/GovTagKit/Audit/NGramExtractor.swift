/// The candidate terms of one record for `govtag lexicon suggest`: token n-grams and the
/// sentences they occur in.
///
/// An n-gram is 1 to `maxLength` consecutive tokens of GovTag's segmentation (ICU words with
/// lexicon terms merged, ``Tagger/segment(_:)``), all ideographic or letters, joined without
/// separators; any other token (punctuation, a number, a space) ends a run. N-grams shorter than
/// two characters, and those made only of digits or Chinese numerals, are dropped. Sentences are
/// those of ``TextBreaks`` (the mark is kept); the title is a sentence of its own.
struct NGramExtractor {
  /// The longest n-gram, in tokens.
  var maxLength = 3

  /// What one record yields.
  struct Result: Sendable {
    /// Every distinct n-gram, with the index of the first sentence it occurs in.
    var grams: [String: Int] = [:]
    /// The sentences, trimmed, title first.
    var sentences: [String] = []
  }

  /// Extracts the n-grams of a record.
  ///
  /// - Parameters:
  ///   - title: the title, if any.
  ///   - text: the narrative.
  ///   - tagger: the worker's tagger, for segmentation.
  /// - Returns: the distinct n-grams and the sentences.
  /// - Throws: `GovTagError` when ICU fails.
  func extract(title: String?, text: String, tagger: Tagger) throws -> Result {
    var result = Result()
    if let title, !title.isEmpty { try add(title, tagger: tagger, to: &result) }
    try add(text, tagger: tagger, to: &result)
    return result
  }

  /// Adds one field's n-grams and sentences.
  private func add(_ field: String, tagger: Tagger, to result: inout Result) throws {
    let tokens = try tagger.segment(field)
    var field = field
    field.withUTF8 { bytes in
      let ends = TextBreaks.sentenceEnds(in: bytes)
      let firstSentence = result.sentences.count
      var start = 0
      for end in ends {
        result.sentences.append(Self.trimmedSentence(bytes, start..<end))
        start = end
      }
      var sentence = 0
      var run: [Range<Int>] = []
      func flush() {
        for first in run.indices {
          for last in first..<min(run.count, first + maxLength) {
            let range = run[first].lowerBound..<run[last].upperBound
            guard Self.scalarCount(bytes, range) >= 2, !Self.isNumeral(bytes, range) else { continue }
            let gram = UTF8Text.string(bytes, range)
            if result.grams[gram] == nil { result.grams[gram] = firstSentence + sentence }
          }
        }
        run.removeAll(keepingCapacity: true)
      }
      for token in tokens {
        while sentence < ends.count - 1 && token.range.lowerBound >= ends[sentence] {
          flush()
          sentence += 1
        }
        if token.kind == .ideographic || token.kind == .letters {
          run.append(token.range)
        } else {
          flush()
        }
      }
      flush()
    }
  }

  /// The sentence in `range` without leading and trailing ASCII or ideographic spaces.
  static func trimmedSentence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var text = Substring(UTF8Text.string(bytes, range))
    while let first = text.unicodeScalars.first, first.properties.isWhitespace { text = text.dropFirst() }
    while let last = text.unicodeScalars.last, last.properties.isWhitespace { text = text.dropLast() }
    return String(text)
  }

  /// The number of Unicode scalars in `bytes[range]`.
  static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where UTF8Text.isScalarStart(bytes[index]) { count += 1 }
    return count
  }

  /// Chinese numerals, as UTF-8 (〇一二三四五六七八九十百千万亿两).
  static let numerals: Set<[UInt8]> = Set("〇一二三四五六七八九十百千万亿两".unicodeScalars.map { Array(String($0).utf8) })

  /// Whether `bytes[range]` is made only of ASCII digits, full-width digits and Chinese numerals.
  static func isNumeral(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        index += 1
        continue
      }
      guard byte >= 0xE0, index + 3 <= range.upperBound else { return false }
      let scalar = Array(bytes[index..<index + 3])
      // Full-width digits ０–９: EF BC 90 – EF BC 99.
      let fullWidthDigit = scalar[0] == 0xEF && scalar[1] == 0xBC && scalar[2] >= 0x90 && scalar[2] <= 0x99
      guard fullWidthDigit || numerals.contains(scalar) else { return false }
      index += 3
    }
    return true
  }
}

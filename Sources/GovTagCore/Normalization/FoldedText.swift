/// One text at a time after ``TextFolding``, with the map from its byte offsets back to the
/// original text's.
///
/// Matching and word boundaries work on the folded bytes; evidence and place names point into
/// the original text, so every offset they keep goes through ``originalOffset(_:)``. The
/// buffers are reused from text to text, so, like a tagger, an instance belongs to one thread.
final class FoldedText {
  // Unchecked for the same reason as ``WordBoundaries``' scratch state: one thread, no
  // overlapping access, and ``originalOffset(_:)`` runs for every hit and place name.
  /// The current text after folding (traditional → simplified, full width → ASCII).
  @exclusivity(unchecked) private(set) var bytes: [UInt8] = []
  /// Folded byte offset → original byte offset; empty when folding kept every length.
  @exclusivity(unchecked) private var offsets: [Int32] = []

  /// Whether folding changed the length of some character, so that folded and original offsets
  /// differ (the identity map is not built).
  var movesOffsets: Bool { !offsets.isEmpty }

  /// Folds `text` and calls `body` with the folded and the original bytes; both are valid only
  /// during the call, and the folded text stays current until the next call.
  func fold<Result>(
    _ text: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> Result
  ) throws -> Result {
    var text = text
    return try text.withUTF8 { original in
      TextFolding.standard.fold(original, into: &bytes, offsets: &offsets)
      return try bytes.withUnsafeBufferPointer { try body($0, original) }
    }
  }

  /// The original byte offset of a folded byte offset of the current text.
  @inline(__always)
  func originalOffset(_ folded: Int) -> Int { offsets.isEmpty ? folded : Int(offsets[folded]) }
}

/// How scores and weights are written for people, shared by the classifier's explanations and
/// the lexicon loader's messages (which must not depend on the classifier for it).
package enum ScoreFormat {
  /// A score as people read it: `3`, `2.5`, `1.75`.
  package static func text(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

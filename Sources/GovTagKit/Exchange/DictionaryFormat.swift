/// The dictionary formats `govtag lexicon export` writes and `govtag lexicon import` reads.
package enum DictionaryFormat: String, Sendable, CaseIterable {
  /// LIWC's `.dic`: a `%`-delimited header of numbered categories, then `term<TAB>numbers` rows;
  /// a trailing `*` matches any word starting with the term.
  case liwc
  /// quanteda's YAML dictionary: keys nest (`capability: {public_service: [terms]}`); glob `*`.
  case quanteda
  /// cntext's YAML dictionary: `Name`, `Desc`, `Refer`, `Category` and `Dictionary: {category: [words]}`.
  case cntext
  /// A jieba user dictionary: `term freq tag` per line.
  case jieba

  /// Whether `govtag lexicon import` reads it.
  package var canImport: Bool { self == .liwc || self == .quanteda }
}

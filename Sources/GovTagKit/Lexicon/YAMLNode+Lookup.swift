internal import Yams

extension Node.Mapping {
  /// The value of the plain-string key `key`, found by comparing the keys' text.
  ///
  /// Used instead of Yams' subscript, which resolves the key's YAML tag with regular expressions
  /// on every lookup: that alone made start-up several times slower, which matters when a
  /// streaming engine starts one process per partition.
  func value(forKey key: String) -> Node? {
    for (candidate, value) in self where candidate.scalar?.string == key { return value }
    return nil
  }
}

internal import Yams

/// A dictionary file's YAML as nested keys and term lists, with the line of every key: the shape
/// quanteda's and cntext's dictionaries share.
indirect enum YAMLDictionaryNode {
  /// A list of terms.
  case list([String])
  /// Keys (with their 1-based lines) in file order.
  case mapping([(key: String, line: Int, value: YAMLDictionaryNode)])

  /// Why a YAML text is not a dictionary.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// Parses `text`.
  ///
  /// - Parameter text: the YAML text.
  /// - Returns: the tree.
  /// - Throws: Yams' error for invalid YAML, ``Problem`` for a scalar where keys or a list belong.
  static func parse(_ text: String) throws -> YAMLDictionaryNode {
    guard let node = try Yams.compose(yaml: text) else { return .mapping([]) }
    return try convert(node)
  }

  private static func convert(_ node: Node) throws -> YAMLDictionaryNode {
    switch node {
    case .mapping(let mapping):
      var items: [(String, Int, YAMLDictionaryNode)] = []
      for (key, value) in mapping {
        items.append((key.string ?? "", key.mark?.line ?? 0, try convert(value)))
      }
      return .mapping(items)
    case .sequence(let sequence):
      var terms: [String] = []
      for item in sequence {
        guard let term = item.string else {
          throw Problem(description: "line \(item.mark?.line ?? 0): a list item is not a term")
        }
        terms.append(term)
      }
      return .list(terms)
    case .scalar(let scalar):
      if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return .list([]) }
      throw Problem(description: "line \(node.mark?.line ?? 0): \"\(scalar.string)\" stands where keys or a list of terms belong")
    default:
      throw Problem(description: "line \(node.mark?.line ?? 0): YAML aliases are not read")
    }
  }
}

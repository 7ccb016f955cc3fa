internal import Yams

extension LabelContextModel {
  /// The `label_context:` section of `calibration.yaml`: the inputs, the regression of each
  /// dimension, then the co-occurrence counts (labels in sorted order, so the file is the same
  /// in every run).
  func yamlLines() -> [String] {
    var lines = [
      "label_context:",
      "  features: [\(Self.featureNames.joined(separator: ", "))]",
      "  smoothing: \(CalibrationModel.number(Self.smoothing, 6))",
      "  dimensions:",
    ]
    for dimension in dimensions {
      let pairs = zip(Self.featureNames, dimension.coefficients).map { "\($0): \(CalibrationModel.number($1, 6))" }
      lines.append(
        "    \(dimension.id): {intercept: \(CalibrationModel.number(dimension.intercept, 6)), \(pairs.joined(separator: ", "))}")
    }
    lines.append("  records: \(records)")
    lines.append("  labels:")
    for label in labelCounts.keys.sorted() {
      let together = (pairCounts[label] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
      lines.append("    \(label): {records: \(labelCounts[label]!), with: {\(together.joined(separator: ", "))}}")
    }
    return lines
  }

  /// Reads the `label_context:` section; reports each problem with its node and returns `nil`
  /// when the section cannot be used.
  static func parse(_ node: Node, problem: (String, Node?) -> Void) -> LabelContextModel? {
    guard let mapping = node.mapping else {
      problem("label_context must be a mapping of features, dimensions, records and labels", node)
      return nil
    }
    if let names = mapping.value(forKey: "features")?.sequence?.compactMap({ $0.scalar?.string }), names != featureNames {
      problem(
        "label_context.features are [\(names.joined(separator: ", "))]; this GovTag reads [\(featureNames.joined(separator: ", "))]",
        mapping.value(forKey: "features"))
      return nil
    }
    func number(_ node: Node?, _ key: String) -> Double? {
      guard let text = node?.scalar?.string, let value = Double(text), value.isFinite else {
        problem("label_context.\(key) is missing or not a number", node ?? mapping.value(forKey: "dimensions"))
        return nil
      }
      return value
    }
    var dimensions: [Dimension] = []
    for (key, body) in mapping.value(forKey: "dimensions")?.mapping ?? [:] {
      guard let id = key.scalar?.string else { continue }
      let intercept = number(body.mapping?.value(forKey: "intercept"), "dimensions.\(id).intercept")
      let coefficients = featureNames.compactMap { number(body.mapping?.value(forKey: $0), "dimensions.\(id).\($0)") }
      guard let intercept, coefficients.count == featureNames.count else { return nil }
      dimensions.append(Dimension(id: id, intercept: intercept, coefficients: coefficients))
    }
    guard let records = number(mapping.value(forKey: "records"), "records") else { return nil }
    var labelCounts: [String: Int] = [:]
    var pairCounts: [String: [String: Int]] = [:]
    for (key, body) in mapping.value(forKey: "labels")?.mapping ?? [:] {
      guard let label = key.scalar?.string, let count = number(body.mapping?.value(forKey: "records"), "labels.\(label).records")
      else {
        return nil
      }
      labelCounts[label] = Int(count)
      for (otherKey, value) in body.mapping?.value(forKey: "with")?.mapping ?? [:] {
        guard let other = otherKey.scalar?.string, let both = number(value, "labels.\(label).with.\(other)") else {
          return nil
        }
        pairCounts[label, default: [:]][other] = Int(both)
      }
    }
    return LabelContextModel(
      records: Int(records), labelCounts: labelCounts, pairCounts: pairCounts, dimensions: dimensions)
  }
}

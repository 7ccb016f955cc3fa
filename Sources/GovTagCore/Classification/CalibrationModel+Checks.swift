internal import Yams

extension CalibrationModel {
  /// The keys of the file, of a dimension, of a category's curve and of `label_context:`.
  private static let fileKeys = [
    "format", "lexicon_version", "fitted_on", "field", "records", "folds", "folds_by", "seed", "features", "dimensions",
    "label_context",
  ]
  private static let dimensionKeys = ["cv_macro_f1", "categories"]
  private static let curveKeys = [
    "examples", "positives", "regularisation", "cv_log_loss", "labels", "cv_f1", "intercept", "coefficients",
  ]
  private static let labelContextKeys = ["features", "smoothing", "dimensions", "records", "labels"]

  /// The problems of a calibration file's layout: unknown or repeated keys, and dimension and
  /// category ids that the taxonomy does not have.
  ///
  /// The parser reads a curve by its dimension and category id; a curve under a misspelt id
  /// (`public_servic`) or under an unknown key would be read as no curve at all, and the
  /// category's confidence would silently go missing from every record.
  ///
  /// - Parameters:
  ///   - mapping: the file's top-level mapping.
  ///   - taxonomy: the dimensions and categories ids are checked against.
  ///   - file: the path, for locations.
  /// - Returns: one error per problem, in file order within each section.
  static func layoutProblems(_ mapping: Node.Mapping, taxonomy: Taxonomy, file: String) -> [GovTagError] {
    var problems = mapping.keyProblems(allowed: fileKeys, context: "at the top of the calibration file", file: file)
    let remake = "or remake the file with \(unreadRemakeCommand)"
    func location(_ node: Node) -> SourceLocation {
      SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }
    /// The dimension `key` names, or `nil` after reporting it as unknown.
    func dimension(_ key: Node) -> Taxonomy.Dimension? {
      let id = key.scalar?.string ?? "?"
      if let dimension = taxonomy.dimension(id) { return dimension }
      problems.append(
        GovTagError(
          .lexicon, "unknown dimension \"\(id)\"", at: location(key),
          hint: "use one of \(taxonomy.dimensions.map(\.id).joined(separator: ", ")), \(remake)"))
      return nil
    }
    /// Whether `id` is a category of `dimension`, reporting it when not.
    func isCategory(_ id: String, of dimension: Taxonomy.Dimension, at key: Node) -> Bool {
      if dimension.categories.contains(where: { $0.id == id }) { return true }
      problems.append(
        GovTagError(
          .lexicon, "unknown category \"\(id)\" in dimension \(dimension.id)", at: location(key),
          hint: "use one of \(dimension.categories.map(\.id).joined(separator: ", ")), \(remake)"))
      return false
    }
    if let dimensions = mapping.value(forKey: "dimensions")?.mapping {
      problems += dimensions.keyProblems(allowed: nil, context: "in dimensions", file: file)
      for (key, body) in dimensions {
        guard let dimension = dimension(key), let fields = body.mapping else { continue }
        problems += fields.keyProblems(allowed: dimensionKeys, context: "in dimension \(dimension.id)", file: file)
        if let f1 = fields.value(forKey: "cv_macro_f1")?.mapping {
          problems += f1.keyProblems(
            allowed: ["threshold", "chosen"], context: "in \(dimension.id).cv_macro_f1", file: file)
        }
        guard let categories = fields.value(forKey: "categories")?.mapping else { continue }
        problems += categories.keyProblems(allowed: nil, context: "in the categories of \(dimension.id)", file: file)
        for (categoryKey, curve) in categories {
          let id = categoryKey.scalar?.string ?? "?"
          guard isCategory(id, of: dimension, at: categoryKey), let curve = curve.mapping else { continue }
          let name = "\(dimension.id).\(id)"
          problems += curve.keyProblems(allowed: curveKeys, context: "in \(name)", file: file)
          if let coefficients = curve.value(forKey: "coefficients")?.mapping {
            problems += coefficients.keyProblems(
              allowed: ConfidenceFeatures.names, context: "in \(name).coefficients", file: file)
          }
          if let f1 = curve.value(forKey: "cv_f1")?.mapping {
            problems += f1.keyProblems(allowed: ["threshold", "confidence"], context: "in \(name).cv_f1", file: file)
          }
        }
      }
    }
    guard let context = mapping.value(forKey: "label_context")?.mapping else { return problems }
    problems += context.keyProblems(allowed: labelContextKeys, context: "in label_context", file: file)
    if let dimensions = context.value(forKey: "dimensions")?.mapping {
      problems += dimensions.keyProblems(allowed: nil, context: "in label_context.dimensions", file: file)
      for (key, body) in dimensions {
        guard let dimension = dimension(key), let fields = body.mapping else { continue }
        problems += fields.keyProblems(
          allowed: ["intercept"] + LabelContextModel.featureNames, context: "in label_context.dimensions.\(dimension.id)",
          file: file)
      }
    }
    /// `dimension.category` as the label counts name a label.
    func isLabel(_ key: Node) -> Bool {
      let label = key.scalar?.string ?? "?"
      let parts = label.split(separator: ".", maxSplits: 1).map(String.init)
      if parts.count == 2, let dimension = taxonomy.dimension(parts[0]) {
        return isCategory(parts[1], of: dimension, at: key)
      }
      problems.append(
        GovTagError(
          .lexicon, "unknown label \"\(label)\" in label_context", at: location(key),
          hint: "write dimension.category with a dimension of \(taxonomy.dimensions.map(\.id).joined(separator: ", ")), \(remake)"
        ))
      return false
    }
    if let labels = context.value(forKey: "labels")?.mapping {
      problems += labels.keyProblems(allowed: nil, context: "in label_context.labels", file: file)
      for (key, body) in labels {
        guard isLabel(key), let fields = body.mapping else { continue }
        let label = key.scalar?.string ?? "?"
        problems += fields.keyProblems(allowed: ["records", "with"], context: "in label_context.labels.\(label)", file: file)
        guard let with = fields.value(forKey: "with")?.mapping else { continue }
        problems += with.keyProblems(allowed: nil, context: "in label_context.labels.\(label).with", file: file)
        for (other, _) in with { _ = isLabel(other) }
      }
    }
    return problems
  }
}

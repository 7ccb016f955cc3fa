import Foundation
internal import Yams

extension CalibrationModel {
  /// The file name in a lexicon directory.
  package static let fileName = "calibration.yaml"

  /// The model as a human-readable YAML file; with `comment`, a header saying how it was made
  /// and how to remake it.
  ///
  /// Numbers are rounded to 6 decimals, and GovTag uses the rounded values, so the file is the
  /// whole model.
  ///
  /// - Parameters:
  ///   - comment: whether to start with the header.
  ///   - labelContext: whether to write ``labelContext`` (the audit's model), when there is one.
  /// - Returns: the file's text.
  ///   - command: the command that made the file, as run and in backquotes (`` `govtag calibrate
  ///     Corpus/dev.jsonl -o L/calibration.yaml --folds-by-part --lexicons L` ``), for the header;
  ///     `nil` writes the command that remakes `Lexicons/calibration.yaml` from its inputs.
  package func renderYAML(
    comment: Bool = true, labelContext includeLabelContext: Bool = true, command: String? = nil
  ) -> String {
    var lines: [String] = []
    if comment {
      let made =
        command
        ?? "`govtag calibrate \(inputs.joined(separator: " ")) -o Lexicons/\(Self.fileName)\(foldsByPart ? " --folds-by-part" : "")` (`make calibrate`)"
      lines += [
        "# GovTag confidence calibration: per category, a logistic curve from GovTag's own scoring",
        "# features to the probability that the category applies (see docs/audit.md, \"Confidence\").",
        "#",
        "# Made by \(made),",
        "# fitted on those gold records only (never on Corpus/test.jsonl, which is kept for reporting).",
        "# Regularisation: L2 toward the dimension's pooled curve, its strength chosen per category by",
        foldsByPart
          ? "# leave-one-part-out cross-validation (\(folds) parts, told apart by id); cv_log_loss is the held-out log-loss."
          : "# \(folds)-fold cross-validation (folds seeded with \(seed)); cv_log_loss is the held-out log-loss.",
        "# labels: confidence assigns the category at a confidence of 0.5 or more, where its held-out F1",
        "# (cv_f1) beats the threshold's by 0.05 or more; labels: threshold keeps the lexicon threshold.",
        "# Remake it after changing the lexicons or the gold records: GovTag warns when lexicon_version",
        "# (the lexicons' version without this file) changes. Delete the file to use thresholds only.",
        "# label_context is read by `govtag audit` only: per dimension, a logistic regression from the",
        "# confidence (log-odds), the record's other labels in the dimension and their co-occurrence",
        "# evidence (naive Bayes on the gold label counts below) to the probability that the category",
        "# applies; fitted on out-of-fold confidences and counts (see docs/audit.md).",
        "",
      ]
    }
    lines.append("format: 1")
    lines.append("lexicon_version: \"\(lexiconVersion)\"")
    lines.append("fitted_on: [\(inputs.map { Self.quoted($0) }.joined(separator: ", "))]")
    if field != Self.defaultField { lines.append("field: \(Self.quoted(field))") }
    lines.append("records: \(records)")
    lines.append("folds: \(folds)")
    if foldsByPart { lines.append("folds_by: part") }
    lines.append("seed: \(seed)")
    lines.append("features: [\(ConfidenceFeatures.names.joined(separator: ", "))]")
    lines.append("dimensions:")
    for dimension in dimensions {
      lines.append("  \(dimension.id):")
      if let t = dimension.thresholdMacroF1, let c = dimension.chosenMacroF1 {
        lines.append("    cv_macro_f1: {threshold: \(Self.number(t, 6)), chosen: \(Self.number(c, 6))}")
      }
      lines.append("    categories:")
      for curve in dimension.curves {
        lines.append("      \(curve.category):")
        lines.append("        examples: \(curve.examples)")
        lines.append("        positives: \(curve.positives)")
        lines.append("        regularisation: \(Self.number(curve.regularisation, 6))")
        lines.append("        cv_log_loss: \(Self.number(curve.crossValidatedLogLoss, 6))")
        lines.append("        labels: \(curve.labelRule.rawValue)")
        if let t = curve.thresholdF1, let c = curve.confidenceF1 {
          lines.append("        cv_f1: {threshold: \(Self.number(t, 6)), confidence: \(Self.number(c, 6))}")
        }
        lines.append("        intercept: \(Self.number(curve.intercept, 6))")
        let pairs = zip(ConfidenceFeatures.names, curve.coefficients).map { "\($0): \(Self.number($1, 6))" }
        lines.append("        coefficients: {\(pairs.joined(separator: ", "))}")
      }
    }
    if includeLabelContext, let labelContext { lines += labelContext.yamlLines() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` as one word of a shell command: as it is when it holds only safe characters, else in
  /// single quotes.
  package static func shellWord(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      ($0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@%=".unicodeScalars.contains($0)))
        || (!$0.isASCII && !CharacterSet.whitespacesAndNewlines.contains($0))
    }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Rounds to `places` decimals and prints the shortest form (`0.5`, `-1.234567`).
  static func number(_ value: Double, _ places: Int) -> String {
    let scale = pow(10.0, Double(places))
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) + ".0" }
    return String(rounded)
  }

  /// Rounds a fitted number as the file stores it.
  static func stored(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }

  private static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// Reads `calibration.yaml` of `directory`, or `nil` when there is none.
  ///
  /// - Parameters:
  ///   - directory: the lexicon folder.
  ///   - taxonomy: the dimensions and categories its ids are checked against.
  /// - Throws: `GovTagErrors` naming the file, the line and what is wrong when it cannot be used.
  package static func load(directory: String, taxonomy: Taxonomy = .standard) throws -> CalibrationModel? {
    let path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw GovTagErrors([
        GovTagError(
          .io, "cannot read the calibration file", at: SourceLocation(file: path),
          hint: "check its permissions, or remake it with \(unreadRemakeCommand)")
      ])
    }
    return try parse(text, file: path, taxonomy: taxonomy)
  }

  /// Parses the text of a calibration file.
  ///
  /// - Parameters:
  ///   - text: the file's text.
  ///   - file: the path, for messages.
  ///   - taxonomy: the dimensions and categories its ids are checked against (``layoutProblems(_:taxonomy:file:)``).
  /// - Throws: `GovTagErrors` with the file and line of every problem.
  package static func parse(_ text: String, file: String, taxonomy: Taxonomy = .standard) throws -> CalibrationModel {
    let hint = "remake it with \(unreadRemakeCommand), or delete it to use thresholds only"
    func problem(_ message: String, _ node: Node?) -> GovTagError {
      GovTagError(.lexicon, message, at: SourceLocation(file: file, line: node?.mark?.line ?? 1), hint: hint)
    }
    let root: Node?
    do { root = try Yams.compose(yaml: text) } catch {
      throw GovTagErrors([problem("not valid YAML: \(error)", nil)])
    }
    guard let root, let mapping = root.mapping else {
      throw GovTagErrors([problem("the file is not a mapping of format, lexicon_version and dimensions", root)])
    }
    var problems = layoutProblems(mapping, taxonomy: taxonomy, file: file)
    func scalar(_ node: Node?, _ key: String) -> String? {
      guard let value = node?.scalar?.string else {
        problems.append(problem("\(key) is missing or not a single value", node ?? root))
        return nil
      }
      return value
    }
    func number(_ node: Node?, _ key: String) -> Double? {
      guard let text = scalar(node, key) else { return nil }
      guard let value = Double(text), value.isFinite else {
        problems.append(problem("\(key) is \"\(text)\", not a number", node))
        return nil
      }
      return value
    }
    let version = scalar(mapping.value(forKey: "lexicon_version"), "lexicon_version") ?? ""
    let inputs = mapping.value(forKey: "fitted_on")?.sequence?.compactMap { $0.scalar?.string } ?? []
    let field = mapping.value(forKey: "field")?.scalar?.string ?? defaultField
    let records = Int(number(mapping.value(forKey: "records"), "records") ?? 0)
    let folds = Int(number(mapping.value(forKey: "folds"), "folds") ?? 0)
    let seed = UInt64(mapping.value(forKey: "seed")?.scalar?.string ?? "") ?? 0
    let foldsBy = mapping.value(forKey: "folds_by")?.scalar?.string
    if let foldsBy, foldsBy != "part" {
      problems.append(problem("folds_by is \"\(foldsBy)\"; the only value is part", mapping.value(forKey: "folds_by")))
    }
    if let names = mapping.value(forKey: "features")?.sequence?.compactMap({ $0.scalar?.string }),
      names != ConfidenceFeatures.names
    {
      problems.append(
        problem(
          "features are [\(names.joined(separator: ", "))]; this GovTag reads [\(ConfidenceFeatures.names.joined(separator: ", "))]",
          mapping.value(forKey: "features")))
    }
    var dimensions: [Dimension] = []
    if let dimensionNodes = mapping.value(forKey: "dimensions")?.mapping {
      for (key, node) in dimensionNodes {
        guard let id = key.scalar?.string, let body = node.mapping else {
          problems.append(problem("a dimension must be a mapping with labels and categories", node))
          continue
        }
        let f1 = body.value(forKey: "cv_macro_f1")?.mapping
        var curves: [Curve] = []
        for (categoryKey, categoryNode) in body.value(forKey: "categories")?.mapping ?? [:] {
          guard let category = categoryKey.scalar?.string, let fields = categoryNode.mapping else {
            problems.append(problem("a category of \(id) must be a mapping", categoryNode))
            continue
          }
          let name = "\(id).\(category)"
          let coefficientNode = fields.value(forKey: "coefficients")?.mapping
          var coefficients: [Double] = []
          for feature in ConfidenceFeatures.names {
            guard let value = number(coefficientNode?.value(forKey: feature), "\(name).coefficients.\(feature)") else { continue }
            coefficients.append(value)
          }
          let ruleText = fields.value(forKey: "labels")?.scalar?.string ?? "threshold"
          guard let rule = LabelRule(rawValue: ruleText) else {
            problems.append(
              problem("\(name).labels is \"\(ruleText)\"; use threshold or confidence", fields.value(forKey: "labels")))
            continue
          }
          guard coefficients.count == ConfidenceFeatures.count,
            let intercept = number(fields.value(forKey: "intercept"), "\(name).intercept")
          else { continue }
          var curve =
            Curve(
              category: category, intercept: intercept, coefficients: coefficients,
              examples: Int(number(fields.value(forKey: "examples"), "\(name).examples") ?? 0),
              positives: Int(number(fields.value(forKey: "positives"), "\(name).positives") ?? 0),
              regularisation: number(fields.value(forKey: "regularisation"), "\(name).regularisation") ?? 0,
              crossValidatedLogLoss: number(fields.value(forKey: "cv_log_loss"), "\(name).cv_log_loss") ?? 0)
          curve.labelRule = rule
          curve.thresholdF1 = fields.value(forKey: "cv_f1")?.mapping?.value(forKey: "threshold")?.scalar.flatMap {
            Double($0.string)
          }
          curve.confidenceF1 = fields.value(forKey: "cv_f1")?.mapping?.value(forKey: "confidence")?.scalar.flatMap {
            Double($0.string)
          }
          curves.append(curve)
        }
        dimensions.append(
          Dimension(
            id: id, thresholdMacroF1: f1?.value(forKey: "threshold")?.scalar.flatMap { Double($0.string) },
            chosenMacroF1: f1?.value(forKey: "chosen")?.scalar.flatMap { Double($0.string) }, curves: curves))
      }
    } else {
      problems.append(problem("dimensions is missing", root))
    }
    var labelContext: LabelContextModel?
    if let node = mapping.value(forKey: "label_context") {
      labelContext = LabelContextModel.parse(node, problem: { problems.append(problem($0, $1)) })
    }
    guard problems.isEmpty else { throw GovTagErrors(problems) }
    var model = CalibrationModel(
      lexiconVersion: version, inputs: inputs, records: records, folds: folds, seed: seed, dimensions: dimensions,
      file: file)
    model.labelContext = labelContext
    model.foldsByPart = foldsBy == "part"
    model.field = field
    return model
  }
}

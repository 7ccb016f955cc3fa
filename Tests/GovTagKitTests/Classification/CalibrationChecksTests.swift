import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("calibration.yaml is checked against the taxonomy, and a category without a curve is never silent")
struct CalibrationChecksTests {
  /// The sample calibration's text with `old` replaced by `new`.
  static func sample(replacing old: String, with new: String) -> String {
    CalibrationTests.sample.renderYAML(comment: false).replacingOccurrences(of: old, with: new)
  }

  @Test("the sample reads back; a misspelt category is an error with its line")
  func unknownCategory() throws {
    _ = try CalibrationModel.parse(CalibrationTests.sample.renderYAML(comment: false), file: "c.yaml")
    do {
      _ = try CalibrationModel.parse(
        Self.sample(replacing: "      public_service:\n", with: "      public_servic:\n"), file: "c.yaml")
      Issue.record("expected errors")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          "c.yaml:12:7: unknown category \"public_servic\" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency, or remake the file with the command on the `Made by` line at the top of the file"
        ])
    }
  }

  @Test("an unknown key in a curve, and a misspelt coefficient, are errors with their lines")
  func unknownKeys() throws {
    let text = Self.sample(replacing: "        examples: 3\n", with: "        examples: 3\n        colour: red\n")
      .replacingOccurrences(of: "near_misses:", with: "near_mises:")
    do {
      _ = try CalibrationModel.parse(text, file: "c.yaml")
      Issue.record("expected errors")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          "c.yaml:14:9: unknown key \"colour\" in capability.public_service; expected examples, positives, regularisation, cv_log_loss, labels, cv_f1, intercept, coefficients",
          "c.yaml:21:94: unknown key \"near_mises\" in capability.public_service.coefficients; expected ratio, share_of_top, distinct_terms, title_hits, near_misses, assigned",
          "c.yaml:1: capability.public_service.coefficients.near_misses is missing or not a single value; remake it with the command on the `Made by` line at the top of the file, or delete it to use thresholds only",
        ])
    }
  }

  @Test("label_context ids are checked too")
  func labelContextIDs() throws {
    var model = CalibrationTests.sample
    model.labelContext = LabelContextModel(
      records: 3, labelCounts: ["capability.public_servic": 1], pairCounts: ["capability.public_servic": ["tech.ai": 1]],
      dimensions: [])
    do {
      _ = try CalibrationModel.parse(model.renderYAML(comment: false), file: "c.yaml")
      Issue.record("expected errors")
    } catch let errors as GovTagErrors {
      #expect(
        errors.errors.map(\.description) == [
          "c.yaml:27:5: unknown category \"public_servic\" in dimension capability; use one of economic_regulation, market_supervision, social_management, public_service, environmental_protection, government_operations, government_transparency, or remake the file with the command on the `Made by` line at the top of the file"
        ])
    }
  }

  @Test("a category of the lexicons without a curve is a warning naming it")
  func missingCurve() throws {
    let directory = Fixtures.temporaryDirectory()
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.lexiconDirectory) {
      try FileManager.default.copyItem(
        atPath: Fixtures.lexiconDirectory + "/" + name, toPath: directory.appendingPathComponent(name).path)
    }
    let path = Fixtures.write(CalibrationTests.sample.renderYAML(), to: "calibration.yaml", in: directory)
    var warnings: [String] = []
    let model = try ClassifierModel.load(lexiconDirectory: directory.path) { warnings.append($0.description) }
    let missing = model.lexicons.dimensions.flatMap { dimension in
      dimension.categories.map { "\(dimension.id).\($0.id)" }
    }.filter { $0 != "capability.public_service" }
    #expect(
      warnings.last
        == "\(path): no confidence curve for \(missing.joined(separator: ", ")): records get no confidence for them; remake the file with the command on the `Made by` line at the top of the file"
    )
  }
}

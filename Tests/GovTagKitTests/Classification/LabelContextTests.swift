import Foundation
import Testing

@testable import GovTagCore

@Suite("Label context: the audit's probability given the record's other labels")
struct LabelContextTests {
  /// Ten gold records: capability.a on 4, technology.x on 5, both on 3.
  static let sample = LabelContextModel(
    records: 10, labelCounts: ["capability.a": 4, "capability.b": 6, "technology.x": 5],
    pairCounts: ["capability.a": ["technology.x": 3], "technology.x": ["capability.a": 3]],
    dimensions: [LabelContextModel.Dimension(id: "capability", intercept: -1, coefficients: [1, 2, 0.5, 0.25])])

  @Test("the co-occurrence evidence is the naive-Bayes log-likelihood ratio of the other labels; unseen labels say nothing")
  func coOccurrence() {
    let labels: [String: Set<String>] = ["capability": ["a"], "technology": ["x", "never_seen"]]
    let expected = log((3 + 0.5) / (4 + 1.0)) - log((5 - 3 + 0.5) / (10 - 4 + 1.0))
    #expect(abs(Self.sample.coOccurrence(of: "capability.a", labels: labels) - expected) < 1e-12)
    // A label the counts never saw has no evidence at all.
    #expect(Self.sample.coOccurrence(of: "capability.never_seen", labels: labels) == 0)
    // b never went with a or x (no pair counts): each of them speaks against it.
    let againstB =
      (log(0.5 / (6 + 1.0)) - log((4 + 0.5) / (10 - 6 + 1.0))) + (log(0.5 / (6 + 1.0)) - log((5 + 0.5) / (10 - 6 + 1.0)))
    #expect(againstB < 0)
    #expect(abs(Self.sample.coOccurrence(of: "capability.b", labels: labels) - againstB) < 1e-12)
  }

  @Test(
    "the probability reads the confidence's log-odds, whether the dimension has other labels, how many, and the co-occurrence",
    arguments: [(["a", "b"], 1, 0.0), (["b"], 1, 0.0), (["a"], 0, 1.0), ([], 0, 1.0)] as [([String], Int, Double)])
  func probability(capability: [String], others: Int, alone: Double) throws {
    let labels: [String: Set<String>] = ["capability": Set(capability), "technology": ["x"]]
    let cooccurrence = Self.sample.coOccurrence(of: "capability.a", labels: labels)
    let z = -1 + log(0.8 / 0.2) + 2 * alone + 0.5 * Double(others) + 0.25 * cooccurrence
    let p = try #require(
      Self.sample.probability(dimension: "capability", category: "a", confidence: 0.8, labels: labels))
    #expect(abs(p - 1 / (1 + exp(-z))) < 1e-12)
    // A dimension without a regression gives none (the audit then reads the confidence alone).
    #expect(Self.sample.probability(dimension: "traits", category: "platform", confidence: 0.8, labels: labels) == nil)
  }

  @Test("the other labels raise GovTag's odds at most 49-fold; they lower them without bound")
  func bound() throws {
    // Trusting the person's only capability (+8, as the fit on gold gives it) cannot make a
    // label GovTag gives 0.008 likely right: odds 0.008/0.992 × 49 = 0.395, probability 0.283.
    let trusting = LabelContextModel(
      records: 10, labelCounts: [:], pairCounts: [:],
      dimensions: [LabelContextModel.Dimension(id: "capability", intercept: 0, coefficients: [1, 8, -4, 0])])
    let alone = try #require(
      trusting.probability(dimension: "capability", category: "a", confidence: 0.008, labels: ["capability": ["a"]]))
    #expect(abs(alone - 0.008 * 49 / (0.008 * 49 + 0.992)) < 1e-12)
    // Next to three other labels the odds fall by e^(-12): not bounded.
    let crowded = try #require(
      trusting.probability(
        dimension: "capability", category: "a", confidence: 0.5, labels: ["capability": ["a", "b", "c", "d"]]))
    #expect(abs(crowded - 1 / (1 + exp(12.0))) < 1e-12)
  }

  /// ``sample`` with the taxonomy's ids, as a calibration file must name them.
  static let fileSample = LabelContextModel(
    records: 10, labelCounts: ["capability.public_service": 4, "capability.social_management": 6, "technology.ai": 5],
    pairCounts: ["capability.public_service": ["technology.ai": 3], "technology.ai": ["capability.public_service": 3]],
    dimensions: [LabelContextModel.Dimension(id: "capability", intercept: -1, coefficients: [1, 2, 0.5, 0.25])])

  @Test("the file carries the label context and reads it back; the lexicon version does not depend on it")
  func roundTrip() throws {
    var model = CalibrationTests.sample
    model.labelContext = Self.fileSample
    let text = model.renderYAML()
    #expect(
      text.contains(
        "label_context:\n  features: [confidence, no_other_label, other_labels, co_occurrence]\n  smoothing: 0.5\n  dimensions:\n    capability: {intercept: -1.0, confidence: 1.0, no_other_label: 2.0, other_labels: 0.5, co_occurrence: 0.25}\n  records: 10\n  labels:\n    capability.public_service: {records: 4, with: {technology.ai: 3}}\n    capability.social_management: {records: 6, with: {}}\n"
      ))
    var read = try CalibrationModel.parse(text, file: "calibration.yaml")
    read.file = nil
    #expect(read == model)
    // Only audit reads it: tag's stamped version stays the same with or without it.
    #expect(model.fingerprint == CalibrationTests.sample.fingerprint)
  }

  @Test("a broken label context is reported with its file and line")
  func broken() {
    var model = CalibrationTests.sample
    model.labelContext = Self.fileSample
    let (line, message) = CalibrationTests.parseError(of: model, replacing: "other_labels: 0.5", with: "other_labels: many")
    #expect(
      message
        == "Lexicons/calibration.yaml:\(line): label_context.dimensions.capability.other_labels is missing or not a number; remake it with the command on the `Made by` line at the top of the file, or delete it to use thresholds only"
    )
  }

  @Test("the fitter counts the gold labels of records that annotate every dimension and fits every dimension")
  func fit() {
    // Six records in two dimensions; record 5 does not annotate technology, so it is not counted.
    let none = ConfidenceFeatures(
      scoreOverThreshold: 0, shareOfTop: 0, distinctTerms: 0, titleHits: 0, nearMisses: 0, assigned: false)
    let some = ConfidenceFeatures(
      scoreOverThreshold: 2, shareOfTop: 1, distinctTerms: 2, titleHits: 1, nearMisses: 0, assigned: true)
    func example(_ applies: Bool) -> CalibrationFitter.Example {
      CalibrationFitter.Example(features: applies ? some : none, applies: applies)
    }
    let capability: [(Bool, Bool)] = [(true, false), (true, false), (false, true), (true, true), (false, true), (true, false)]
    let technology: [Bool] = [true, true, false, true, false]
    let dimensions = [
      CalibrationFitter.DimensionExamples(
        dimension: "capability", categories: ["a", "b"],
        records: capability.enumerated().map { ($0.offset, [example($0.element.0), example($0.element.1)]) }),
      CalibrationFitter.DimensionExamples(
        dimension: "technology", categories: ["x"], records: technology.enumerated().map { ($0.offset, [example($0.element)]) }),
    ]
    var fitter = CalibrationFitter()
    fitter.folds = 2
    let context = fitter.fit(dimensions, recordCount: 6, lexiconVersion: "v", inputs: []).model.labelContext
    #expect(context?.records == 5)
    #expect(context?.labelCounts == ["capability.a": 3, "capability.b": 3, "technology.x": 3])
    #expect(context?.pairCounts["capability.a"] == ["capability.b": 1, "technology.x": 3])
    #expect(context?.pairCounts["capability.b"] == ["capability.a": 1, "technology.x": 1])
    #expect(context?.pairCounts["technology.x"] == ["capability.a": 3, "capability.b": 1])
    #expect(context?.dimensions.map(\.id) == ["capability", "technology"])
    #expect(context?.dimensions.allSatisfy { $0.coefficients.count == 4 && $0.coefficients.allSatisfy(\.isFinite) } == true)
  }
}

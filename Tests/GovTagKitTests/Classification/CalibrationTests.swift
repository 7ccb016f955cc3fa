import Foundation
import GovTagTestSupport
import Testing

@testable import GovTagCore
@testable import GovTagKit

@Suite("Confidence calibration: the fitting, the file and the model")
struct CalibrationTests {
  @Test("an intercept-only fit without penalty gives the log-odds of the mean")
  func interceptOnly() {
    let fit = LogisticRegression(columns: 1).fit(rows: [1, 1, 1, 1], labels: [1, 1, 1, 0], prior: [0], penalty: [0])
    #expect(abs(fit[0] - log(3.0)) < 1e-9)
  }

  @Test("a strong penalty holds the coefficients at their prior; a weak one lets the data speak")
  func penaltyPullsTowardPrior() {
    let rows: [Double] = [1, 0, 1, 1, 1, 2, 1, 3, 1, 0.5, 1, 2.5]
    let labels: [Double] = [0, 0, 1, 1, 1, 0]
    let held = LogisticRegression(columns: 2).fit(rows: rows, labels: labels, prior: [0.25, -0.5], penalty: [1e9, 1e9])
    #expect(abs(held[0] - 0.25) < 1e-6 && abs(held[1] + 0.5) < 1e-6)
    let free = LogisticRegression(columns: 2).fit(rows: rows, labels: labels, prior: [0.25, -0.5], penalty: [1e-6, 1e-6])
    #expect(free[1] > 0)
  }

  @Test("the fold order is fixed by the seed on every machine")
  func seededFolds() {
    var generator = SeededGenerator(seed: 11)
    let first = generator.permutation(10)
    var again = SeededGenerator(seed: 11)
    #expect(again.permutation(10) == first)
    #expect(first.sorted() == Array(0..<10))
    var other = SeededGenerator(seed: 12)
    #expect(other.permutation(10) != first)
  }

  static let sample = CalibrationModel(
    lexiconVersion: "0123456789abcdef", inputs: ["Corpus/dev.jsonl"], records: 3, folds: 2, seed: 11,
    dimensions: [
      CalibrationModel.Dimension(
        id: "capability", thresholdMacroF1: 0.5, chosenMacroF1: 0.75,
        curves: [
          {
            var curve = CalibrationModel.Curve(
              category: "public_service", intercept: -2.5, coefficients: [1, 2, 0.5, 0.25, -0.125, 3], examples: 3,
              positives: 1, regularisation: 0.3, crossValidatedLogLoss: 0.25)
            curve.labelRule = .confidence
            curve.thresholdF1 = 0.5
            curve.confidenceF1 = 0.75
            return curve
          }()
        ])
    ])

  @Test("the file reads back as the model it was written from")
  func roundTrip() throws {
    let text = Self.sample.renderYAML()
    #expect(text.hasPrefix("# GovTag confidence calibration"))
    #expect(
      text.contains(
        "        coefficients: {ratio: 1.0, share_of_top: 2.0, distinct_terms: 0.5, title_hits: 0.25, near_misses: -0.125, assigned: 3.0}\n"
      ))
    #expect(text.contains("        labels: confidence\n        cv_f1: {threshold: 0.5, confidence: 0.75}\n"))
    var read = try CalibrationModel.parse(text, file: "calibration.yaml")
    read.file = nil
    #expect(read == Self.sample)
  }

  @Test("folds by part are written and read back, and name how the file was made")
  func foldsByPartRoundTrip() throws {
    var model = Self.sample
    model.foldsByPart = true
    let text = model.renderYAML()
    #expect(text.contains("# Made by `govtag calibrate Corpus/dev.jsonl -o Lexicons/calibration.yaml --folds-by-part`"))
    #expect(text.contains("# leave-one-part-out cross-validation (2 parts, told apart by id);"))
    #expect(text.contains("folds: 2\nfolds_by: part\nseed: 11\n"))
    var read = try CalibrationModel.parse(text, file: "calibration.yaml")
    read.file = nil
    #expect(read == model)
    #expect(!Self.sample.renderYAML().contains("folds_by"))
    let (line, message) = Self.parseError(of: model, replacing: "folds_by: part", with: "folds_by: writer")
    #expect(
      message
        == "Lexicons/calibration.yaml:\(line): folds_by is \"writer\"; the only value is part; remake it with the command on the `Made by` line at the top of the file, or delete it to use thresholds only"
    )
  }

  @Test(
    "a record's part is its id without the trailing number",
    arguments: [
      ("dev-v017", "dev-v"), ("gt2-013", "gt2"), ("dev-x031", "dev-x"), ("test-u001", "test-u"), ("case_7", "case"),
      ("abc", "abc"), ("42", "42"),
    ])
  func parts(id: String, part: String) {
    #expect(CalibrationRun.part(of: id) == part)
  }

  @Test("with groups, each group is held out in turn: as many folds as groups, and the file says so")
  func groupedFolds() {
    func example(_ assigned: Bool, _ applies: Bool) -> CalibrationFitter.Example {
      CalibrationFitter.Example(
        features: ConfidenceFeatures(
          scoreOverThreshold: assigned ? 1 : 0, shareOfTop: assigned ? 1 : 0, distinctTerms: assigned ? 1 : 0,
          titleHits: 0, nearMisses: 0, assigned: assigned),
        applies: applies)
    }
    let records = (0..<6).map { ($0, [example($0 % 2 == 0, $0 % 2 == 0), example($0 % 3 == 0, $0 == 3)]) }
    let data = CalibrationFitter.DimensionExamples(dimension: "traits", categories: ["platform", "grassroots"], records: records)
    var fitter = CalibrationFitter()
    fitter.groups = [0, 0, 1, 1, 2, 2]
    let (model, heldOut) = fitter.fit([data], recordCount: 6, lexiconVersion: "0123456789abcdef", inputs: ["gold.jsonl"])
    #expect(model.folds == 3 && model.foldsByPart)
    #expect(heldOut[0].probabilities.count == 6)
    fitter.groups = nil
    fitter.folds = 2
    let random = fitter.fit([data], recordCount: 6, lexiconVersion: "0123456789abcdef", inputs: ["gold.jsonl"]).model
    #expect(random.folds == 2 && !random.foldsByPart)
  }

  /// Parses `model`'s YAML with `original` replaced by `broken` as `Lexicons/calibration.yaml`:
  /// the line of the broken text and the error's message (`nil` when the file loaded).
  static func parseError(of model: CalibrationModel, replacing original: String, with broken: String) -> (
    line: Int, message: String?
  ) {
    let text = model.renderYAML().replacingOccurrences(of: original, with: broken)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(broken) }! + 1
    do {
      _ = try CalibrationModel.parse(text, file: "Lexicons/calibration.yaml")
      return (line, nil)
    } catch {
      return (line, "\(error)")
    }
  }

  @Test("a broken file is reported with its file, line, what is wrong and what to do")
  func brokenFile() {
    let (line, message) = Self.parseError(of: Self.sample, replacing: "intercept: -2.5", with: "intercept: lots")
    #expect(
      message
        == "Lexicons/calibration.yaml:\(line): capability.public_service.intercept is \"lots\", not a number; remake it with the command on the `Made by` line at the top of the file, or delete it to use thresholds only"
    )
  }

  @Test("the curve turns features into a probability")
  func probability() {
    let curve = Self.sample.dimensions[0].curves[0]
    let none = ConfidenceFeatures(
      scoreOverThreshold: 0, shareOfTop: 0, distinctTerms: 0, titleHits: 0, nearMisses: 0, assigned: false)
    #expect(abs(curve.probability(none) - 1 / (1 + exp(2.5))) < 1e-12)
    let strong = ConfidenceFeatures(
      scoreOverThreshold: 2, shareOfTop: 1, distinctTerms: 3, titleHits: 1, nearMisses: 0, assigned: true)
    let z = -2.5 + log(3.0) + 2 + 0.5 * log(4.0) + 0.25 * log(2.0) + 3
    #expect(abs(curve.probability(strong) - 1 / (1 + exp(-z))) < 1e-12)
  }
}

@Suite("Calibrated lexicons: versions, staleness, confidences")
struct CalibratedModelTests {
  let bundled = Fixtures.repository.appendingPathComponent("Lexicons").path

  @Test("the version of lexicons without calibration is unchanged; the calibration changes the stamped version")
  func versions() throws {
    let plain = try ClassifierModel.load(lexiconDirectory: bundled, calibrated: false)
    let calibrated = try ClassifierModel.load(lexiconDirectory: bundled)
    #expect(plain.calibration == nil && plain.rulesVersion == plain.lexiconRulesVersion)
    #expect(calibrated.lexiconRulesVersion == plain.rulesVersion)
    #expect(calibrated.rulesVersion != plain.rulesVersion)
    // The committed calibration was fitted against these lexicons.
    #expect(calibrated.calibration?.lexiconVersion == plain.rulesVersion)
    #expect(!calibrated.calibrationIsStale)
    // Pinned: the test lexicons (no calibration.yaml) keep the version they had before calibration existed.
    #expect(Fixtures.model.rulesVersion == Fixtures.model.lexiconRulesVersion)
    #expect(Fixtures.model.calibration == nil)
  }

  @Test("a calibration fitted against other lexicons is stale, and says what to do")
  func stale() throws {
    let directory = Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.lexiconDirectory) {
      try FileManager.default.copyItem(
        atPath: Fixtures.lexiconDirectory + "/" + name, toPath: directory.appendingPathComponent(name).path)
    }
    let path = Fixtures.write(CalibrationTests.sample.renderYAML(), to: "calibration.yaml", in: directory)
    let model = try ClassifierModel.load(lexiconDirectory: directory.path)
    #expect(model.calibrationIsStale)
    let sentence =
      "\(path) was fitted against lexicon version 0123456789abcdef, but the lexicons are now \(model.lexiconRulesVersion) (both versions leave calibration.yaml out; with it, the lexicons are version \(model.rulesVersion)): the confidences, the labels of the categories labelled by confidence (capability.public_service) and the review flags come from curves fitted to other lexicons until it is remade with "
    // A program is pointed to the file's header; it names no command-line flag.
    #expect(
      model.calibrationStalenessWarning() == sentence + "the command on the `Made by` line at the top of the file")
    // A caller with names gets the command that remakes the file from what it records: 2 random
    // folds, not the shipped file's parts.
    #expect(
      model.calibrationStalenessWarning(names: Self.commandNames)
        == sentence + "`cal Corpus/dev.jsonl -o \(path) --folds 2 --lexicons \(directory.path)`")
  }

  /// Names for the calibrate command and its options, as a command line would give them.
  static let commandNames = SettingNames([
    .calibrate: "cal", .output: "-o", .field: "--field", .folds: "--folds", .seed: "--seed",
    .foldsByPart: "--folds-by-part", .lexicons: "--lexicons",
  ])

  @Test("the remake command is built from what the file records: its inputs, field, folds or parts, seed")
  func remakeCommand() throws {
    var model = CalibrationTests.sample
    model.inputs = ["my gold.jsonl", "b.jsonl"]
    model.field = "manual"
    model.folds = 3
    model.seed = 7
    #expect(
      model.remakeCommand(file: "L2/calibration.yaml", names: Self.commandNames)
        == "`cal 'my gold.jsonl' b.jsonl -o L2/calibration.yaml --field manual --folds 3 --seed 7 --lexicons L2`")
    model.foldsByPart = true
    #expect(
      model.remakeCommand(file: "calibration.yaml", names: Self.commandNames)
        == "`cal 'my gold.jsonl' b.jsonl -o calibration.yaml --folds-by-part --field manual --lexicons .`")
    #expect(model.remakeCommand(file: "L2/calibration.yaml", names: SettingNames()) == CalibrationModel.unreadRemakeCommand)
    // The field is recorded in the file when it is not gold, and read back.
    let text = model.renderYAML()
    #expect(text.contains("\nfitted_on: [\"my gold.jsonl\", \"b.jsonl\"]\nfield: \"manual\"\n"))
    #expect(try CalibrationModel.parse(text, file: "c.yaml").field == "manual")
    #expect(!CalibrationTests.sample.renderYAML().contains("\nfield: "))
    #expect(try CalibrationModel.parse(CalibrationTests.sample.renderYAML(), file: "c.yaml").field == "gold")
  }

  @Test("every category gets a confidence, the same with or without near-miss evidence")
  func confidences() throws {
    let model = try ClassifierModel.load(lexiconDirectory: bundled)
    let tagger = try Tagger(model: model)
    let text = "杭州市推进政务服务一网通办，建设城市大脑平台，统筹社会治理和市场监管数据共享。"
    let full = try tagger.classify(title: nil, text: text)
    let lean = try tagger.classify(title: nil, text: text, nearMisses: false)
    #expect(full.dimensions.allSatisfy { $0.scores.allSatisfy { $0.confidence != nil } })
    #expect(full.dimensions.map { $0.scores.map(\.confidence) } == lean.dimensions.map { $0.scores.map(\.confidence) })
    #expect(full.labels("capability") == ["public_service", "social_management"])
    let service = try #require(full.dimensions[0].scores.first { $0.category == "public_service" })
    #expect(service.features?.distinctTerms == 2 && service.features?.assigned == true)
    // Two distinct terms in full: a confident label (0.80 with the curves fitted on the 344 dev cases).
    #expect(try #require(service.confidence) > 0.75)
  }
}

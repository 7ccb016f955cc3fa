import Foundation
import GovTagKit
import GovTagTestSupport
import Testing

/// Guards the bundled lexicons against regressions: GovTag's figures on the held-out test corpus
/// must not fall more than `allowed_fall` below those committed in `Corpus/eval-baseline.json`
/// (see docs/audit.md). The margin is the one the project allows a change chosen on dev: with
/// none, every dev-chosen rule would have to answer to test, which is tuning on test.
@Suite("Evaluation baseline on Corpus/test.jsonl")
struct EvalBaselineTests {
  @Test("capability and data_element macro-F1 and province accuracy are not more than the allowed fall below the baseline")
  func notBelowBaseline() throws {
    let repository = Fixtures.repository
    let data = try Data(contentsOf: repository.appendingPathComponent("Corpus/eval-baseline.json"))
    let baseline = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let corpus = try #require(baseline["corpus"] as? String)
    let lexicons = try #require(baseline["lexicons"] as? String)
    let model = try ClassifierModel.load(lexiconDirectory: repository.appendingPathComponent(lexicons).path)
    let evaluation = try Evaluator(model: model, jobs: ProcessInfo.processInfo.activeProcessorCount).evaluate(
      inputs: [repository.appendingPathComponent(corpus).path])
    #expect(evaluation.summary.succeeded)
    let figures = evaluation.overall
    let current: [String: Double] = [
      "capability_macro_f1": figures.macro("capability")?.f1 ?? 0,
      "data_element_macro_f1": figures.macro("data_element")?.f1 ?? 0,
      "province_accuracy": figures.location.provinceAccuracy ?? 0,
    ]
    let allowedFall = (baseline["allowed_fall"] as? NSNumber)?.doubleValue ?? 0
    for (name, value) in current.sorted(by: { $0.key < $1.key }) {
      let floor = try #require((baseline[name] as? NSNumber)?.doubleValue, "\(name) is missing from Corpus/eval-baseline.json")
      #expect(
        value >= floor - allowedFall - 1e-9,
        "\(name) fell to \(value), more than \(allowedFall) below the baseline \(floor)")
    }
  }
}

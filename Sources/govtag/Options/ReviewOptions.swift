import ArgumentParser
import Foundation
import GovTagKit

/// The review band: which confidences flag a record for review (calibrated lexicons only).
struct ReviewOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With calibrated lexicons, flag a record for review when an assigned label's confidence is below HIGH or an unassigned category that scored has one above LOW (default \(ReviewOptions.defaultText)).",
      valueName: "LOW,HIGH"))
  var reviewBand: String?

  @Option(
    help: ArgumentHelp(
      "With calibrated lexicons, the dimensions whose confidences can flag a record (default capability).",
      valueName: "dimension,…"))
  var reviewDimensions: String?

  static let defaultText =
    "\(ClassifierConfiguration.defaultReviewBand.lowerBound),\(ClassifierConfiguration.defaultReviewBand.upperBound)"

  func validate() throws { _ = try configuration() }

  /// The band given, or the default.
  func band() throws -> ClosedRange<Double> {
    guard let reviewBand else { return ClassifierConfiguration.defaultReviewBand }
    let parts = reviewBand.split(separator: ",", omittingEmptySubsequences: false).map {
      Double($0.trimmingCharacters(in: .whitespaces))
    }
    guard parts.count == 2, let low = parts[0], let high = parts[1], 0 <= low, low <= high, high <= 1 else {
      throw ValidationError("--review-band takes LOW,HIGH with 0 ≤ LOW ≤ HIGH ≤ 1 (e.g. 0.2,0.8); found \"\(reviewBand)\"")
    }
    return low...high
  }

  /// The scoring configuration with this band.
  func configuration() throws -> ClassifierConfiguration {
    var configuration = ClassifierConfiguration()
    configuration.reviewBand = try band()
    if let reviewDimensions {
      let names = reviewDimensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      guard !names.isEmpty, !names.contains("") else {
        throw ValidationError(
          "--review-dimensions needs one or more of \(Taxonomy.standard.dimensions.map(\.id).joined(separator: ", ")), separated by commas; found \"\(reviewDimensions)\""
        )
      }
      // A misspelt dimension would silently review nothing (and change the rules version).
      let known = Taxonomy.standard.dimensions.map(\.id)
      if let unknown = names.first(where: { !known.contains($0) }) {
        throw ValidationError(
          "--review-dimensions: unknown dimension \"\(unknown)\"; use one or more of \(known.joined(separator: ", ")), separated by commas"
        )
      }
      configuration.reviewDimensions = names
    }
    return configuration
  }
}

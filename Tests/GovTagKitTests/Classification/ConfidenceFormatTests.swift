import Foundation
import Testing

@testable import GovTagCore

@Suite("Confidences as people read them (two decimals, as printf rounds)")
struct ConfidenceFormatTests {
  @Test("formatConfidence prints what String(format: \"%.2f\") prints, ties and near-ties included")
  func matchesPrintf() {
    // Every millionth from 0 to 1 (0.005, 0.015 … are near-ties in binary), the exact ties k/8,
    // and seeded random values.
    var values = (0...1_000_000).map { Double($0) / 1_000_000 } + (0...8).map { Double($0) / 8 }
    var state: UInt64 = 20_261_206
    for _ in 0..<200_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values.append(Double(state >> 11) / Double(1 << 53))
    }
    let mismatches = values.filter { Tagger.formatConfidence($0) != String(format: "%.2f", $0) }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
  }

  @Test("with three to six decimals it prints what printf prints too")
  func moreDigits() {
    var state: UInt64 = 20_261_207
    var mismatches: [(Double, Int)] = []
    for digits in 3...6 {
      for _ in 0..<20_000 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let value = Double(state >> 11) / Double(1 << 53)
        if Tagger.formatConfidence(value, digits: digits) != String(format: "%.\(digits)f", value) {
          mismatches.append((value, digits))
        }
      }
    }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
  }

  @Test(
    "a confidence and its bound get as many decimals as tell them apart",
    arguments: [
      (0.796, 0.8, "0.796", "0.800"), (0.7996, 0.8, "0.7996", "0.8000"), (0.42, 0.8, "0.42", "0.80"),
      (0.2049, 0.2, "0.205", "0.200"), (0.8, 0.8, "0.800000", "0.800000"),
    ])
  func apart(value: Double, bound: Double, figure: String, boundFigure: String) {
    let pair = Tagger.formatApart(value, from: bound)
    #expect(pair.value == figure && pair.bound == boundFigure)
  }
}

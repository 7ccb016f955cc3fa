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
}

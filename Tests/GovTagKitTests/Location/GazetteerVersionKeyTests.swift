import Testing

@testable import GovTagCore

@Suite("Gazetteer version key")
struct GazetteerVersionKeyTests {
  /// The gazetteer's share of the rules version hashes each place's key: it must stay what
  /// `String(describing:)` wrote before, or every record's rules version would change.
  @Test(
    "spells a place as String(describing:) does",
    arguments: [Gazetteer.Place.province(0), .city(12), .district(2_845), .brand(31)])
  func spelling(place: Gazetteer.Place) {
    #expect(place.versionKey == String(describing: place))
  }
}

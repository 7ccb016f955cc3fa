/// The version of GovTag that every output record names, so a label can be traced to the code
/// that produced it.
package enum GovTagVersion {
  /// Semantic version of this build.
  package static let current = "0.2.0"
}

/// The version of GovTag that every output record names, so a label can be traced to the code
/// that produced it.
public enum GovTagVersion {
  /// Semantic version of this build.
  public static let current = "0.2.0"
}

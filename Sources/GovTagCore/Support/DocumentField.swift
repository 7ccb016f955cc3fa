/// The field of a record a span lies in: its title or its text.
///
/// Declared here, below both classification and location, because both report spans: an
/// evidence hit (``Evidence/field``) and a place mention (``Location``) each say which field
/// they were found in, and neither should depend on the other for it.
public enum DocumentField: String, Sendable, Hashable, Codable {
  case title, text
}

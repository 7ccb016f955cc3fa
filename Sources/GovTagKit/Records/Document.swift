/// One case narrative to label: its id, optional title, text, and every other input field.
public struct Document: Sendable {
  /// The record's id, as given (numbers are turned into their decimal text).
  public var id: String
  /// The title, if the record has one.
  public var title: String?
  /// The narrative.
  public var text: String
  /// All fields of the input record, kept so that the output carries them unchanged.
  public var fields: [String: JSONValue]

  /// Creates a document.
  public init(id: String, title: String? = nil, text: String, fields: [String: JSONValue] = [:]) {
    self.id = id
    self.title = title
    self.text = text
    self.fields = fields
  }

  /// A hash of the title and text: the part of the input that labels depend on.
  package var textHash: String {
    var hash = StableHash()
    hash.combine(title ?? "")
    hash.combine(text)
    return hash.hexDigest
  }
}

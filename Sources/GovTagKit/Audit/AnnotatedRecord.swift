/// One input record whose reference labels could be read: the document, its labels, and where it is.
public struct AnnotatedRecord: Sendable {
  /// The record.
  public var document: Document
  /// Its reference labels (gold or manual).
  public var labels: ReferenceLabels
  /// The input and line it came from.
  public var location: SourceLocation

  /// Creates a record.
  public init(document: Document, labels: ReferenceLabels, location: SourceLocation) {
    self.document = document
    self.labels = labels
    self.location = location
  }
}

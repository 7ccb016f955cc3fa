/// One input record whose reference labels could be read: the document, its labels, and where it is.
package struct AnnotatedRecord: Sendable {
  /// The record.
  package var document: Document
  /// Its reference labels (gold or manual).
  package var labels: ReferenceLabels
  /// The input and line it came from.
  package var location: SourceLocation

  /// Creates a record.
  package init(document: Document, labels: ReferenceLabels, location: SourceLocation) {
    self.document = document
    self.labels = labels
    self.location = location
  }
}

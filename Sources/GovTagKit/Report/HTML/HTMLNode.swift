/// A typed HTML (and inline SVG) tree that renders itself, escaping every text and attribute
/// through ``HTMLEscaping``.
///
/// The report is built as a tree of these nodes rather than by concatenating strings, so no
/// input text can reach the output unescaped: only ``trustedRaw(_:)`` bypasses escaping, and it
/// is used for the report's own style sheet, script, and pre-escaped JSON.
///
///     let node = HTMLNode.element("p", ["class": "note"], [.text("a < b")])
///     node.render()   // <p class="note">a &lt; b</p>
package indirect enum HTMLNode: Sendable, Hashable {
  /// An element with attributes (in order) and children.
  case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
  /// Text, escaped when rendered.
  case text(String)
  /// Bytes written as they are: only the renderer's own CSS, JavaScript and escaped JSON.
  case trustedRaw(String)
  /// Several nodes without an element around them.
  case fragment([HTMLNode])

  /// Elements that have no end tag.
  static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "wbr"]

  // MARK: - Building

  /// An element whose attributes are given as pairs, in order.
  ///
  /// - Parameters:
  ///   - name: the tag name.
  ///   - attributes: name–value pairs; a `nil` value leaves the attribute out.
  ///   - children: the content.
  /// - Returns: the element.
  package static func element(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [HTMLNode] = []
  ) -> HTMLNode {
    .element(
      name: name,
      attributes: attributes.compactMap { pair in pair.value.map { HTMLAttribute(pair.key, $0) } },
      children: children)
  }

  /// An element holding only text.
  ///
  /// - Parameters:
  ///   - name: the tag name.
  ///   - attributes: name–value pairs.
  ///   - text: the text, escaped when rendered.
  /// - Returns: the element.
  package static func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) -> HTMLNode {
    element(name, attributes, [.text(text)])
  }

  // MARK: - Rendering

  /// The HTML text of the node.
  package func render() -> String {
    var output: [UInt8] = []
    render(into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the node's HTML to `output`.
  ///
  /// - Parameter output: the buffer.
  package func render(into output: inout [UInt8]) {
    switch self {
    case .text(let text):
      HTMLEscaping.appendText(text, to: &output)
    case .trustedRaw(let raw):
      output.append(contentsOf: raw.utf8)
    case .fragment(let nodes):
      for node in nodes { node.render(into: &output) }
    case .element(let name, let attributes, let children):
      output.append(UInt8(ascii: "<"))
      output.append(contentsOf: name.utf8)
      for attribute in attributes {
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: attribute.name.utf8)
        output.append(contentsOf: Array("=\"".utf8))
        HTMLEscaping.appendAttribute(attribute.value, to: &output)
        output.append(UInt8(ascii: "\""))
      }
      output.append(UInt8(ascii: ">"))
      guard !Self.voidElements.contains(name) else { return }
      for child in children { child.render(into: &output) }
      output.append(contentsOf: Array("</".utf8))
      output.append(contentsOf: name.utf8)
      output.append(UInt8(ascii: ">"))
    }
  }
}

/// One attribute of an ``HTMLNode`` element; its value is escaped when rendered.
package struct HTMLAttribute: Sendable, Hashable {
  /// The name (`class`, `data-id`, `viewBox`).
  package var name: String
  /// The value, unescaped.
  package var value: String

  /// Creates an attribute.
  package init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

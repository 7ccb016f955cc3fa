/// Every escape the HTML report needs, in one place: text content, attribute values, and JSON
/// embedded in a `<script>` element.
///
/// Nothing else in the renderer escapes; ``HTMLNode`` calls these when it renders text and
/// attributes, and ``HTMLReportData`` calls ``scriptJSON(_:)`` on its blob. All work on UTF-8
/// bytes and append to a buffer, so a 10,000-case report is written without building strings.
package enum HTMLEscaping {
  /// Appends `text` as element content: `&`, `<` and `>` become entities.
  ///
  /// - Parameters:
  ///   - text: the text.
  ///   - output: the buffer to append to.
  package static func appendText(_ text: String, to output: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: ampersand)
      case UInt8(ascii: "<"): output.append(contentsOf: lessThan)
      case UInt8(ascii: ">"): output.append(contentsOf: greaterThan)
      default: output.append(byte)
      }
    }
  }

  /// Appends `text` as a double-quoted attribute value (without the quotes): `&`, `<`, `>`,
  /// `"` and `'` become entities.
  ///
  /// - Parameters:
  ///   - text: the value.
  ///   - output: the buffer to append to.
  package static func appendAttribute(_ text: String, to output: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: ampersand)
      case UInt8(ascii: "<"): output.append(contentsOf: lessThan)
      case UInt8(ascii: ">"): output.append(contentsOf: greaterThan)
      case UInt8(ascii: "\""): output.append(contentsOf: quote)
      case UInt8(ascii: "'"): output.append(contentsOf: apostrophe)
      default: output.append(byte)
      }
    }
  }

  /// `text` escaped as element content.
  package static func text(_ text: String) -> String {
    var output: [UInt8] = []
    appendText(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// `text` escaped as an attribute value.
  package static func attribute(_ text: String) -> String {
    var output: [UInt8] = []
    appendAttribute(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Makes JSON safe inside `<script type="application/json">`: `<`, `>` and `&` become
  /// `\u003c`, `\u003e` and `\u0026`, so no text in the data can close the element (`</script>`)
  /// or open a comment (`<!--`). In valid JSON these bytes occur only inside strings, where the
  /// escapes mean the same characters, so `JSON.parse` returns the original data.
  ///
  /// - Parameter json: UTF-8 JSON.
  /// - Returns: the same JSON with those three bytes escaped.
  package static func scriptJSON(_ json: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(json.count + json.count / 32)
    for byte in json {
      switch byte {
      case UInt8(ascii: "<"): output.append(contentsOf: Array(#"\u003c"#.utf8))
      case UInt8(ascii: ">"): output.append(contentsOf: Array(#"\u003e"#.utf8))
      case UInt8(ascii: "&"): output.append(contentsOf: Array(#"\u0026"#.utf8))
      default: output.append(byte)
      }
    }
    return output
  }

  /// Whether a trusted script or style body can be embedded as is: it must not contain `</`
  /// followed by the element's name, which would end the element early.
  ///
  /// - Parameters:
  ///   - body: the script or style.
  ///   - element: `script` or `style`.
  /// - Returns: `true` when `body` holds no closing tag for `element`.
  package static func isSafeRawText(_ body: String, in element: String) -> Bool {
    !body.lowercased().contains("</" + element.lowercased())
  }

  private static let ampersand = Array("&amp;".utf8)
  private static let lessThan = Array("&lt;".utf8)
  private static let greaterThan = Array("&gt;".utf8)
  private static let quote = Array("&quot;".utf8)
  private static let apostrophe = Array("&#39;".utf8)
}

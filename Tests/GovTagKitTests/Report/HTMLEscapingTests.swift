import GovTagKit
import Testing

@Suite("HTML escaping and the node tree")
struct HTMLEscapingTests {
  @Test("text, attributes and script JSON are escaped for their context")
  func contexts() {
    #expect(HTMLEscaping.text(#"<script>alert("x") & 'y'</script>"#) == #"&lt;script&gt;alert("x") &amp; 'y'&lt;/script&gt;"#)
    #expect(HTMLEscaping.attribute(#"a"b'c<d>&"#) == "a&quot;b&#39;c&lt;d&gt;&amp;")
    let json = HTMLEscaping.scriptJSON(Array(#"{"t":"</script><!-- & 一网通办"}"#.utf8))
    #expect(String(decoding: json, as: UTF8.self) == #"{"t":"\u003c/script\u003e\u003c!-- \u0026 一网通办"}"#)
    #expect(HTMLEscaping.isSafeRawText("var a = 1 < 2;", in: "script"))
    #expect(!HTMLEscaping.isSafeRawText("x</SCRIPT>", in: "script"))
  }

  @Test("nodes render escaped text and attributes; void elements have no end tag")
  func nodes() {
    let node = HTMLNode.element(
      "p", ["class": "a\"b", "title": nil],
      [.text("1 < 2 & 3"), .element("br"), .element("b", text: "<i>"), .trustedRaw("<!-- ok -->")])
    #expect(node.render() == #"<p class="a&quot;b">1 &lt; 2 &amp; 3<br><b>&lt;i&gt;</b><!-- ok --></p>"#)
  }
}

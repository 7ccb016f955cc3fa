import GovTagKit
import Testing

@Suite("Escaping control characters in messages")
struct ControlCharacterTests {
  @Test(
    "every character that acts on a terminal or a log is shown as an escape",
    arguments: [
      ("plain 一网通办 text", "plain 一网通办 text"),
      ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
      ("bell\u{07}", "bell\\u{7}"),
      ("line\r\nforged", "line\\r\\nforged"),
      ("tab\there", "tab\\there"),
      ("nul\u{0}del\u{7F}c1\u{9B}", "nul\\u{0}del\\u{7F}c1\\u{9B}"),
      ("rtl\u{202E}txt.exe\u{2066}", "rtl\\u{202E}txt.exe\\u{2066}"),
      ("sep\u{2028}end", "sep\\u{2028}end"),
      ("😀 emoji and 𠮷 stay", "😀 emoji and 𠮷 stay"),
    ])
  func escapes(_ input: String, _ expected: String) {
    #expect(input.escapingControlCharacters == expected)
  }
}

import Foundation
import Testing

@testable import GovTagKit

@Suite("JSON value parser")
struct JSONValueParserTests {
  func parse(_ text: String) -> JSONValue? {
    Array(text.utf8).withUnsafeBufferPointer { try? JSONValueParser.parse($0) }
  }

  /// The syntax error the parser throws for `text`, or `nil`.
  func syntaxError(_ text: String) -> JSONValueParser.SyntaxError? {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      do {
        _ = try JSONValueParser.parse(bytes)
        return nil
      } catch {
        return error as? JSONValueParser.SyntaxError
      }
    }
  }

  @Test("parses what JSONSerialization parses, to the same values")
  func agreesWithFoundation() throws {
    let samples = [
      #"{"id":"a","n":2023,"x":-0.5,"e":1e3,"z":null,"l":[1,[2,{}]],"s":"引号\"\\\/\b\f\n\r\t"}"#,
      #"{"u":"\u4e00\u7f51 \ud83d\ude00 \u00e9"}"#,
      #"  [ ]  "#,
      #"{"big":12345678901234567890}"#,
    ]
    for sample in samples {
      let ours = try #require(parse(sample), "\(sample)")
      let theirs = try JSONSerialization.jsonObject(with: Data(sample.utf8), options: [.fragmentsAllowed])
      #expect(Self.normalise(ours) == Self.normalise(theirs), "\(sample)")
    }
    #expect(parse(#"{"n":2023}"#) == .object(["n": .integer(2023)]))
    #expect(parse(#"[true,false,null]"#) == .array([.bool(true), .bool(false), .null]))
    #expect(parse(#"{"u":"\ud83d\ude00"}"#) == .object(["u": .string("😀")]))
  }

  @Test("rejects what is not JSON")
  func rejects() {
    for bad in ["", "{", #"{"a" 1}"#, "[1,]", "01", "1.", #""\x""#, "tru", "{\"a\":1} x", "\"tab\there\""] {
      #expect(parse(bad) == nil, "\(bad)")
    }
  }

  @Test("strings with escapes at every offset of the eight-byte scan decode like JSONSerialization's")
  func escapesAtEveryOffset() throws {
    for escape in [#"\n"#, #"\""#, #"\\"#, #"\u4e00"#, #"\ud83d\ude00"#] {
      for position in 0..<18 {
        let head = String(repeating: "数", count: position / 3) + String(repeating: "a", count: position % 3)
        let sample = #"{"s":""# + head + escape + "据据据" + escape + #"tail"}"#
        let ours = try #require(parse(sample), "\(sample)")
        let theirs = try JSONSerialization.jsonObject(with: Data(sample.utf8))
        #expect(Self.normalise(ours) == Self.normalise(theirs), "\(sample)")
      }
    }
  }

  @Test("a control character or a missing quote is refused at its byte, wherever it falls")
  func controlCharacterOffsets() {
    for position in 0..<18 {
      let head = String(repeating: "a", count: position)
      for (text, offset) in [("\"" + head + "\u{01}x\"", position + 1), ("\"" + head + #"\n"# + head + "\t\"", 2 * position + 3)]
      {
        #expect(syntaxError(text)?.offset == offset, "\(text)")
      }
      let unterminated = "\"" + head + #"\n"# + head
      #expect(syntaxError(unterminated)?.offset == unterminated.utf8.count, "\(unterminated)")
    }
  }

  @Test(
    "numbers are kept as written",
    arguments: [
      ("2023", JSONValue.integer(2023)), ("-12", .integer(-12)), ("0.5", .number(0.5)), ("-0.0", .number(-0.0)),
      ("123456789012345678901234567890", .numberText("123456789012345678901234567890")), ("1e400", .numberText("1e400")),
      ("-0", .numberText("-0")), ("1E5", .numberText("1E5")), ("2.50", .numberText("2.50")),
      ("9223372036854775808", .numberText("9223372036854775808")), ("-9223372036854775808", .integer(.min)),
    ])
  func numbersKept(_ text: String, _ expected: JSONValue) throws {
    let value = try #require(parse("[" + text + "]"))
    #expect(value == .array([expected]))
    var json = JSONWriter()
    json.value(value)
    #expect(String(decoding: json.bytes, as: UTF8.self) == "[" + text + "]")
  }

  @Test("nesting up to the writer's limit is read and written back; one level more is refused with its byte")
  func depthLimit() throws {
    let limit = JSONValue.maximumDepth
    let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
    let value = try #require(parse(deepest))
    var json = JSONWriter()
    json.value(value)
    #expect(String(decoding: json.bytes, as: UTF8.self) == deepest)
    let deeper = "[" + deepest + "]"
    #expect(throws: JSONValueParser.SyntaxError.self) {
      try Array(deeper.utf8).withUnsafeBufferPointer { try JSONValueParser.parse($0) }
    }
    #expect(reason(deeper) == "nested deeper than 64 levels at byte 65")
  }

  @Test(
    "a repeated key and a lone surrogate are refused with a reason",
    arguments: [
      (#"{"a":1,"b":{"c":2,"c":3}}"#, #"the key "c" appears twice in one object (again at byte 19)"#),
      (#"{"a":1,"\u0061":2}"#, #"the key "a" appears twice in one object (again at byte 8)"#),
      (#"{"id":"\ud800"}"#, #"the escape \ud800 at byte 8 is a lone surrogate, not a character"#),
      (#"["x\udc00"]"#, #"the escape \udc00 at byte 4 is a lone surrogate, not a character"#),
      (#"["\ud800\u0041"]"#, #"the escape \ud800 at byte 3 is a lone surrogate, not a character"#),
    ])
  func refusedWithReason(_ text: String, _ expected: String) {
    #expect(reason(text) == expected)
  }

  @Test("a string that is not UTF-8 is refused with the byte, plain or with escapes; outside strings it is a syntax error")
  func invalidUTF8() {
    func reason(_ bytes: [UInt8]) -> String? {
      do {
        _ = try bytes.withUnsafeBufferPointer { try JSONValueParser.parse($0) }
        return nil
      } catch let error as JSONValueParser.SyntaxError {
        return error.reason ?? "syntax error at byte \(error.offset + 1)"
      } catch {
        return nil
      }
    }
    #expect(reason(Array(#"{"t":"数"#.utf8) + [0xB3, 0xC7] + Array(#""}"#.utf8)) == "invalid UTF-8 at byte 10")
    #expect(reason(Array(#"["\n数"#.utf8) + [0xE6, 0x95] + Array(#""]"#.utf8)) == "invalid UTF-8 at byte 8")
    #expect(reason(Array(#"["数", "#.utf8) + [0xB3] + Array(#"1]"#.utf8)) == "syntax error at byte 9")
  }

  /// The parser's reason for refusing `text`, or `nil`.
  func reason(_ text: String) -> String? {
    do {
      _ = try Array(text.utf8).withUnsafeBufferPointer { try JSONValueParser.parse($0) }
      return nil
    } catch let error as JSONValueParser.SyntaxError {
      return error.reason
    } catch {
      return nil
    }
  }

  /// A comparable rendering of a value from either parser.
  static func normalise(_ value: Any) -> String {
    switch value {
    case let value as JSONValue:
      switch value {
      case .null: return "null"
      case .bool(let flag): return flag ? "true" : "false"
      case .integer(let number): return "n\(Double(number))"
      case .number(let number): return "n\(number)"
      case .numberText(let text): return "n\(Double(text) ?? .nan)"
      case .string(let text): return "s" + text
      case .array(let items): return "[" + items.map { normalise($0) }.joined(separator: ",") + "]"
      case .object(let fields):
        return "{" + fields.keys.sorted().map { "\($0):" + normalise(fields[$0]!) }.joined(separator: ",") + "}"
      }
    case is NSNull: return "null"
    case let number as NSNumber:
      return "n\(number.doubleValue)"
    case let text as String: return "s" + text
    case let items as [Any]: return "[" + items.map { normalise($0) }.joined(separator: ",") + "]"
    case let fields as [String: Any]:
      return "{" + fields.keys.sorted().map { "\($0):" + normalise(fields[$0]!) }.joined(separator: ",") + "}"
    default: return "?"
    }
  }
}

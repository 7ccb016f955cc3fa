import Foundation
@testable import GovTagKit
import Testing

@Suite("JSON value parser")
struct JSONValueParserTests {
  func parse(_ text: String) -> JSONValue? {
    Array(text.utf8).withUnsafeBufferPointer { try? JSONValueParser.parse($0) }
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
      case .object(let fields): return "{" + fields.keys.sorted().map { "\($0):" + normalise(fields[$0]!) }.joined(separator: ",") + "}"
      }
    case is NSNull: return "null"
    case let number as NSNumber:
      return "n\(number.doubleValue)"
    case let text as String: return "s" + text
    case let items as [Any]: return "[" + items.map { normalise($0) }.joined(separator: ",") + "]"
    case let fields as [String: Any]: return "{" + fields.keys.sorted().map { "\($0):" + normalise(fields[$0]!) }.joined(separator: ",") + "}"
    default: return "?"
    }
  }
}

import Foundation
import GovTagKit
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
  @Test("escapes what JSON requires and keeps Chinese as UTF-8")
  func escaping() {
    var json = JSONWriter()
    json.beginObject()
    json.key("文本")
    json.string("引号\"反斜杠\\换行\n制表\t控制\u{01}")
    json.key("n")
    json.number(2.5)
    json.key("i")
    json.number(3)
    json.key("list")
    json.strings(["a", "b"])
    json.endObject()
    let text = String(decoding: json.bytes, as: UTF8.self)
    #expect(text == #"{"文本":"引号\"反斜杠\\换行\n制表\t控制\u0001","n":2.5,"i":3,"list":["a","b"]}"#)
    // And it parses back.
    let parsed = try? JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
    #expect(parsed?["文本"] as? String == "引号\"反斜杠\\换行\n制表\t控制\u{01}")
  }

  @Test("JSON values round-trip with integers kept as integers")
  func values() {
    var json = JSONWriter()
    json.value(.object(["b": .integer(2023), "a": .array([.null, .bool(true), .number(0.5), .string("x")])]))
    #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"a":[null,true,0.5,"x"],"b":2023}"#)
  }

  @Test("fields write a key and its value, with commas between them")
  func fields() {
    var json = JSONWriter()
    json.beginObject()
    json.field("s", string: "数据\"")
    json.field("i", integer: -12)
    json.field("n", number: 2.5)
    json.field("w", number: 3)
    json.field("o", optionalNumber: nil)
    json.field("b", bool: false)
    json.field("l", strings: ["a", "b"])
    json.endObject()
    #expect(
      String(decoding: json.bytes, as: UTF8.self)
        == #"{"s":"数据\"","i":-12,"n":2.5,"w":3,"o":null,"b":false,"l":["a","b"]}"#)
  }

  @Test("escapes special characters at every position of a word-at-a-time scan")
  func escapingAtEveryOffset() throws {
    for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}"] {
      for position in 0..<20 {
        let text =
          String(repeating: "数", count: position / 3) + String(repeating: "a", count: position % 3) + special
          + "尾部文字abc"
        var json = JSONWriter()
        json.strings([text])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
        #expect(parsed == [text])
      }
    }
  }

  @Test("escapes special characters in the last eight bytes, which are checked as one word")
  func escapingNearTheEnd() throws {
    for special in ["\"", "\\", "\n", "\u{01}"] {
      for head in [0, 2, 7, 8, 9, 15] {
        for tail in 0..<10 {
          let text = String(repeating: "a", count: head) + special + String(repeating: "b", count: tail)
          var json = JSONWriter()
          json.strings([text, special + "数据" + special + String(repeating: "c", count: tail)])
          let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String]
          #expect(parsed == [text, special + "数据" + special + String(repeating: "c", count: tail)])
        }
      }
    }
  }

  @Test("a writer copied while growing keeps its own bytes")
  func copiesWhileGrowing() {
    var json = JSONWriter()
    json.beginArray()
    json.string(String(repeating: "数", count: 2000))
    let copy = json
    json.string(String(repeating: "据", count: 2000))
    json.endArray()
    let expected = "[\"" + String(repeating: "数", count: 2000) + "\",\"" + String(repeating: "据", count: 2000) + "\"]"
    #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    #expect(String(decoding: copy.bytes, as: UTF8.self) == "[\"" + String(repeating: "数", count: 2000) + "\"")
  }

  @Test(
    "integers are written as Swift prints them, on either side of the eight-digit word",
    arguments: [0, 7, 10, 99, 100, 4_096, 12_345_678, 99_999_999, 100_000_000, 123_456_789_012, Int.max, -1, -100, Int.min])
  func integers(_ value: Int) {
    var json = JSONWriter()
    json.integer(value)
    #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
  }
}

@Suite("JSON writer: numbers")
struct JSONWriterNumberTests {
  /// What the writer must print: a whole number without a fraction, anything else as Swift
  /// prints it (the shortest decimal that reads back as the same number).
  static func expected(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  static func written(_ value: Double) -> String {
    var json = JSONWriter()
    json.number(value)
    return String(decoding: json.bytes, as: UTF8.self)
  }

  @Test(
    "numbers with up to three decimals, written from integers, read as Swift prints them",
    arguments: [0.5, 0.05, 0.005, 0.617, 33.75, 23.875, -0.25, -12.005, 0.1, 0.2, 0.3, 1.001, 999_999.999, 0.999, 100.1]
  )
  func shortDecimals(value: Double) {
    #expect(Self.written(value) == Self.expected(value))
  }

  @Test(
    "other numbers are printed by Swift",
    arguments: [0.1 + 0.2, 1.0 / 3, 1e-5, 0.0001, 123_456.7891, 1e20, -1e-7, 2.5e12 + 0.5, 0.0005]
  )
  func otherNumbers(value: Double) {
    #expect(Self.written(value) == Self.expected(value))
  }

  @Test("every thousandth from -3 to 3, every eighth and every hundredth up to 200 match Swift")
  func sweep() {
    var mismatches: [String] = []
    var values: [Double] = (-3000...3000).map { Double($0) / 1000 }
    values += (0...1600).map { Double($0) / 8 }
    values += (0...20_000).map { Double($0) / 100 }
    for value in values where Self.written(value) != Self.expected(value) {
      mismatches.append("\(value): \(Self.written(value))")
    }
    #expect(mismatches == [])
  }
}

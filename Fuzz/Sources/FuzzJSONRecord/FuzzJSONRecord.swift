import FuzzDriver
import GovTagKit

/// One input: a line of JSON Lines. Whatever it holds, decoding must return a record or an
/// error (never crash), and a decoded record's fields must write back as JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRecord(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let line = UnsafeBufferPointer(start: data, count: count)
  let location = SourceLocation(file: "fuzz.jsonl", line: 1)
  if case .success(let document) = DocumentDecoder().decode(line, at: location) {
    var json = JSONWriter()
    json.value(.object(document.fields))
    _ = json.bytes.count
  }
  _ = LabelledRecordReader().decode(line, at: location)
  _ = LabelledRecordReader(source: .field("manual")).decode(line, at: location)
  return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer over ``fuzzJSONRecord(_:_:)``.
@_cdecl("FuzzJSONRecord_main")
public func fuzzJSONRecordMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzzJSONRecord)
}

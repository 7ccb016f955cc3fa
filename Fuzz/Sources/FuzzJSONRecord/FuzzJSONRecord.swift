import FuzzDriver
@_spi(Fuzzing) import GovTagKit

/// One input: a line of JSON Lines. Whatever it holds, decoding must return a record or an
/// error (never crash), and a decoded record's fields must write back as JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONRecord(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let line = UnsafeBufferPointer(start: data, count: count)
  let location = SourceLocation(file: "fuzz.jsonl", line: 1)
  if let document = FuzzEntryPoints.decodeRecord(line, at: location) {
    var json = SPIJSONWriter()
    json.value(.object(document.fields))
    _ = json.bytes.count
  }
  _ = FuzzEntryPoints.decodeLabelledRecord(line, at: location)
  _ = FuzzEntryPoints.decodeLabelledRecord(line, at: location, labelField: "manual")
  return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer over ``fuzzJSONRecord(_:_:)``.
@_cdecl("FuzzJSONRecord_main")
public func fuzzJSONRecordMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzzJSONRecord)
}

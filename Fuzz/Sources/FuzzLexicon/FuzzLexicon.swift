import FuzzDriver
@_spi(Fuzzing) import GovTagKit

/// One input: a lexicon YAML file. Parsing must return a lexicon or throw, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
  _ = try? FuzzEntryPoints.parseLexicon(text, file: "capability.yaml")
  return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer over ``fuzzLexicon(_:_:)``.
@_cdecl("FuzzLexicon_main")
public func fuzzLexiconMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzzLexicon)
}

import FuzzDriver
@_spi(Fuzzing) import GovTagKit

#if canImport(Glibc)
  import Glibc
#endif

/// The readers take a path, so each input is written to one scratch file per process first.
let scratch = "/tmp/govtag-fuzz-\(getpid()).input"

/// One input: a whole file, read as CSV (default and renamed columns) and as a JSON array.
/// Every reader must end (no hang), and every element it returns must decode or fail cleanly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
  guard let data else { return 0 }
  let fd = open(scratch, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { fatalError("cannot write \(scratch)") }
  var written = 0
  while written < count {
    let result = write(fd, data + written, count - written)
    guard result > 0 else { fatalError("cannot write \(scratch)") }
    written += result
  }
  close(fd)
  do {
    _ = try FuzzEntryPoints.readCSV(path: scratch)
    _ = try FuzzEntryPoints.readCSV(path: scratch, idColumn: "编号", titleColumn: "t")
    _ = try FuzzEntryPoints.readJSONArray(path: scratch)
    _ = try FuzzEntryPoints.readJSONLines(path: scratch)
  } catch {
    fatalError("reading a regular file threw: \(error)")
  }
  return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer over ``fuzzCSV(_:_:)``.
@_cdecl("FuzzCSV_main")
public func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  // libFuzzer ends the process with exit(): remove the scratch file then (a crash keeps it).
  atexit { unlink(scratch) }
  return runFuzzer(argc, argv, fuzzCSV)
}

/// libFuzzer's driver, called from each target's entry point.
///
/// SwiftPM links every executable with `main` defined as `<Target>_main` (so that tests can
/// link executables), which shadows libFuzzer's own `main`. Each target therefore defines
/// `<Target>_main` itself and hands its test function to `LLVMFuzzerRunDriver`, libFuzzer's
/// entry point for programs with their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process's arguments over `test`.
///
/// - Parameters:
///   - argc: `main`'s argument count.
///   - argv: `main`'s arguments (libFuzzer's flags, corpus folders).
///   - test: one input's test; it returns 0, and crashes or traps on a bug.
/// - Returns: libFuzzer's exit status.
public func runFuzzer(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
  var count = argc
  var arguments = argv
  return runFuzzerDriver(&count, &arguments, test)
}

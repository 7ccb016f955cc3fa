// swift-tools-version:6.0
import Foundation
import PackageDescription

// libFuzzer targets for GovTag's input readers, in a package of their own (the Benchmarks habit)
// so that the main package's graph stays clean. Built and run by `make fuzz`, which passes
// `-sanitize=fuzzer,address -parse-as-library`; each target defines `<Target>_main`, the entry
// point SwiftPM links as `main`, and runs libFuzzer through FuzzDriver. The readers are not public
// API: the targets use GovTagKit's `@_spi(Fuzzing)` declarations (CONTRIBUTING.md).
// A path dependency is named after its folder (a worktree's may not be "GovTag").
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let kit = Target.Dependency.product(name: "GovTagKit", package: root)
// Listed beside GovTagKit so that incremental builds see GovTagCore's layout changes (../Package.swift).
let core = Target.Dependency.product(name: "GovTagCore", package: root)

let package = Package(
  name: "GovTagFuzz",
  dependencies: [.package(path: "..")],
  targets: [
    .target(name: "FuzzDriver"),
    // A JSON Lines line through the record decoder, the labelled-record decoder and the writer.
    .executableTarget(name: "FuzzJSONRecord", dependencies: [kit, core, "FuzzDriver"]),
    // A file through the CSV reader and the JSON array reader.
    .executableTarget(name: "FuzzCSV", dependencies: [kit, core, "FuzzDriver"]),
    // A YAML lexicon file through the lexicon parser.
    .executableTarget(name: "FuzzLexicon", dependencies: [kit, core, "FuzzDriver"]),
  ]
)

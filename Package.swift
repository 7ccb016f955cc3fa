// swift-tools-version:6.0
import PackageDescription

// One settings list for every Swift target (the swift-log / hummingbird habit):
// - ExistentialAny (SE-0335): `any P` spelled out, so existential costs are visible.
// - MemberImportVisibility (SE-0444): a file sees only the members of modules it imports.
// - InternalImportsByDefault (SE-0409): imports are internal unless marked `public import`,
//   so ICU and Yams never leak into GovTagKit's public API.
//
// Two library targets, one direction of dependency (see CONTRIBUTING.md): GovTagCore is the
// engine (taxonomy, folding, word boundaries, lexicons, matching, location, classification,
// calibration) and names no record, batch, audit or report type; GovTagKit adds records and
// formats, the batch runner, audit and report, and re-exports GovTagCore, so a program
// imports GovTagKit alone (the Hummingbird / HummingbirdCore habit).
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "GovTag",
  products: [
    .executable(name: "govtag", targets: ["govtag"]),
    .library(name: "GovTagKit", targets: ["GovTagKit"]),
    .library(name: "GovTagCore", targets: ["GovTagCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    // Yams 5.0.1 rather than 6.x: 6.x rejects a mapping with a repeated key at parse time and
    // reports only one mark, while the lexicon checker wants to name both lines of every
    // duplicate term and keep checking the rest of the file.
    .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
  ],
  targets: [
    // ICU4C behind a C shim whose header uses only <stdint.h> types: Foundation on Linux ships
    // its own ICU headers, and a Swift module that sees both sets fails to compile.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
    ),
    // Linux's sync_file_range, which Swift's Glibc module does not declare (a GNU extension).
    .target(name: "CFileWriteback"),
    // stat and fstat into a struct of its own: `struct stat`'s fields are out of reach of a
    // whole-module Swift build under MemberImportVisibility (CoreFoundation owns the struct).
    .target(name: "CFileStatus"),
    .target(
      name: "GovTagCore",
      dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "GovTagKit",
      dependencies: ["GovTagCore", "CFileWriteback", "CFileStatus"],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "govtag",
      dependencies: ["GovTagKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swiftSettings
    ),
    // Fixture paths and helpers shared by the test targets (not a product).
    .target(
      name: "GovTagTestSupport",
      dependencies: ["GovTagKit"],
      path: "Tests/GovTagTestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "GovTagKitTests",
      dependencies: ["GovTagKit", "GovTagCore", "GovTagTestSupport"],
      swiftSettings: swiftSettings
    ),
    // Runs the built `govtag` binary: stdout, stderr and exit status.
    .testTarget(
      name: "GovTagCLITests",
      dependencies: ["govtag", "GovTagKit", "GovTagTestSupport"],
      swiftSettings: swiftSettings
    ),
  ]
)

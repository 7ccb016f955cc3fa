// swift-tools-version:6.1
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
//
// Every target that depends on GovTagKit lists GovTagCore as well, though GovTagKit re-exports it:
// SwiftPM's incremental build does not rebuild a target when a struct it reaches only through a
// re-export changes its stored properties (swiftlang/swift#89636), and the stale layout crashes the
// program (`initializeWithCopy for ClassifierModel`). A direct dependency makes the change seen.
// scripts/check-core-dependency.py (in .ci/run) keeps every package's targets so.
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
    // `govtag serve`: Hummingbird 2 with its own lifecycle, logging and metrics stack, and a
    // Prometheus exporter. Hummingbird's default traits are off: they add swift-configuration
    // and full-Foundation form coding, which the server does not use (a shorter CI build).
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
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
    // The HTTP service (`govtag serve`): routes, request limits, JSON errors, lexicon reload and
    // metrics, on the front door of GovTagKit.
    .target(
      name: "GovTagServer",
      dependencies: [
        "GovTagKit",
        "GovTagCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "govtag",
      dependencies: [
        "GovTagKit", "GovTagCore", "GovTagServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    // Fixture paths and helpers shared by the test targets (not a product).
    .target(
      name: "GovTagTestSupport",
      dependencies: ["GovTagKit", "GovTagCore"],
      path: "Tests/GovTagTestSupport",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "GovTagKitTests",
      dependencies: ["GovTagKit", "GovTagCore", "GovTagTestSupport"],
      swiftSettings: swiftSettings
    ),
    // The server's routes in process (HummingbirdTesting), and its answers against the CLI's.
    .testTarget(
      name: "GovTagServerTests",
      dependencies: [
        "govtag", "GovTagServer", "GovTagKit", "GovTagCore", "GovTagTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: swiftSettings
    ),
    // Runs the built `govtag` binary: stdout, stderr and exit status.
    .testTarget(
      name: "GovTagCLITests",
      dependencies: ["govtag", "GovTagKit", "GovTagCore", "GovTagTestSupport"],
      swiftSettings: swiftSettings
    ),
  ]
)

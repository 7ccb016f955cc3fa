// swift-tools-version:6.0
import PackageDescription

// GovTag's benchmarks, in a package of their own (the swift-collections / swift-nio habit), so
// that the library's dependency graph stays clean. It depends on the main package by path, and
// reaches the tagger, the ICU word breaker and the JSON writer, which are not public API, through
// `@_spi(Benchmarking) import GovTagKit` (CONTRIBUTING.md).
//
// SwiftPM names a path dependency after its folder (`/work/main` → `main`), so the product
// reference below uses the parent folder's name, whatever the checkout is called.
let mainPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "main"

// The main package's settings (see ../Package.swift).
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "GovTagBenchmarks",
  products: [
    .executable(name: "govtag-bench", targets: ["govtag-bench"])
  ],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
  ],
  targets: [
    // The passes (ICU floor, GovTag core) and the plain-text reader they share.
    .target(
      name: "BenchmarkKit",
      // GovTagCore too, so that incremental builds see its layout changes (../Package.swift).
      dependencies: [.product(name: "GovTagKit", package: mainPackage), .product(name: "GovTagCore", package: mainPackage)],
      swiftSettings: swiftSettings
    ),
    // The command line: `govtag-bench icu TEXTS`, `govtag-bench core TEXTS --lexicons DIR`.
    .executableTarget(
      name: "govtag-bench",
      dependencies: ["BenchmarkKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "BenchmarkKitTests",
      dependencies: [
        "BenchmarkKit", .product(name: "GovTagKit", package: mainPackage), .product(name: "GovTagCore", package: mainPackage),
      ],
      swiftSettings: swiftSettings
    ),
  ]
)

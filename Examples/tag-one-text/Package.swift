// swift-tools-version:6.0
import PackageDescription

// A program that tags one text with GovTag's front door (`GovTag`), and nothing else of the
// library: the smallest client, built by .ci/run so that the front door keeps compiling for
// programs outside the package (no `package` or internal symbol reaches here).
//
// SwiftPM names a path dependency after its folder (`/work/main` → `main`), so the product
// reference below uses the name of the folder two levels up, whatever the checkout is called.
let govtagPackage =
  Context.packageDirectory.split(separator: "/").dropLast(2).last.map { String($0).lowercased() } ?? "main"

let package = Package(
  name: "tag-one-text",
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "tag-one-text",
      // The program imports GovTagKit alone; GovTagCore (which GovTagKit re-exports) is listed
      // too so that an incremental build after GovTag changes rebuilds the program against the
      // engine's new layout instead of crashing (swiftlang/swift#89636; see ../../Package.swift).
      dependencies: [
        .product(name: "GovTagKit", package: govtagPackage), .product(name: "GovTagCore", package: govtagPackage),
      ],
      swiftSettings: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
      ]
    )
  ]
)

// swift-tools-version: 6.1
// libFuzzer targets for Atelier. A separate package so that the main Package.swift is untouched:
// it depends on the main package (`..`) for AtelierKernel, and compiles the plugin folders it fuzzes
// through symlinks under Sources/ (Fuzz*-named targets: target names must be unique across the graph).
// Build and run with Fuzz/run.sh (see Fuzz/README.md); Linux only (-sanitize=fuzzer).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let kernel: Target.Dependency = .product(name: "AtelierKernel", package: "main")

/// A fuzz executable: `LLVMFuzzerTestOneInput` is its entry point, hence -parse-as-library.
func fuzzer(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [kernel, "FuzzHarness", "FuzzDriver"] + dependencies,
        swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "AtelierFuzz",
    dependencies: [
        .package(name: "main", path: ".."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The plugin sources, compiled here under other module names (symlinks to ../Plugins/*).
        .target(name: "FuzzStandardItems", dependencies: [kernel], swiftSettings: swiftSettings),
        .target(name: "FuzzCaseAnalysis", dependencies: [kernel], swiftSettings: swiftSettings),
        .target(name: "FuzzGIFTFormat", dependencies: [kernel], swiftSettings: swiftSettings),
        .target(name: "FuzzMoodleXML", dependencies: [kernel], swiftSettings: swiftSettings),
        .target(
            name: "FuzzSpreadsheets",
            dependencies: [kernel, .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: swiftSettings
        ),
        // libFuzzer's driver, called from each fuzzer's `<Module>_main` (see FuzzDriver.h).
        .target(name: "FuzzDriver"),
        // Shared by the fuzzers: the registry, the repository root.
        .target(name: "FuzzHarness", dependencies: [kernel, "FuzzStandardItems", "FuzzCaseAnalysis"], swiftSettings: swiftSettings),

        fuzzer("ContentLoaderFuzzer", []),
        fuzzer("GIFTFuzzer", ["FuzzGIFTFormat"]),
        fuzzer("AikenFuzzer", ["FuzzGIFTFormat"]),
        fuzzer("MoodleXMLFuzzer", ["FuzzMoodleXML"]),
        fuzzer("CSVFuzzer", ["FuzzSpreadsheets"]),
        fuzzer("SubmissionFuzzer", []),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

/// One list of settings, applied to every target.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Atelier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atelier", targets: ["atelier"]),
        .library(name: "AtelierKernel", targets: ["AtelierKernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The kernel: content model, loading, diagnostics, plugin protocols, grading. Foundation only.
        .target(name: "AtelierKernel", swiftSettings: swiftSettings),

        // Plugins: each depends on the kernel only.
        .target(
            name: "StandardItems",
            dependencies: ["AtelierKernel"],
            path: "Plugins/StandardItems",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CaseAnalysis",
            dependencies: ["AtelierKernel"],
            path: "Plugins/CaseAnalysis",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "StandardReports",
            dependencies: ["AtelierKernel"],
            path: "Plugins/StandardReports",
            swiftSettings: swiftSettings
        ),

        // Persistence: sessions, participants, attendance, submissions, audit log, on SQLite.
        .target(
            name: "AtelierStore",
            dependencies: ["AtelierKernel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),

        // The embedded HTTP server: participant pages, grading API, trainer API.
        .target(
            name: "AtelierServer",
            dependencies: [
                "AtelierKernel",
                "AtelierStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates"), .copy("Public"), .copy("Strings"), .copy("openapi.json")],
            swiftSettings: swiftSettings
        ),

        // Front ends.
        .target(
            name: "AtelierCLI",
            dependencies: [
                "AtelierKernel",
                "AtelierStore",
                "AtelierServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Strings")],
            swiftSettings: swiftSettings
        ),

        // The composition root: builds the plugin registry and runs the CLI.
        .executableTarget(
            name: "atelier",
            dependencies: ["AtelierCLI", "AtelierKernel", "StandardItems", "CaseAnalysis", "StandardReports"],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "AtelierKernelTests", dependencies: ["AtelierKernel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StandardItemsTests",
            dependencies: ["AtelierKernel", "StandardItems"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseAnalysisTests",
            dependencies: ["AtelierKernel", "CaseAnalysis"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StandardReportsTests",
            dependencies: ["AtelierKernel", "StandardReports"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AtelierStoreTests",
            dependencies: ["AtelierKernel", "AtelierStore", "StandardItems", "CaseAnalysis"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AtelierServerTests",
            dependencies: [
                "AtelierKernel", "AtelierStore", "AtelierServer", "StandardItems", "CaseAnalysis",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AtelierCLITests",
            dependencies: ["AtelierCLI", "AtelierKernel", "StandardItems", "CaseAnalysis", "StandardReports"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AtelierContentTests",
            dependencies: ["AtelierKernel", "StandardItems", "CaseAnalysis", "AtelierCLI"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)

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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
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

        // Interchange: each format is a plugin on the kernel's importer and exporter protocols.
        .target(name: "GIFTFormat", dependencies: ["AtelierKernel"], path: "Plugins/GIFT", swiftSettings: swiftSettings),
        .target(name: "MoodleXML", dependencies: ["AtelierKernel"], path: "Plugins/MoodleXML", swiftSettings: swiftSettings),
        .target(
            name: "QTI",
            dependencies: ["AtelierKernel", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Plugins/QTI",
            swiftSettings: swiftSettings
        ),
        .target(name: "XAPI", dependencies: ["AtelierKernel"], path: "Plugins/XAPI", swiftSettings: swiftSettings),
        .target(
            name: "Spreadsheets",
            dependencies: ["AtelierKernel", .product(name: "CSV", package: "CSV.swift")],
            path: "Plugins/Spreadsheets",
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
            dependencies: [
                "AtelierCLI", "AtelierKernel", "StandardItems", "CaseAnalysis", "StandardReports", "GIFTFormat", "MoodleXML", "QTI", "XAPI",
                "Spreadsheets",
            ],
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
            name: "GIFTFormatTests",
            dependencies: ["AtelierKernel", "GIFTFormat", "StandardItems", "CaseAnalysis"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MoodleXMLTests",
            dependencies: ["AtelierKernel", "MoodleXML", "StandardItems", "CaseAnalysis"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QTITests",
            dependencies: ["AtelierKernel", "QTI", "StandardItems", "CaseAnalysis", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "XAPITests", dependencies: ["AtelierKernel", "XAPI"], swiftSettings: swiftSettings),
        .testTarget(name: "SpreadsheetsTests", dependencies: ["AtelierKernel", "Spreadsheets"], swiftSettings: swiftSettings),
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
            dependencies: [
                "AtelierCLI", "AtelierKernel", "StandardItems", "CaseAnalysis", "StandardReports", "Spreadsheets", "GIFTFormat", "MoodleXML", "QTI",
                "XAPI", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AtelierContentTests",
            dependencies: ["AtelierKernel", "StandardItems", "CaseAnalysis", "AtelierCLI", "Spreadsheets"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)

import Foundation

/// The plugins an Atelier process runs with: item types, importers, exporters and report renderers.
///
/// Built once in the composition root and passed to whatever needs it; never a global.
///
/// ```swift
/// let registry = try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
/// ```
public struct PluginRegistry: Sendable {
    /// The item types, in registration order.
    public let itemTypes: [AnyItemType]
    /// The importers.
    public let importers: [any ContentImporter]
    /// The exporters.
    public let exporters: [any ContentExporter]
    /// The report renderers.
    public let renderers: [any ReportRenderer]
    /// The attempt exporters (xAPI…).
    public let attemptExporters: [any AttemptExporter]
    /// The spreadsheet codecs (CSV).
    public let spreadsheets: [any SpreadsheetCodec]

    private let itemTypesByKind: [String: AnyItemType]

    /// Builds a registry, refusing two plugins of the same category with the same name.
    ///
    /// - Throws: ``RegistryError/duplicate(category:name:)`` naming the clash.
    public init(
        itemTypes: [any ItemType],
        importers: [any ContentImporter] = [],
        exporters: [any ContentExporter] = [],
        renderers: [any ReportRenderer] = [],
        attemptExporters: [any AttemptExporter] = [],
        spreadsheets: [any SpreadsheetCodec] = []
    ) throws(RegistryError) {
        let erased = itemTypes.map { AnyItemType($0) }
        try PluginRegistry.requireUnique(erased.map(\.kind), category: "item type")
        try PluginRegistry.requireUnique(importers.map(\.format), category: "importer")
        try PluginRegistry.requireUnique(exporters.map(\.format), category: "exporter")
        try PluginRegistry.requireUnique(renderers.map(\.format), category: "report renderer")
        try PluginRegistry.requireUnique(attemptExporters.map(\.format), category: "attempt exporter")
        try PluginRegistry.requireUnique(spreadsheets.map(\.format), category: "spreadsheet codec")
        for kind in erased.map(\.kind) where kind.range(of: Schema.identifierPattern, options: .regularExpression) == nil {
            throw .invalidName(category: "item type", name: kind)
        }
        self.itemTypes = erased
        self.importers = importers
        self.exporters = exporters
        self.renderers = renderers
        self.attemptExporters = attemptExporters
        self.spreadsheets = spreadsheets
        self.itemTypesByKind = Dictionary(uniqueKeysWithValues: erased.map { ($0.kind, $0) })
    }

    private static func requireUnique(_ names: [String], category: String) throws(RegistryError) {
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .duplicate(category: category, name: name)
        }
    }

    /// The item type registered for `kind`.
    public func itemType(_ kind: String) -> AnyItemType? { itemTypesByKind[kind] }

    /// The kinds of all registered item types.
    public var itemKinds: [String] { itemTypes.map(\.kind) }
}

/// Why a registry could not be built.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
    /// Two plugins of one category share a name.
    case duplicate(category: String, name: String)
    /// A plugin's name is not an identifier.
    case invalidName(category: String, name: String)

    public var description: String {
        switch self {
        case .duplicate(let category, let name):
            "two plugins register the \(category) '\(name)'; remove one from the registry in Sources/atelier/main.swift"
        case .invalidName(let category, let name):
            "the \(category) name '\(name)' is not a lower-case identifier (letters, digits, '-' or '.')"
        }
    }
}

import AtelierKernel
import CaseAnalysis
import Foundation
import QTI
import StandardItems
import ZIPFoundation

/// The shipped content, loaded with the real plugins, and the exporter's packages opened again.
enum QTIFixture {
    /// The repository's root.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The registry of the shipped item types.
    static let registry: PluginRegistry = {
        do { return try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()], exporters: QTI.exporters) } catch {
            fatalError("\(error)")
        }
    }()

    /// Everything in `Curricula/` and `Assessments/`.
    static let catalog: ContentCatalog = {
        let result = ContentLoader(registry: registry).load(paths: [root + "/Curricula", root + "/Assessments"])
        precondition(!result.hasErrors, "\(result.diagnostics)")
        return result.catalog
    }()

    /// The ids of the shipped forms.
    static let formIDs = ["definitions.pre", "definitions.post", "identification.pre", "identification.post", "protection.pre", "protection.post"]

    /// The ids of the shipped banks.
    static let bankIDs = ["definitions-bank", "identification-bank", "protection-bank"]

    /// The items of a shipped form or bank.
    static func items(of id: String) -> [LoadedItem] {
        if let form = catalog.resolvedForm(id) { return form.items }
        guard let bank = catalog.banks[id] else { return [] }
        return bank.items.compactMap { catalog.items[$0.id] }
    }

    /// Every shipped item, forms and banks, once.
    static var allItems: [LoadedItem] {
        catalog.items.values.sorted { $0.item.id < $1.item.id }
    }

    /// An item as an importer or author would write it, checked by the item type's plugin.
    static func loaded(_ item: Item) throws -> LoadedItem {
        guard let type = registry.itemType(item.type) else { throw PackageError.missing("item type \(item.type)") }
        return LoadedItem(item: item, itemType: type, body: try type.decode(item.body), module: "definitions", origin: ("test", JSONPointer("")))
    }
}

/// Why a package could not be opened.
enum PackageError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(String, line: Int, reason: String)

    var description: String {
        switch self {
        case .missing(let what): "missing \(what)"
        case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
        }
    }
}

/// A QTI package opened again: its files by path, as text.
struct OpenedPackage {
    /// The paths in the zip, in order.
    var paths: [String]
    /// The text of each file.
    var files: [String: String]

    /// Reads the zip `data`.
    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        paths = []
        files = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            paths.append(entry.path)
            files[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The parsed file at `path`.
    func tree(_ path: String) throws -> XMLTree {
        guard let text = files[path] else { throw PackageError.missing(path) }
        return try XMLTree.parse(text, file: path)
    }

    /// The item files.
    var itemPaths: [String] { paths.filter { $0.hasPrefix("items/") } }

    /// The test files.
    var testPaths: [String] { paths.filter { $0.hasPrefix("tests/") } }
}

extension QTIFixture {
    /// The package of `items` in `language`, opened, and the losses reported.
    static func export(
        _ items: [Item],
        settings: QTIPackageSettings = .plainItems,
        language: String = "fr"
    ) throws -> (package: OpenedPackage, losses: [String]) {
        let result = QTIPackageExporter().exportPackage(items: items, settings: settings, language: language)
        return (try OpenedPackage(result.data), result.losses)
    }

    /// The item document of `item` exported alone, parsed, with its text and losses.
    static func exportItem(
        _ item: Item,
        settings: QTIPackageSettings = .plainItems,
        language: String = "fr"
    ) throws -> (tree: XMLTree, xml: String, losses: [String]) {
        let (package, losses) = try export([item], settings: settings, language: language)
        guard let path = package.itemPaths.first, let xml = package.files[path] else { throw PackageError.missing("the item of \(item.id)") }
        return (try package.tree(path), xml, losses)
    }
}

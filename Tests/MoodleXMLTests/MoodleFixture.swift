import AtelierKernel
import CaseAnalysis
import Foundation
import MoodleXML
import StandardItems

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The fixture files, the shipped content, and the checks the tests share.
enum MoodleFixture {
    /// The repository's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try Data(contentsOf: url)
    }

    /// Imports `Fixtures/<name>`.
    static func importFile(_ name: String, languages: [String] = ["fr"]) throws -> ImportResult {
        MoodleXMLImporter().importItems(from: try data(name), file: name, languages: languages)
    }

    /// The imported item whose id is `id`.
    static func item(_ id: String, in result: ImportResult) -> JSONValue? {
        result.items.first { $0["id"]?.stringValue == id }
    }

    /// The registry the executable builds for item types.
    static let registry: PluginRegistry = {
        do {
            return try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The shipped curricula and assessments, loaded with the real plugins.
    static let catalog: ContentCatalog = {
        let result = ContentLoader(registry: registry).load(paths: [root + "/Curricula", root + "/Assessments"])
        precondition(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return result.catalog
    }()

    /// Every shipped item of every bank and form, each once, in file order.
    static var shippedItems: [Item] {
        let banks = catalog.banks.keys.sorted().compactMap { catalog.banks[$0] }.flatMap(\.items)
        let forms = catalog.forms.keys.sorted().compactMap { catalog.resolvedForm($0)?.items.map(\.item) }.flatMap { $0 }
        var seen = Set<String>()
        return (banks + forms).filter { seen.insert($0.id).inserted }
    }

    /// Loads imported items as a bank of the `definitions` module (ids prefixed `imp-`, objective
    /// `def-o1`), in the context of the shipped content, as the CLI's import does.
    static func loadAsBank(_ items: [JSONValue], languages: [String]) throws -> ContentLoadResult {
        let prepared: [JSONValue] = items.map { item in
            guard case .object(var object) = item else { return item }
            object["id"] = .string("imp-" + (item["id"]?.stringValue ?? ""))
            object["objectives"] = ["def-o1"]
            return .object(object)
        }
        let bank: JSONValue = [
            "$schema": "../schemas/bank.schema.json",
            "kind": "bank",
            "id": "imported-moodle",
            "version": "1.0.0",
            "module": "definitions",
            "languages": .array(languages.map(JSONValue.string)),
            "items": .array(prepared),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moodle-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bank.json")
        try Data(bank.serialized(pretty: true).utf8).write(to: file)
        return ContentLoader(registry: registry).load(paths: [file.path], context: [root + "/Curricula", root + "/Assessments"])
    }

    /// The diagnostics as `code@line` strings, in order, for compact assertions.
    static func codesAndLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code)@\($0.line)" }
    }

    /// Whether `data` is well-formed XML, according to Foundation's parser.
    static func isWellFormedXML(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        return parser.parse() && parser.parserError == nil
    }
}

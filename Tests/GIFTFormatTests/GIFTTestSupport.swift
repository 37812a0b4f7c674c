import AtelierKernel
import CaseAnalysis
import Foundation
import StandardItems
import Testing

@testable import GIFTFormat

/// Fixture files, the shipped content, and checks shared by the GIFT and Aiken tests.
enum GIFTFixture {
    /// The repository root.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bytes of `Fixtures/<name>`.
    static func data(_ name: String) throws -> Data {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return try Data(contentsOf: url.appendingPathComponent("Fixtures").appendingPathComponent(name))
    }

    /// The registry of the shipped item types.
    static func registry() throws -> PluginRegistry {
        try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
    }

    /// The catalog of the shipped curricula and assessments.
    static func catalog() throws -> ContentCatalog {
        let result = ContentLoader(registry: try registry()).load(paths: [root + "/Curricula", root + "/Assessments"])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.formatted))")
        return result.catalog
    }

    /// `text` parsed as JSON.
    static func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text).value
    }

    /// The imported items as Atelier items (decoded the way the loader decodes them).
    static func items(_ values: [JSONValue]) throws -> [Item] {
        try values.map { try $0.decode(Item.self) }
    }

    /// The diagnostics of loading `items` as a bank of the `definitions` module: ids prefixed `imp-`,
    /// objective `def-o1`, in a temporary folder, in the context of the whole repository.
    static func bankDiagnostics(_ items: [JSONValue], language: String = "fr") throws -> [Diagnostic] {
        let prepared: [JSONValue] = items.map { item in
            guard var object = item.objectValue else { return item }
            object["id"] = .string("imp-" + (item["id"]?.stringValue ?? ""))
            object["objectives"] = ["def-o1"]
            return .object(object)
        }
        let bank: JSONValue = [
            "$schema": "../schemas/bank.schema.json",
            "kind": "bank",
            "id": "imported-bank",
            "version": "1.0.0",
            "module": "definitions",
            "languages": [.string(language)],
            "items": .array(prepared),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gift-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bank.json")
        try Data(bank.serialized(pretty: true).utf8).write(to: file)
        let result = ContentLoader(registry: try registry())
            .load(paths: [file.path], context: [root + "/Curricula", root + "/Assessments"])
        return result.diagnostics.filter { $0.file == file.path }
    }
}

extension Array where Element == Diagnostic {
    /// Each diagnostic as `line:column severity code`, for compact comparisons.
    var summaries: [String] { map { "\($0.line):\($0.column) \($0.severity.rawValue) \($0.code)" } }
}

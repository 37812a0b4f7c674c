import AtelierCLI
import AtelierKernel
import CaseAnalysis
import Foundation
import GIFTFormat
import MoodleXML
import QTI
import Spreadsheets
import StandardItems
import StandardReports
import Synchronization
import XAPI

/// Runs the CLI in-process and captures what it prints.
struct CLIRun {
    var exitCode: Int32
    var output: String
    var error: String

    /// The output parsed as JSON.
    func json() throws -> JSONValue { try JSONParser.parse(output).value }
}

final class Capture: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
}

enum CLI {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let registry: PluginRegistry = {
        do {
            return try PluginRegistry(
                itemTypes: StandardItems.all + [CaseAnalysisItem()],
                importers: GIFTFormat.importers + MoodleXML.importers,
                exporters: GIFTFormat.exporters + MoodleXML.exporters + QTI.exporters,
                renderers: StandardReports.all,
                attemptExporters: XAPI.exporters,
                spreadsheets: Spreadsheets.codecs
            )
        } catch {
            fatalError("\(error)")
        }
    }()

    /// The shipped content, loaded with the registry's plugins.
    static func catalog() throws -> ContentCatalog {
        let result = ContentLoader(registry: registry).load(paths: [root + "/Curricula", root + "/Assessments"])
        guard !result.hasErrors else { throw CLIError(description: "\(result.diagnostics)") }
        return result.catalog
    }

    struct CLIError: Error, CustomStringConvertible { var description: String }

    /// Runs `atelier ARGUMENTS` from `directory` (the repository by default).
    static func run(_ arguments: [String], in directory: String = root, variables: [String: String] = [:], input: [String] = []) async -> CLIRun {
        let output = Capture()
        let error = Capture()
        let lines = Mutex(input[...])
        let environment = CLIEnvironment(
            registry: registry,
            currentDirectory: directory,
            variables: variables,
            readInput: { lines.withLock { $0.popFirst() } },
            writeOutput: { output.append($0) },
            writeError: { error.append($0) }
        )
        let code = await AtelierCLI.run(arguments, in: environment)
        return CLIRun(exitCode: code, output: output.text, error: error.text)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

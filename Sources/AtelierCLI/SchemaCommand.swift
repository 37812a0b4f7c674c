import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier schema`: prints, writes or checks the JSON Schemas of the content kinds.
struct SchemaCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write or check the JSON Schema files of modules, programs, banks and forms.",
        discussion: """
            The schemas are generated from the Swift models and the registered item types. --write rewrites
            Curricula/schemas/*.schema.json and Assessments/schemas/*.schema.json; --check exits 1 if they are
            out of date. Without either, prints the schema of --kind.

            Examples:
              atelier schema --write
              atelier schema --check
              atelier schema --kind form
            """
    )

    @Flag(name: .long, help: "Rewrite the schema files in the content folder.")
    var write = false
    @Flag(name: .long, help: "Exit 1 if a schema file differs from the generated one.")
    var check = false
    @Option(name: .long, help: ArgumentHelp("The kind to print: module, program, bank or form.", valueName: "kind"))
    var kind: String = "form"
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let schemas = ContentSchemas(registry: environment.registry)
        guard write || check else {
            guard let contentKind = ContentKind(rawValue: kind) else {
                throw CLIError(
                    message: "'\(kind)' is not a content kind",
                    hint: "use one of \(ContentKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            environment.writeOutput(SchemaCommand.text(schemas.document(for: contentKind)))
            return
        }
        let root = contentOptions.root(in: environment)
        var stale: [String] = []
        for contentKind in ContentKind.allCases {
            let relative = ContentSchemas.relativePath(of: contentKind)
            let path = (root as NSString).appendingPathComponent(relative)
            let expected = SchemaCommand.text(schemas.document(for: contentKind)) + "\n"
            let current = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            guard current != expected else { continue }
            stale.append(relative)
            if write {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(expected.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                environment.writeOutput("wrote \(relative)")
            }
        }
        if check && !write && !stale.isEmpty {
            environment.writeError("out of date: \(stale.joined(separator: ", "))")
            throw CLIError(message: "the schema files are out of date", hint: "run `atelier schema --write` and commit the result")
        }
        if stale.isEmpty { environment.writeOutput("schemas are up to date") }
    }

    /// The schema file's text.
    static func text(_ document: SchemaDocument) -> String { document.jsonSchema().serialized(pretty: true) }
}

import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier import gift|moodle-xml|aiken FILE`: another system's questions as an Atelier question bank.
struct ImportCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a GIFT, Moodle XML or Aiken file into an Atelier question bank that `atelier validate` accepts.",
        discussion: """
            Every question that maps to an Atelier item type is imported; what cannot be mapped (an essay, a calculated
            question, an embedded image, per-answer feedback, partial credit Atelier cannot express) is reported with
            its line and left out, never dropped silently. The bank belongs to --module; every item measures
            --objective (default: the module's first objective; change it per item afterwards). Item ids are the
            questions' names (or q-001…) after --id-prefix; ids already used elsewhere are refused.

            Exit status: 0 when every question imported, 1 when something was reported as an error (the bank holds
            the questions that did import).

            Examples:
              atelier import gift questions.gift --lang fr --module definitions --out Assessments/definitions/imported.json
              atelier import moodle-xml quiz.xml --lang fr --module identification --objective idn-o2 --out bank.json
            """
    )
    @Argument(help: ArgumentHelp("The format: gift, moodle-xml or aiken.", valueName: "format")) var format: String
    @Argument(help: ArgumentHelp("The file to import.", valueName: "file")) var file: String
    @Option(name: .long, help: "The language the questions are written in: fr, en or ar.") var lang: String
    @Option(name: .long, help: ArgumentHelp("Write the bank here.", valueName: "path")) var out: String
    @Option(name: .long, help: ArgumentHelp("The module the bank belongs to.", valueName: "id")) var module: String
    @Option(name: .long, help: ArgumentHelp("The objective every item measures (default: the module's first).", valueName: "id"))
    var objective: String?
    @Option(name: .long, help: ArgumentHelp("Prefix of the item ids (default: from the file name).", valueName: "prefix"))
    var idPrefix: String?
    @Option(name: .long, help: ArgumentHelp("The bank's id (default: <prefix>-bank).", valueName: "id")) var bankId: String?
    @OptionGroup var contentOptions: ContentOptions

    static let maxBytes = 20 << 20

    func validate() throws {
        guard ["fr", "en", "ar"].contains(lang) else { throw ValidationError("--lang must be fr, en or ar") }
        if let idPrefix, idPrefix.range(of: Schema.identifierPattern, options: .regularExpression) == nil {
            throw ValidationError("--id-prefix must be lower-case letters, digits and '-' (like def-imp)")
        }
    }

    func run(in environment: CLIEnvironment) async throws {
        guard let importer = environment.registry.importers.first(where: { $0.format == format }) else {
            throw CLIError(
                message: "no importer for '\(format)'",
                hint: "formats: \(environment.registry.importers.map(\.format).sorted().joined(separator: ", "))"
            )
        }
        let catalog = try contentOptions.loadCatalog(in: environment)
        guard let definition = catalog.modules[module] else {
            throw CLIError(message: "no module '\(module)'", hint: "modules: \(catalog.modules.keys.sorted().joined(separator: ", "))")
        }
        let objectiveID = objective ?? definition.objectives.first?.id ?? ""
        guard definition.objectives.contains(where: { $0.id == objectiveID }) else {
            throw CLIError(
                message: "'\(objectiveID)' is not an objective of \(module)",
                hint: "objectives: \(definition.objectives.map(\.id).joined(separator: ", "))"
            )
        }
        let path = environment.absolute(file)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maxBytes else { throw CLIError(message: "\(file): \(size) bytes; an import is limited to \(Self.maxBytes) bytes") }
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(message: "\(file): no such file or not readable") }

        let result = importer.importItems(from: data, file: file, languages: [lang])
        for diagnostic in result.diagnostics.sortedForDisplay() { environment.writeError(diagnostic.formatted) }

        let prefix = idPrefix ?? Self.slug(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
        let knownIDs = Set(catalog.items.keys)
        var items: [JSONValue] = []
        var clashes: [String] = []
        for item in result.items {
            guard case .object(var object) = item else { continue }
            let id = "\(prefix)-\(object["id"]?.stringValue ?? "q-\(items.count + 1)")"
            if knownIDs.contains(id) { clashes.append(id) }
            object["id"] = .string(String(id.prefix(64)))
            if object["objectives"]?.arrayValue?.isEmpty ?? true { object["objectives"] = [.string(objectiveID)] }
            items.append(.object(object))
        }
        guard clashes.isEmpty else {
            throw CLIError(
                message: "item ids already used in the content: \(clashes.prefix(5).joined(separator: ", "))\(clashes.count > 5 ? ", …" : "")",
                hint: "choose another --id-prefix"
            )
        }
        let outPath = environment.absolute(out)
        let schema = Self.relativePath(
            from: (outPath as NSString).deletingLastPathComponent,
            to: (contentOptions.root(in: environment) as NSString).appendingPathComponent("Assessments/schemas/bank.schema.json")
        )
        let bank: JSONValue = [
            "$schema": .string(schema), "kind": "bank", "id": .string(bankId ?? "\(prefix)-bank"), "version": "1.0.0",
            "module": .string(module), "languages": [.string(lang)], "items": .array(items),
        ]
        do {
            try FileManager.default.createDirectory(atPath: (outPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data((bank.serialized(pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: outPath), options: .atomic)
        } catch {
            throw CLIError(message: "cannot write \(out): \(error.localizedDescription)")
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        environment.writeOutput(
            "wrote \(out): \(items.count) item(s) in bank \(bankId ?? "\(prefix)-bank"); \(warnings) warning(s), \(errors) error(s) (above)"
        )
        environment.writeOutput("next: atelier validate \(out)")
        if errors > 0 { throw ExitCode(1) }
    }

    /// A lower-case identifier from a file name.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "imported" : String(slug.prefix(24))
    }

    /// The relative path from a folder to a file (for `$schema`).
    static func relativePath(from folder: String, to file: String) -> String {
        let from = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...]).joined(separator: "/")
    }
}

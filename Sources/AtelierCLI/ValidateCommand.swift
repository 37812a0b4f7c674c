import ArgumentParser
import AtelierKernel
import Foundation

/// `atelier validate`: checks content files and reports every problem like a compiler.
struct ValidateCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check content files and report every problem with file, line, column and JSON pointer.",
        discussion: """
            Without paths, checks the repository's Curricula/ and Assessments/. A single file is checked in the
            context of the whole repository, so that its references to other files resolve.
            Exit status: 0 when there is no error (warnings allowed), 1 otherwise.

            JSON output: {"diagnostics": [{"severity", "code", "file", "line", "column", "pointer", "message", "hint"}],
            "files", "errors", "warnings"}.

            Examples:
              atelier validate
              atelier validate Assessments/definitions/pre.json
              atelier validate --format json | jq '.diagnostics[] | select(.severity == "error")'
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to check (default: Curricula and Assessments).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let defaults = contentOptions.defaultPaths(in: environment)
        let targets = paths.isEmpty ? defaults : paths
        guard !targets.isEmpty else {
            throw CLIError(
                message: "nothing to validate: no Curricula/ or Assessments/ folder here",
                hint: "pass the files or folders to check, or run from the repository (or pass --content DIR)"
            )
        }
        let loader = ContentLoader(registry: environment.registry)
        let result = loader.load(
            paths: targets.map { relativeOrAbsolute($0, in: environment) },
            context: paths.isEmpty ? [] : defaults.map { relativeOrAbsolute($0, in: environment) }
        )
        let diagnostics = result.diagnostics.map { diagnostic -> Diagnostic in
            var shown = diagnostic
            shown.file = ContentOptions.display(environment.absolute(diagnostic.file), relativeTo: environment.currentDirectory)
            return shown
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .json:
            let output: JSONValue = [
                "diagnostics": .array(diagnostics.map(\.jsonValue)),
                "files": .number(Double(result.files.count)),
                "errors": .number(Double(errors)),
                "warnings": .number(Double(warnings)),
            ]
            environment.writeOutput(output.serialized(pretty: true))
        case .text:
            for diagnostic in diagnostics {
                environment.writeOutput(colored(diagnostic, in: environment))
            }
            let fileCount = "\(result.files.count) file\(result.files.count == 1 ? "" : "s")"
            if diagnostics.isEmpty {
                environment.writeOutput("ok: \(fileCount) checked, no problems")
            } else {
                environment.writeOutput(
                    "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(fileCount)"
                )
            }
        }
        if errors > 0 { throw ExitCode(1) }
    }

    private func relativeOrAbsolute(_ path: String, in environment: CLIEnvironment) -> String {
        path.hasPrefix("/") ? path : environment.absolute(path)
    }

    private func colored(_ diagnostic: Diagnostic, in environment: CLIEnvironment) -> String {
        let text = diagnostic.formatted
        guard environment.usesColor else { return text }
        let label = "\(diagnostic.severity.rawValue):"
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : diagnostic.severity == .warning ? "\u{1B}[1;33m" : "\u{1B}[1;36m"
        return text.replacingOccurrences(of: " \(label) ", with: " \(color)\(label)\u{1B}[0m ", options: [], range: text.range(of: " \(label) "))
    }
}

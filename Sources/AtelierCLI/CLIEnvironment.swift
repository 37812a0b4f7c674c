import AtelierKernel
import Foundation

/// What the commands run with: the plugins, where output goes, and the process's surroundings.
///
/// The executable builds one from the real process; tests build one that captures output.
public struct CLIEnvironment: Sendable {
    /// The plugins.
    public var registry: PluginRegistry
    /// Writes a line to standard output.
    public var writeOutput: @Sendable (String) -> Void
    /// Writes a line to standard error.
    public var writeError: @Sendable (String) -> Void
    /// The working directory.
    public var currentDirectory: String
    /// Environment variables (`ATELIER_CONTENT`, `NO_COLOR`, …).
    public var variables: [String: String]
    /// Whether standard output is a terminal (colors and progress are shown only then).
    public var isTerminal: Bool
    /// Reads a line typed by the user (`atelier take`); `nil` at the end of input.
    public var readInput: @Sendable () -> String?

    /// Creates an environment.
    public init(
        registry: PluginRegistry,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        variables: [String: String] = ProcessInfo.processInfo.environment,
        isTerminal: Bool = false,
        readInput: @escaping @Sendable () -> String? = { nil },
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) {
        self.registry = registry
        self.readInput = readInput
        self.currentDirectory = currentDirectory
        self.variables = variables
        self.isTerminal = isTerminal
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The environment of this process: standard output and error, the real working directory.
    public static func process(registry: PluginRegistry) -> CLIEnvironment {
        CLIEnvironment(
            registry: registry,
            isTerminal: isatty(STDOUT_FILENO) == 1,
            readInput: { readLine(strippingNewline: true) },
            writeOutput: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
            writeError: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        )
    }

    /// Whether to color output.
    var usesColor: Bool { isTerminal && variables["NO_COLOR"] == nil }

    /// Who is acting, for the audit log: `ATELIER_ACTOR`, else the system user.
    var actor: String { variables["ATELIER_ACTOR"] ?? variables["USER"] ?? "trainer" }

    /// Writes a progress line to standard error when it is a terminal (never into machine output).
    func progress(_ line: String) {
        if isTerminal { writeError(line) }
    }

    /// Resolves `path` against the working directory.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
    }
}

/// An error the CLI reports as one clear line, exiting non-zero.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var hint: String?
    var exitCode: Int32 = 1

    var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}

/// Output formats of list, show and grade commands.
enum OutputFormat: String, CaseIterable, Sendable {
    case text, json
}

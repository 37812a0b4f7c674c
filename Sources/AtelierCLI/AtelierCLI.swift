import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// Runs the `atelier` command line.
///
/// ```swift
/// let registry = try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
/// exit(await AtelierCLI.run(Array(CommandLine.arguments.dropFirst()), in: .process(registry: registry)))
/// ```
public enum AtelierCLI {
    /// Parses `arguments` (without the program name), runs the command, and returns the exit code.
    ///
    /// Errors are printed as one clear message on standard error, never as a stack trace.
    public static func run(_ arguments: [String], in environment: CLIEnvironment) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try AtelierCommand.parseAsRoot(arguments)
        } catch {
            return report(error, in: environment)
        }
        do {
            if let subcommand = command as? any EnvironmentCommand {
                try await subcommand.run(in: environment)
            } else {
                var command = command
                try command.run()
            }
            return 0
        } catch {
            return report(error, in: environment)
        }
    }

    private static func report(_ error: any Error, in environment: CLIEnvironment) -> Int32 {
        if let error = error as? StoreError {
            environment.writeError("error: \(error.description)")
            return 1
        }
        if let error = error as? CLIError {
            environment.writeError("error: \(error.message)")
            if let hint = error.hint { environment.writeError("hint: \(hint)") }
            return error.exitCode
        }
        if let exit = error as? ExitCode { return exit.rawValue }
        let code = AtelierCommand.exitCode(for: error).rawValue
        let message = AtelierCommand.fullMessage(for: error)
        if code == 0 {
            if !message.isEmpty { environment.writeOutput(message) }
        } else {
            environment.writeError(message)
        }
        return code
    }
}

/// A command that runs with a ``CLIEnvironment`` (the registry and output), not with globals.
protocol EnvironmentCommand: ParsableCommand {
    /// Runs the command.
    func run(in environment: CLIEnvironment) async throws
}

extension EnvironmentCommand {
    /// Never called: ``AtelierCLI/run(_:in:)`` calls ``run(in:)``.
    mutating func run() throws {
        throw CLIError(message: "this command needs the Atelier environment; run it through the atelier executable")
    }
}

/// The root command.
struct AtelierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "Training curricula and their evaluation, for counter-trafficking capacity building.",
        discussion: """
            Content (modules, programs, question banks and forms) lives in Curricula/ and Assessments/ as JSON.
            Commands find it from the working directory (or a parent), or from --content / ATELIER_CONTENT.

            Examples:
              atelier validate
              atelier assessment preview definitions.pre --lang ar
              atelier grade --assessment definitions.pre --responses answers.json --format json
            """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, CurriculaCommand.self, AssessmentCommand.self, GradeCommand.self, SessionCommand.self,
            ParticipantsCommand.self, AttendanceCommand.self, ResponsesCommand.self, TakeCommand.self, ResultsCommand.self, ReportCommand.self,
            AnalyzeCommand.self, ImportCommand.self, ExportCommand.self, DemoCommand.self,
            ServeCommand.self, TokenCommand.self, DatabaseCommand.self, SchemaCommand.self,
        ]
    )
}

extension OutputFormat: ExpressibleByArgument {}

import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// `atelier db migrate|check|backup`.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create or upgrade, check, and back up the database.",
        subcommands: [Migrate.self, Check.self, Backup.self]
    )

    struct Migrate: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database if needed and apply the migrations it lacks.",
            discussion: "Example:\n  atelier db migrate --db /media/usb/atelier.sqlite"
        )
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let report = try await store.check()
            environment.writeOutput(
                "\(storeOptions.path(in: environment)): schema up to date (\(report.appliedMigrations.count) migration(s) applied)"
            )
        }
    }

    struct Check: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQLite's integrity and foreign-key checks and report. Exit 1 if anything is wrong.",
            discussion: "Example:\n  atelier db check"
        )
        @OptionGroup var storeOptions: StoreOptions
        @Option(name: .long, help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let report = try await store.check()
            switch format {
            case .json:
                environment.writeOutput(
                    try JSONOutput.encode(
                        [
                            "ok": .bool(report.isOK), "integrity": .array(report.integrity.map(JSONValue.string)),
                            "foreignKeyViolations": .number(Double(report.foreignKeyViolations)),
                            "migrations": .array(report.appliedMigrations.map(JSONValue.string)),
                        ] as JSONValue
                    )
                )
            case .text:
                environment.writeOutput(report.isOK ? "ok" : "problems found")
                environment.writeOutput("  integrity: \(report.integrity.joined(separator: "; "))")
                environment.writeOutput("  foreign keys: \(report.foreignKeyViolations == 0 ? "ok" : "\(report.foreignKeyViolations) violation(s)")")
                environment.writeOutput("  schema: \(report.appliedMigrations.count) migration(s) applied, \(report.pendingMigrations.count) pending")
            }
            if !report.isOK { throw ExitCode(1) }
        }
    }

    struct Backup: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a new file with SQLite's online backup API (safe while the server runs).",
            discussion: "Example:\n  atelier db backup /media/usb/atelier-2026-12-02.sqlite"
        )
        @Argument(help: ArgumentHelp("The new file to write.", valueName: "path"))
        var destination: String
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let store = try storeOptions.open(in: environment)
            let path = environment.absolute(destination)
            try await store.backup(to: path)
            try await store.record(
                AuditEntry(actor: environment.actor, action: "db.backup", subject: storeOptions.path(in: environment), details: path)
            )
            environment.writeOutput("backed up to \(path)")
        }
    }
}

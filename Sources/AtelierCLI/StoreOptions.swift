import ArgumentParser
import AtelierKernel
import AtelierStore
import Foundation

/// Where the database is.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $ATELIER_DB, else $XDG_DATA_HOME/atelier/atelier.sqlite, i.e. ~/.local/share/atelier/atelier.sqlite). Created on first use.",
            valueName: "path"
        )
    )
    var db: String?

    /// The database path.
    func path(in environment: CLIEnvironment) -> String {
        DatabaseLocation.resolve(option: db, environment: environment.variables, currentDirectory: environment.currentDirectory)
    }

    /// Opens the store, creating the file and applying migrations if needed.
    func open(in environment: CLIEnvironment) throws -> SQLiteStore {
        let path = path(in: environment)
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw CLIError(
                message: "cannot open the database \(path): \(error)",
                hint: "check that the path is an Atelier database (or a new file) and that you may write there; pass --db PATH"
            )
        }
    }
}

/// `--session ID`, defaulting to the only session.
struct SessionOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The session (default: the only one).", valueName: "id"))
    var session: String?

    /// The session named, or the only one.
    func resolve(in store: any TrainingStore) async throws -> TrainingSession {
        try await SessionOption.resolve(session, in: store)
    }

    static func resolve(_ id: String?, in store: any TrainingStore) async throws -> TrainingSession {
        let sessions = try await store.sessions()
        if let id {
            guard let session = sessions.first(where: { $0.id == id }) else { throw StoreError.sessionNotFound(id, known: sessions.map(\.id)) }
            return session
        }
        switch sessions.count {
        case 0: throw StoreError.noSession
        case 1: return sessions[0]
        default: throw StoreError.ambiguousSession(sessions.map(\.id))
        }
    }
}

extension ContentCatalog {
    /// The program `id`, or a clear error.
    func requireProgram(_ id: String) throws -> Program {
        guard let program = programs[id] else {
            throw CLIError(message: "no program '\(id)'", hint: "programs: \(programs.keys.sorted().joined(separator: ", "))")
        }
        return program
    }
}

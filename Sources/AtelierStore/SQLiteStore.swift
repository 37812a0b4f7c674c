import AtelierKernel
import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, shared safely by the CLI and the server.
///
/// ```swift
/// let store = try SQLiteStore(path: DatabaseLocation.resolve(option: nil, environment: ProcessInfo.processInfo.environment))
/// try await store.migrate()
/// ```
///
/// Durability: `synchronous = FULL`, so an acknowledged write survives a power cut; writes are `IMMEDIATE`
/// transactions, so two processes never interleave a read-then-write; a busy timeout lets the CLI wait
/// for the server and the other way round. `secure_delete` is on, so erased names do not linger in the file.
public final class SQLiteStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    ///
    /// - Throws: when the file cannot be opened or is not an Atelier database.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        writer = try DatabasePool(path: path, configuration: SQLiteStore.configuration())
        try SQLiteStore.migrator.migrate(writer)
    }

    /// An in-memory database, for tests and dry runs.
    public init() throws {
        writer = try DatabaseQueue(configuration: SQLiteStore.configuration())
        try SQLiteStore.migrator.migrate(writer)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(15)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Checkpoint the WAL every ~12 MB rather than every 4 MB: fewer stalls of the single writer under load
            // (each checkpoint syncs the database file); durability is unchanged.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 3000")
        }
        return configuration
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(text.utf8))
    }
}

// MARK: - Maintenance

extension SQLiteStore: DatabaseMaintenance {
    public func migrate() async throws -> [String] {
        let pending = try await writer.read { db in try SQLiteStore.migrator.appliedIdentifiers(db) }
        try SQLiteStore.migrator.migrate(writer)
        return SQLiteStore.migrator.migrations.filter { !pending.contains($0) }
    }

    public func check() async throws -> IntegrityReport {
        try await writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count
            let applied = try SQLiteStore.migrator.appliedMigrations(db)
            let pending = SQLiteStore.migrator.migrations.filter { !applied.contains($0) }
            return IntegrityReport(integrity: integrity, foreignKeyViolations: violations, appliedMigrations: applied, pendingMigrations: pending)
        }
    }

    public func backup(to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.backupDestinationExists(path) }
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        try destination.close()
    }
}

// MARK: - Audit

extension SQLiteStore: AuditLog {
    public func record(_ entry: AuditEntry) async throws {
        try await writer.write { db in try SQLiteStore.insert(entry, db) }
    }

    static func insert(_ entry: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)",
            arguments: [entry.at, entry.actor, entry.action, entry.subject, entry.details]
        )
    }

    public func auditEntries(limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], details: row["details"])
            }
        }
    }
}

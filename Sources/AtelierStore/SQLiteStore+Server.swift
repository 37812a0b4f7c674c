import AtelierKernel
import Foundation
import GRDB

/// A bearer token for the HTTP API, stored as a SHA-256 hash; the token itself is shown once.
public struct APIToken: Sendable, Equatable {
    /// What a token may do.
    public enum Role: String, Sendable, CaseIterable {
        /// Sessions, attendance, submissions, results.
        case trainer
        /// Results and reports (read only).
        case manager
    }

    /// A short public id, to list and revoke it.
    public var id: String
    /// Its role.
    public var role: Role
    /// The SHA-256 of the secret, in hexadecimal.
    public var hash: String
    /// A label (who or what it is for).
    public var label: String
    /// When it was created.
    public var createdAt: Date
    /// When it was revoked.
    public var revokedAt: Date?

    /// Creates a token record.
    public init(id: String, role: Role, hash: String, label: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.role = role
        self.hash = hash
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// Tokens, drafts, releases and settings: what the server needs beyond the training data.
public protocol ServerStore: Sendable {
    /// Stores a token (its hash).
    func createToken(_ token: APIToken, actor: String) async throws
    /// All tokens, newest first.
    func tokens() async throws -> [APIToken]
    /// Revokes a token; returns whether one was revoked.
    func revokeToken(_ id: String, actor: String) async throws -> Bool
    /// A participant's answers in progress, so that a refresh or a dropped connection loses nothing.
    func draft(session: String, participant: String, form: String) async throws -> [String: JSONValue]
    /// Saves answers in progress.
    func saveDraft(_ responses: [String: JSONValue], session: String, participant: String, form: String) async throws
    /// Releases a form's results and feedback to participants.
    func release(_ formID: String, in sessionID: String, actor: String) async throws
    /// When a form's results were released, if they were.
    func releasedAt(_ formID: String, in sessionID: String) async throws -> Date?
    /// A setting, created with `make` the first time.
    func setting(_ name: String, orCreate make: @Sendable () -> String) async throws -> String
}

extension SQLiteStore: ServerStore {
    public func createToken(_ token: APIToken, actor: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO token (id, role, hash, label, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [token.id, token.role.rawValue, token.hash, token.label, token.createdAt]
            )
            try SQLiteStore.insert(AuditEntry(actor: actor, action: "token.create", subject: token.id, details: token.role.rawValue), db)
        }
    }

    public func tokens() async throws -> [APIToken] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM token ORDER BY createdAt DESC").map { row in
                APIToken(
                    id: row["id"],
                    role: APIToken.Role(rawValue: row["role"]) ?? .manager,
                    hash: row["hash"],
                    label: row["label"],
                    createdAt: row["createdAt"],
                    revokedAt: row["revokedAt"]
                )
            }
        }
    }

    public func revokeToken(_ id: String, actor: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE token SET revokedAt = ? WHERE id = ? AND revokedAt IS NULL", arguments: [Date(), id])
            let revoked = db.changesCount > 0
            if revoked { try SQLiteStore.insert(AuditEntry(actor: actor, action: "token.revoke", subject: id), db) }
            return revoked
        }
    }

    public func draft(session: String, participant: String, form: String) async throws -> [String: JSONValue] {
        try await writer.read { db in
            guard
                let text = try String.fetchOne(
                    db,
                    sql: "SELECT responses FROM draft WHERE sessionId = ? AND participantCode = ? AND formId = ?",
                    arguments: [session, participant, form]
                )
            else { return [:] }
            let members = try JSONParser.parseValue(Array(text.utf8)).objectValue?.members ?? []
            return Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
        }
    }

    public func saveDraft(_ responses: [String: JSONValue], session: String, participant: String, form: String) async throws {
        let text = JSONValue.object(JSONObject(responses.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })).serialized()
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO draft (sessionId, participantCode, formId, responses, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (sessionId, participantCode, formId) DO UPDATE SET responses = excluded.responses, updatedAt = excluded.updatedAt
                    """,
                arguments: [session, participant, form, text, Date()]
            )
        }
    }

    public func release(_ formID: String, in sessionID: String, actor: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE sessionForm SET releasedAt = ? WHERE sessionId = ? AND formId = ?",
                arguments: [Date(), sessionID, formID]
            )
            guard db.changesCount == 1 else { throw StoreError.unknownForm(formID) }
            try SQLiteStore.insert(AuditEntry(actor: actor, action: "form.release", subject: sessionID, details: formID), db)
        }
    }

    public func releasedAt(_ formID: String, in sessionID: String) async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(db, sql: "SELECT releasedAt FROM sessionForm WHERE sessionId = ? AND formId = ?", arguments: [sessionID, formID])
        }
    }

    public func setting(_ name: String, orCreate make: @Sendable () -> String) async throws -> String {
        try await writer.write { db in
            if let value = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name]) { return value }
            let value = make()
            try db.execute(sql: "INSERT INTO setting (name, value) VALUES (?, ?)", arguments: [name, value])
            return value
        }
    }
}

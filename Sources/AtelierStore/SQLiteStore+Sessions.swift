import Foundation
import GRDB

extension SQLiteStore: SessionStore {
    public func createSession(_ session: TrainingSession, forms: [SessionForm], actor: String) async throws {
        try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [session.id]) == true {
                throw StoreError.sessionExists(session.id)
            }
            try db.execute(
                sql: """
                    INSERT INTO session (id, joinCode, program, site, venue, partner, language, startDate, endDate, trainers,
                        slots, retakePolicy, attendanceStatuses, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id, session.joinCode, session.program, session.site, session.venue, session.partner, session.language,
                    session.startDate, session.endDate, try SQLiteStore.encode(session.trainers), try SQLiteStore.encode(session.slots),
                    session.retakePolicy.rawValue, try SQLiteStore.encode(session.attendanceStatuses), session.createdAt,
                ]
            )
            for form in forms {
                try db.execute(
                    sql: "INSERT INTO sessionForm (sessionId, formId, phase, isOpen) VALUES (?, ?, ?, ?)",
                    arguments: [session.id, form.formID, form.phase, form.isOpen]
                )
            }
            try SQLiteStore.insert(AuditEntry(actor: actor, action: "session.create", subject: session.id, details: "program \(session.program)"), db)
        }
    }

    public func session(_ id: String) async throws -> TrainingSession? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id]).map(SQLiteStore.session(from:))
        }
    }

    public func sessions() async throws -> [TrainingSession] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM session ORDER BY startDate DESC, id").map(SQLiteStore.session(from:))
        }
    }

    static func session(from row: Row) throws -> TrainingSession {
        TrainingSession(
            id: row["id"],
            joinCode: row["joinCode"],
            program: row["program"],
            site: row["site"],
            venue: row["venue"],
            partner: row["partner"],
            language: row["language"],
            startDate: row["startDate"],
            endDate: row["endDate"],
            trainers: try decode([String].self, from: row["trainers"]),
            slots: try decode([SessionSlot].self, from: row["slots"]),
            retakePolicy: RetakePolicy(rawValue: row["retakePolicy"]) ?? .none,
            attendanceStatuses: try decode([AttendanceStatus].self, from: row["attendanceStatuses"]),
            createdAt: row["createdAt"]
        )
    }

    public func sessionForms(_ sessionID: String) async throws -> [SessionForm] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sessionForm WHERE sessionId = ? ORDER BY rowid", arguments: [sessionID]).map { row in
                SessionForm(formID: row["formId"], phase: row["phase"], isOpen: row["isOpen"], openedAt: row["openedAt"], closedAt: row["closedAt"])
            }
        }
    }

    public func setForm(_ formID: String, open: Bool, in sessionID: String, actor: String) async throws {
        try await writer.write { db in
            let now = Date()
            try db.execute(
                sql: open
                    ? "UPDATE sessionForm SET isOpen = 1, openedAt = ? WHERE sessionId = ? AND formId = ?"
                    : "UPDATE sessionForm SET isOpen = 0, closedAt = ? WHERE sessionId = ? AND formId = ?",
                arguments: [now, sessionID, formID]
            )
            guard db.changesCount == 1 else { throw StoreError.unknownForm(formID) }
            try SQLiteStore.insert(AuditEntry(actor: actor, action: open ? "form.open" : "form.close", subject: sessionID, details: formID), db)
        }
    }
}

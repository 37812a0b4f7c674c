import Foundation
import GRDB

extension SQLiteStore: AttendanceStore {
    public func mark(_ records: [AttendanceRecord], actor: String, action: String, details: String) async throws {
        try await writer.write { db in
            for record in records {
                try db.execute(
                    sql: """
                        INSERT INTO attendance (sessionId, participantCode, slotId, status, source, recordedAt, recordedBy)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (sessionId, participantCode, slotId)
                        DO UPDATE SET status = excluded.status, source = excluded.source, recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                        """,
                    arguments: [
                        record.sessionID, record.participantCode, record.slotID, record.status, record.source.rawValue, record.recordedAt,
                        record.recordedBy,
                    ]
                )
            }
            let sessions = Set(records.map(\.sessionID)).sorted().joined(separator: ",")
            try SQLiteStore.insert(
                AuditEntry(
                    actor: actor,
                    action: action,
                    subject: sessions,
                    details: "\(records.count) record(s)" + (details.isEmpty ? "" : "; \(details)")
                ),
                db
            )
        }
    }

    public func attendance(in sessionID: String) async throws -> [AttendanceRecord] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attendance WHERE sessionId = ? ORDER BY participantCode, slotId", arguments: [sessionID])
                .map(SQLiteStore.attendanceRecord(from:))
        }
    }

    static func attendanceRecord(from row: Row) -> AttendanceRecord {
        AttendanceRecord(
            sessionID: row["sessionId"],
            participantCode: row["participantCode"],
            slotID: row["slotId"],
            status: row["status"],
            source: AttendanceSource(rawValue: row["source"]) ?? .typed,
            recordedAt: row["recordedAt"],
            recordedBy: row["recordedBy"]
        )
    }
}

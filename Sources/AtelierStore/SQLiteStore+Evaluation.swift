import AtelierKernel
import Foundation
import GRDB

/// Reads everything an evaluation needs in one pass.
public protocol EvaluationSource: Sendable {
    /// The participants, attendance and submissions of `sessions`.
    func evaluationData(for sessions: [TrainingSession]) async throws -> [Evaluation.SessionData]
}

extension SQLiteStore: EvaluationSource {
    public func evaluationData(for sessions: [TrainingSession]) async throws -> [Evaluation.SessionData] {
        let ids = sessions.map(\.id)
        let people: (participants: [String: [Participant]], attendance: [String: [AttendanceRecord]])
        let attempts: [String: [EvaluationAttempt]]
        if writer is DatabasePool {
            // Two concurrent readers, on both cores. Each reads its own snapshot: an attempt committed between
            // them whose participant the first did not see is left out, as if it had come a moment later.
            async let readPeople = writer.read { db in try SQLiteStore.people(in: ids, db) }
            async let readAttempts = writer.read { db in try SQLiteStore.attempts(in: ids, db) }
            (people, attempts) = try await (readPeople, readAttempts)
        } else {
            (people, attempts) = try await writer.read { db in (try SQLiteStore.people(in: ids, db), try SQLiteStore.attempts(in: ids, db)) }
        }
        return sessions.map { session in
            Evaluation.SessionData(
                session: session,
                participants: people.participants[session.id] ?? [],
                attendance: people.attendance[session.id] ?? [],
                submissions: attempts[session.id] ?? []
            )
        }
    }

    /// Calls `each` with every row of `table` in the sessions `ids` (every row when `ids` is nil).
    ///
    /// One scan per table, grouped in memory by the caller: a report over a thousand sessions must not make
    /// three thousand round trips. No ORDER BY unless asked: sorting 180,000 rows costs more than reading them.
    static func scan(_ table: String, columns: String, order: String = "", in ids: [String]?, _ db: Database, _ each: (Row) throws -> Void) throws {
        guard let ids else {
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table) \(order)")
            while let row = try cursor.next() { try each(row) }
            return
        }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let cursor = try Row.fetchCursor(
                db,
                sql: "SELECT \(columns) FROM \(table) WHERE sessionId IN (\(marks)) \(order)",
                arguments: StatementArguments(chunk)
            )
            while let row = try cursor.next() { try each(row) }
        }
    }

    /// The sessions to read: nil when they are all the store's sessions (then no `IN` list is needed).
    static func scope(_ ids: [String], _ db: Database) throws -> [String]? {
        Set(ids).count == (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? -1) ? nil : ids
    }

    /// The participants (in registration order) and attendance records of the sessions, by session.
    static func people(
        in ids: [String],
        _ db: Database
    ) throws -> (participants: [String: [Participant]], attendance: [String: [AttendanceRecord]]) {
        var participants: [String: [Participant]] = [:]
        let ids = try scope(ids, db)
        try scan("participant", columns: "*", order: "ORDER BY rowid", in: ids, db) { row in
            let participant = try SQLiteStore.participant(from: row)
            participants[participant.sessionID, default: []].append(participant)
        }
        var attendance: [String: [AttendanceRecord]] = [:]
        try scan("attendance", columns: attendanceColumns, in: ids, db) { row in
            let record = attendanceRecord(atPositions: row)
            attendance[record.sessionID, default: []].append(record)
        }
        return (participants, attendance)
    }

    /// The evaluation attempts of the sessions, by session.
    static func attempts(in ids: [String], _ db: Database) throws -> [String: [EvaluationAttempt]] {
        var attempts: [String: [EvaluationAttempt]] = [:]
        try scan("evaluationAttempt", columns: attemptColumns, in: try scope(ids, db), db) { row in
            let attempt = attempt(from: row)
            attempts[attempt.sessionID, default: []].append(attempt)
        }
        return attempts
    }

    /// The columns an evaluation reads of an attempt.
    static let attemptColumns =
        "submissionId, sessionId, participantCode, formId, phase, attempt, score, maxScore, passed, itemIds, itemScores, itemMaxScores, choices"

    /// An attempt from a row of ``attemptColumns``, read by position (no column-name lookups).
    static func attempt(from row: Row) -> EvaluationAttempt {
        EvaluationAttempt(
            id: row[0],
            sessionID: row[1],
            participantCode: row[2],
            formID: row[3],
            phase: row[4],
            attempt: row[5],
            score: row[6],
            maxScore: row[7],
            passed: row[8],
            itemKey: row[9],
            scores: SubmissionDigest.doubles(row[10]),
            maxScores: SubmissionDigest.doubles(row[11]),
            choicesText: row[12]
        )
    }

    /// The columns of an attendance record, in the order ``attendanceRecord(atPositions:)`` reads them.
    static let attendanceColumns = "sessionId, participantCode, slotId, status, source, recordedAt, recordedBy"

    /// An attendance record from a row of ``attendanceColumns``.
    static func attendanceRecord(atPositions row: Row) -> AttendanceRecord {
        AttendanceRecord(
            sessionID: row[0],
            participantCode: row[1],
            slotID: row[2],
            status: row[3],
            source: AttendanceSource(rawValue: row[4]) ?? .typed,
            recordedAt: row[5],
            recordedBy: row[6]
        )
    }
}

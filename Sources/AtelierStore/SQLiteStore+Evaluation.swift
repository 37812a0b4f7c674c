import AtelierKernel
import Foundation
import GRDB

/// Reads everything an evaluation needs in one pass.
public protocol EvaluationSource: Sendable {
    /// The participants, attendance and submissions of `sessions`, read in one consistent snapshot.
    func evaluationData(for sessions: [TrainingSession]) async throws -> [Evaluation.SessionData]
}

extension SQLiteStore: EvaluationSource {
    public func evaluationData(for sessions: [TrainingSession]) async throws -> [Evaluation.SessionData] {
        let ids = sessions.map(\.id)
        return try await writer.read { db in
            // One query per table (all rows, or the sessions' rows), grouped in memory: a report over a
            // thousand sessions must not make three thousand round trips.
            let all = Set(ids).count == (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? -1)
            func rows(_ table: String, columns: String = "*", order: String) throws -> [Row] {
                if all { return try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(table) ORDER BY \(order)") }
                var fetched: [Row] = []
                for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    fetched += try Row.fetchAll(
                        db,
                        sql: "SELECT * FROM \(table) WHERE sessionId IN (\(marks)) ORDER BY \(order)",
                        arguments: StatementArguments(chunk)
                    )
                }
                return fetched
            }
            let participants = Dictionary(
                grouping: try rows("participant", order: "rowid").map(SQLiteStore.participant(from:)),
                by: \.sessionID
            )
            let attendance = Dictionary(
                grouping: try rows("attendance", order: "participantCode, slotId").map(SQLiteStore.attendanceRecord(from:)),
                by: \.sessionID
            )
            let submissions = Dictionary(
                grouping: try rows("submission", columns: SQLiteStore.attemptColumns, order: "participantCode, formId, attempt")
                    .map(SQLiteStore.attempt(from:)),
                by: \.sessionID
            )
            return sessions.map { session in
                Evaluation.SessionData(
                    session: session,
                    participants: participants[session.id] ?? [],
                    attendance: attendance[session.id] ?? [],
                    submissions: submissions[session.id] ?? []
                )
            }
        }
    }

    /// The columns an evaluation reads of a submission: no responses, no grade JSON.
    static let attemptColumns =
        "id, sessionId, participantCode, formId, phase, attempt, score, maxScore, passed, itemIds, itemScores, itemMaxScores, choices"

    static func attempt(from row: Row) -> EvaluationAttempt {
        EvaluationAttempt(
            id: row["id"],
            sessionID: row["sessionId"],
            participantCode: row["participantCode"],
            formID: row["formId"],
            phase: row["phase"],
            attempt: row["attempt"],
            score: row["score"],
            maxScore: row["maxScore"],
            passed: row["passed"],
            itemKey: row["itemIds"],
            scores: SubmissionDigest.doubles(row["itemScores"]),
            maxScores: SubmissionDigest.doubles(row["itemMaxScores"]),
            choicesText: row["choices"]
        )
    }
}

import AtelierKernel
import Foundation
import GRDB

extension SQLiteStore: SubmissionStore {
    public func store(_ request: SubmissionRequest, phase: String, grade: FormGrade, retakePolicy: RetakePolicy) async throws -> SubmissionOutcome {
        let submission = GradedSubmission(request: request, phase: phase, grade: grade)
        return try await writer.write { db in try SQLiteStore.store(submission, retakePolicy: retakePolicy, db) }
    }

    public func storeAll(_ submissions: [GradedSubmission], retakePolicy: RetakePolicy) async throws -> [SubmissionOutcome] {
        try await writer.write { db in try submissions.map { try SQLiteStore.store($0, retakePolicy: retakePolicy, db) } }
    }

    /// The idempotency rules, inside the caller's write transaction.
    static func store(_ submission: GradedSubmission, retakePolicy: RetakePolicy, _ db: Database) throws -> SubmissionOutcome {
        let request = submission.request
        let phase = submission.phase
        let grade = submission.grade
        let hash = submission.contentHash
        let responses = submission.responsesText
        // 1. The same id again: the same content is answered with what is stored; different content is a conflict.
        if try Row.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM submission WHERE id = ?"), arguments: [request.id]) != nil,
            let existing = try Row.fetchOne(db, sql: "SELECT * FROM submission WHERE id = ?", arguments: [request.id])
        {
            let stored = try SQLiteStore.submission(from: existing)
            if stored.contentHash == hash { return .duplicate(stored) }
            return .conflict(
                try SQLiteStore.quarantine(
                    request,
                    phase: phase,
                    hash: hash,
                    responses: responses,
                    reason: .sameIDDifferentContent,
                    conflictsWith: stored.id,
                    db
                )
            )
        }
        // 2. Another attempt at the same form and phase.
        let previous = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT (SELECT id FROM submission WHERE sessionId = ?1 AND participantCode = ?2 AND formId = ?3 AND phase = ?4 ORDER BY attempt LIMIT 1) AS first,
                        (SELECT MAX(attempt) FROM submission WHERE sessionId = ?1 AND participantCode = ?2 AND formId = ?3 AND phase = ?4) AS last
                    """
            ),
            arguments: [request.sessionID, request.participantCode, request.formID, phase]
        )
        if let first: String = previous?["first"], retakePolicy == .none {
            return .conflict(
                try SQLiteStore.quarantine(
                    request,
                    phase: phase,
                    hash: hash,
                    responses: responses,
                    reason: .alreadySubmitted,
                    conflictsWith: first,
                    db
                )
            )
        }
        let attempt = ((previous?["last"] as Int?) ?? 0) + 1
        // Stored at millisecond precision; what is answered is exactly what reads back.
        let receivedAt = Date.fromDatabaseValue(request.receivedAt.databaseValue) ?? request.receivedAt
        try db.cachedStatement(
            sql: """
                INSERT INTO submission (id, sessionId, participantCode, formId, phase, attempt, responses, contentHash, score, maxScore,
                    grade, graderVersion, source, receivedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                request.id, request.sessionID, request.participantCode, request.formID, phase, attempt, responses, hash,
                grade.score, grade.maxScore, submission.gradeText, grade.graderVersion, request.source.rawValue, receivedAt,
            ]
        )
        try insertEvaluationAttempt(
            id: request.id,
            request: request.sessionID,
            participant: request.participantCode,
            form: request.formID,
            phase: phase,
            attempt: attempt,
            grade: grade,
            digest: submission.digest,
            db
        )
        return .accepted(
            StoredSubmission(
                id: request.id,
                sessionID: request.sessionID,
                participantCode: request.participantCode,
                formID: request.formID,
                phase: phase,
                attempt: attempt,
                responses: request.responses,
                contentHash: hash,
                grade: grade,
                gradeText: submission.gradeText,
                source: request.source,
                receivedAt: receivedAt
            )
        )
    }

    static func quarantine(
        _ request: SubmissionRequest,
        phase: String,
        hash: String,
        responses: String,
        reason: QuarantineEntry.Reason,
        conflictsWith: String,
        _ db: Database
    ) throws -> QuarantineEntry {
        try db.execute(
            sql: """
                INSERT INTO quarantine (submissionId, sessionId, participantCode, formId, phase, reason, conflictsWith, responses, contentHash, receivedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (submissionId, contentHash) DO NOTHING
                """,
            arguments: [
                request.id, request.sessionID, request.participantCode, request.formID, phase, reason.rawValue, conflictsWith,
                responses,
                hash, request.receivedAt,
            ]
        )
        guard
            let row = try Row.fetchOne(db, sql: "SELECT * FROM quarantine WHERE submissionId = ? AND contentHash = ?", arguments: [request.id, hash])
        else {
            throw StoreError.invalidInput("the conflicting submission \(request.id) could not be kept")
        }
        return quarantineEntry(from: row)
    }

    static func quarantineEntry(from row: Row) -> QuarantineEntry {
        QuarantineEntry(
            id: row["id"],
            submissionID: row["submissionId"],
            sessionID: row["sessionId"],
            participantCode: row["participantCode"],
            formID: row["formId"],
            reason: QuarantineEntry.Reason(rawValue: row["reason"]) ?? .alreadySubmitted,
            conflictsWith: row["conflictsWith"],
            contentHash: row["contentHash"],
            receivedAt: row["receivedAt"]
        )
    }

    static func submission(from row: Row) throws -> StoredSubmission {
        let responsesText: String = row["responses"]
        let responses = try JSONParser.parseValue(Array(responsesText.utf8)).objectValue?.members ?? []
        return StoredSubmission(
            id: row["id"],
            sessionID: row["sessionId"],
            participantCode: row["participantCode"],
            formID: row["formId"],
            phase: row["phase"],
            attempt: row["attempt"],
            responses: Dictionary(uniqueKeysWithValues: responses.map { ($0.key, $0.value) }),
            contentHash: row["contentHash"],
            grade: try grade(from: row["grade"]),
            gradeText: row["grade"],
            source: SubmissionSource(rawValue: row["source"]) ?? .device,
            receivedAt: row["receivedAt"]
        )
    }

    /// Writes the compact copy evaluations read (table `evaluationAttempt`, migration v3).
    static func insertEvaluationAttempt(
        id: String,
        request sessionID: String,
        participant: String,
        form: String,
        phase: String,
        attempt: Int,
        grade: FormGrade,
        digest: SubmissionDigest,
        _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO evaluationAttempt (submissionId, sessionId, participantCode, formId, phase, attempt, score, maxScore, passed,
                    itemIds, itemScores, itemMaxScores, choices)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                id, sessionID, participant, form, phase, attempt, grade.score, grade.maxScore, grade.passed, digest.itemIDsText,
                SubmissionDigest.blob(digest.scores), SubmissionDigest.blob(digest.maxScores), digest.choicesText,
            ]
        )
    }

    static func grade(from text: String) throws -> FormGrade {
        guard let grade = FormGrade(json: try JSONParser.parseValue(Array(text.utf8))) else {
            throw StoreError.invalidInput("a stored grade cannot be read; run `atelier db check`")
        }
        return grade
    }

    public func submissions(in sessionID: String, participant code: String) async throws -> [StoredSubmission] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM submission WHERE sessionId = ? AND participantCode = ? ORDER BY formId, attempt",
                arguments: [sessionID, code]
            ).map(SQLiteStore.submission(from:))
        }
    }

    public func submissions(in sessionID: String) async throws -> [StoredSubmission] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM submission WHERE sessionId = ? ORDER BY participantCode, formId, attempt",
                arguments: [sessionID]
            )
            .map(SQLiteStore.submission(from:))
        }
    }

    public func quarantine(in sessionID: String?) async throws -> [QuarantineEntry] {
        try await writer.read { db in
            if let sessionID {
                return try Row.fetchAll(db, sql: "SELECT * FROM quarantine WHERE sessionId = ? ORDER BY id", arguments: [sessionID]).map(
                    SQLiteStore.quarantineEntry(from:)
                )
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM quarantine ORDER BY id").map(SQLiteStore.quarantineEntry(from:))
        }
    }
}

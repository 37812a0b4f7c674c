import AtelierKernel
import GRDB

extension SQLiteStore {
    /// The schema, as an append-only list of migrations: never edit one that has shipped; add the next.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions-participants-attendance-submissions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE session (
                        id TEXT PRIMARY KEY NOT NULL,
                        joinCode TEXT NOT NULL UNIQUE,
                        program TEXT NOT NULL,
                        site TEXT NOT NULL,
                        venue TEXT,
                        partner TEXT,
                        language TEXT NOT NULL,
                        startDate TEXT NOT NULL,
                        endDate TEXT NOT NULL,
                        trainers TEXT NOT NULL,
                        slots TEXT NOT NULL,
                        retakePolicy TEXT NOT NULL CHECK (retakePolicy IN ('none', 'first', 'last', 'best')),
                        attendanceStatuses TEXT NOT NULL,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE TABLE sessionForm (
                        sessionId TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                        formId TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        isOpen BOOLEAN NOT NULL DEFAULT 0,
                        openedAt DATETIME,
                        closedAt DATETIME,
                        PRIMARY KEY (sessionId, formId)
                    );
                    CREATE TABLE participant (
                        code TEXT PRIMARY KEY NOT NULL,
                        sessionId TEXT NOT NULL REFERENCES session(id),
                        sex TEXT NOT NULL,
                        ageBand TEXT NOT NULL,
                        organization TEXT,
                        organizationType TEXT NOT NULL,
                        role TEXT,
                        nationality TEXT,
                        language TEXT NOT NULL,
                        washingtonGroup TEXT,
                        consentVersion TEXT,
                        consentLanguage TEXT,
                        consentAt DATETIME,
                        registeredAt DATETIME NOT NULL
                    );
                    CREATE INDEX participant_session ON participant(sessionId);
                    CREATE TABLE identity (
                        participantCode TEXT PRIMARY KEY NOT NULL REFERENCES participant(code) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        phone TEXT
                    );
                    CREATE TABLE attendance (
                        sessionId TEXT NOT NULL REFERENCES session(id),
                        participantCode TEXT NOT NULL REFERENCES participant(code),
                        slotId TEXT NOT NULL,
                        status TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('typed', 'sheet', 'self-check-in')),
                        recordedAt DATETIME NOT NULL,
                        recordedBy TEXT NOT NULL,
                        PRIMARY KEY (sessionId, participantCode, slotId)
                    );
                    CREATE TABLE submission (
                        id TEXT PRIMARY KEY NOT NULL,
                        sessionId TEXT NOT NULL REFERENCES session(id),
                        participantCode TEXT NOT NULL REFERENCES participant(code),
                        formId TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        attempt INTEGER NOT NULL CHECK (attempt >= 1),
                        responses TEXT NOT NULL,
                        contentHash TEXT NOT NULL,
                        score REAL NOT NULL,
                        maxScore REAL NOT NULL,
                        grade TEXT NOT NULL,
                        graderVersion TEXT NOT NULL,
                        source TEXT NOT NULL,
                        receivedAt DATETIME NOT NULL,
                        UNIQUE (sessionId, participantCode, formId, phase, attempt)
                    );
                    CREATE TABLE quarantine (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        submissionId TEXT NOT NULL,
                        sessionId TEXT NOT NULL,
                        participantCode TEXT NOT NULL,
                        formId TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        conflictsWith TEXT NOT NULL,
                        responses TEXT NOT NULL,
                        contentHash TEXT NOT NULL,
                        receivedAt DATETIME NOT NULL,
                        resolvedAt DATETIME,
                        resolution TEXT,
                        UNIQUE (submissionId, contentHash)
                    );
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        details TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2-tokens-drafts-release-settings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE token (
                        id TEXT PRIMARY KEY NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('trainer', 'manager')),
                        hash TEXT NOT NULL UNIQUE,
                        label TEXT NOT NULL,
                        createdAt DATETIME NOT NULL,
                        revokedAt DATETIME
                    );
                    CREATE TABLE draft (
                        sessionId TEXT NOT NULL REFERENCES session(id),
                        participantCode TEXT NOT NULL REFERENCES participant(code),
                        formId TEXT NOT NULL,
                        responses TEXT NOT NULL,
                        updatedAt DATETIME NOT NULL,
                        PRIMARY KEY (sessionId, participantCode, formId)
                    );
                    ALTER TABLE sessionForm ADD COLUMN releasedAt DATETIME;
                    CREATE TABLE setting (
                        name TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v3-evaluation-attempts") { db in
            // A compact copy of what evaluations read of each submission (see SubmissionDigest): a report over a
            // thousand sessions scans small rows of numbers, not the responses and grade JSON. Backfilled here;
            // written with every submission afterwards, in the same transaction.
            try db.execute(
                sql: """
                    CREATE TABLE evaluationAttempt (
                        submissionId TEXT PRIMARY KEY NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
                        sessionId TEXT NOT NULL,
                        participantCode TEXT NOT NULL,
                        formId TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        attempt INTEGER NOT NULL,
                        score REAL NOT NULL,
                        maxScore REAL NOT NULL,
                        passed INTEGER NOT NULL,
                        itemIds TEXT NOT NULL,
                        itemScores BLOB NOT NULL,
                        itemMaxScores BLOB NOT NULL,
                        choices TEXT NOT NULL
                    );
                    CREATE INDEX evaluationAttemptBySession ON evaluationAttempt(sessionId);
                    """
            )
            for row in try Row.fetchAll(db, sql: "SELECT * FROM submission") {
                let submission = try SQLiteStore.submission(from: row)
                try SQLiteStore.insertEvaluationAttempt(
                    id: submission.id,
                    request: submission.sessionID,
                    participant: submission.participantCode,
                    form: submission.formID,
                    phase: submission.phase,
                    attempt: submission.attempt,
                    grade: submission.grade,
                    digest: SubmissionDigest(grade: submission.grade, responses: submission.responses),
                    db
                )
            }
        }
        return migrator
    }()
}

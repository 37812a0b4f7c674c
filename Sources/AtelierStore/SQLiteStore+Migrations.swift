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
        migrator.registerMigration("v3-submission-item-columns") { db in
            // Compact per-item columns for evaluations (see SubmissionDigest), backfilled from the stored grades.
            try db.execute(
                sql: """
                    ALTER TABLE submission ADD COLUMN passed INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE submission ADD COLUMN itemIds TEXT NOT NULL DEFAULT '';
                    ALTER TABLE submission ADD COLUMN itemScores BLOB;
                    ALTER TABLE submission ADD COLUMN itemMaxScores BLOB;
                    ALTER TABLE submission ADD COLUMN choices TEXT NOT NULL DEFAULT '';
                    """
            )
            let update = try db.makeStatement(
                sql: "UPDATE submission SET passed = ?, itemIds = ?, itemScores = ?, itemMaxScores = ?, choices = ? WHERE id = ?"
            )
            for row in try Row.fetchAll(db, sql: "SELECT id, grade, responses FROM submission") {
                let id: String = row["id"]
                let grade = try SQLiteStore.grade(from: row["grade"])
                let responsesText: String = row["responses"]
                let responses = try JSONParser.parseValue(Array(responsesText.utf8)).objectValue?.members ?? []
                let digest = SubmissionDigest(
                    grade: grade,
                    responses: Dictionary(responses.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
                )
                try update.execute(arguments: [
                    grade.passed, digest.itemIDsText, SubmissionDigest.blob(digest.scores), SubmissionDigest.blob(digest.maxScores),
                    digest.choicesText, id,
                ])
            }
        }
        return migrator
    }()
}

import Foundation
import GRDB

extension SQLiteStore: ParticipantStore {
    public func register(_ registrations: [Registration], actor: String, action: String, details: String) async throws {
        try await writer.write { db in
            for registration in registrations {
                let participant = registration.participant
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM participant WHERE code = ?", arguments: [participant.code]) == true {
                    throw StoreError.participantExists(participant.code)
                }
                try db.execute(
                    sql: """
                        INSERT INTO participant (code, sessionId, sex, ageBand, organization, organizationType, role, nationality,
                            language, washingtonGroup, consentVersion, consentLanguage, consentAt, registeredAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        participant.code, participant.sessionID, participant.sex.rawValue, participant.ageBand.rawValue, participant.organization,
                        participant.organizationType.rawValue, participant.role, participant.nationality, participant.language,
                        try participant.washingtonGroup.map(SQLiteStore.encode), participant.consent?.version, participant.consent?.language,
                        participant.consent?.givenAt, participant.registeredAt,
                    ]
                )
                if let identity = registration.identity {
                    try db.execute(
                        sql: "INSERT INTO identity (participantCode, name, phone) VALUES (?, ?, ?)",
                        arguments: [participant.code, identity.name, identity.phone]
                    )
                }
            }
            let sessions = Set(registrations.map(\.participant.sessionID)).sorted().joined(separator: ",")
            try SQLiteStore.insert(
                AuditEntry(
                    actor: actor,
                    action: action,
                    subject: sessions,
                    details: "\(registrations.count) participant(s)" + (details.isEmpty ? "" : "; \(details)")
                ),
                db
            )
        }
    }

    public func participants(in sessionID: String) async throws -> [Participant] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM participant WHERE sessionId = ? ORDER BY rowid", arguments: [sessionID])
                .map(SQLiteStore.participant(from:))
        }
    }

    public func participantCodes() async throws -> Set<String> {
        try await writer.read { db in Set(try String.fetchAll(db, sql: "SELECT code FROM participant")) }
    }

    public func participant(_ code: String) async throws -> Participant? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM participant WHERE code = ?", arguments: [code]).map(SQLiteStore.participant(from:))
        }
    }

    static func participant(from row: Row) throws -> Participant {
        var consent: Consent?
        if let version: String = row["consentVersion"], let language: String = row["consentLanguage"], let at: Date = row["consentAt"] {
            consent = Consent(version: version, language: language, givenAt: at)
        }
        let washingtonGroup: String? = row["washingtonGroup"]
        return Participant(
            code: row["code"],
            sessionID: row["sessionId"],
            sex: Sex(rawValue: row["sex"]) ?? .notStated,
            ageBand: AgeBand(rawValue: row["ageBand"]) ?? .notStated,
            organization: row["organization"],
            organizationType: OrganizationType(rawValue: row["organizationType"]) ?? .other,
            role: row["role"],
            nationality: row["nationality"],
            language: row["language"],
            washingtonGroup: try washingtonGroup.map { try decode(WashingtonGroupAnswers.self, from: $0) },
            consent: consent,
            registeredAt: row["registeredAt"]
        )
    }

    public func identities(in sessionID: String) async throws -> [String: Identity] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT identity.* FROM identity JOIN participant ON participant.code = identity.participantCode WHERE participant.sessionId = ?",
                arguments: [sessionID]
            )
            return Dictionary(
                uniqueKeysWithValues: rows.map { row in
                    let code: String = row["participantCode"]
                    return (code, Identity(code: code, name: row["name"], phone: row["phone"]))
                }
            )
        }
    }

    public func forget(_ code: String, actor: String) async throws {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM participant WHERE code = ?", arguments: [code]) == true else {
                throw StoreError.participantNotFound(code)
            }
            try db.execute(sql: "DELETE FROM identity WHERE participantCode = ?", arguments: [code])
            let erased = db.changesCount
            try SQLiteStore.insert(
                AuditEntry(
                    actor: actor,
                    action: "participant.forget",
                    subject: code,
                    details: erased > 0 ? "identity erased" : "no identity was stored"
                ),
                db
            )
        }
        // Rewrite freed pages now (secure_delete zeroes them; a checkpoint moves the WAL into the file).
        try await writer.writeWithoutTransaction { db in
            if db.configuration.readonly == false { try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }
}

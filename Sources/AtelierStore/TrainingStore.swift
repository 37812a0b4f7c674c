import AtelierKernel
import Foundation

/// Sessions and the forms open in them.
public protocol SessionStore: Sendable {
    /// Creates a session with the forms of its program (all closed).
    func createSession(_ session: TrainingSession, forms: [SessionForm], actor: String) async throws
    /// The session `id`, if it exists.
    func session(_ id: String) async throws -> TrainingSession?
    /// All sessions, newest first.
    func sessions() async throws -> [TrainingSession]
    /// The forms of a session and whether each is open.
    func sessionForms(_ sessionID: String) async throws -> [SessionForm]
    /// Opens or closes a form in a session.
    func setForm(_ formID: String, open: Bool, in sessionID: String, actor: String) async throws
}

/// A participant to register, with the identity kept apart.
public struct Registration: Sendable, Equatable {
    /// The pseudonymous record.
    public var participant: Participant
    /// The name and phone, when given.
    public var identity: Identity?

    /// Creates a registration.
    public init(participant: Participant, identity: Identity?) {
        self.participant = participant
        self.identity = identity
    }
}

/// Participants and, apart, their identities.
public protocol ParticipantStore: Sendable {
    /// Registers participants in one transaction: all of them or none.
    ///
    /// - Parameters:
    ///   - registrations: the participants, with codes already assigned.
    ///   - action: what the audit log records (`participants.add`, `participants.import`).
    ///   - details: for the audit log (a file name, counts; never a name).
    func register(_ registrations: [Registration], actor: String, action: String, details: String) async throws
    /// The participants of a session, by code.
    func participants(in sessionID: String) async throws -> [Participant]
    /// Every participant code in use, in any session (to generate new ones without a collision).
    func participantCodes() async throws -> Set<String>
    /// The participant with `code`, if any.
    func participant(_ code: String) async throws -> Participant?
    /// The identities of a session's participants, by code (only for those who have one).
    func identities(in sessionID: String) async throws -> [String: Identity]
    /// Erases a participant's identity and keeps the pseudonymous data; the audit log records the code only.
    func forget(_ code: String, actor: String) async throws
}

/// Attendance per session, participant and slot.
public protocol AttendanceStore: Sendable {
    /// Records attendance in one transaction (a later record for the same slot replaces the earlier one).
    func mark(_ records: [AttendanceRecord], actor: String, action: String, details: String) async throws
    /// The attendance of a session.
    func attendance(in sessionID: String) async throws -> [AttendanceRecord]
}

/// Graded submissions, stored once, never summed.
public protocol SubmissionStore: Sendable {
    /// Stores a graded submission under the idempotency rules.
    ///
    /// - The same id with the same content: ``SubmissionOutcome/duplicate(_:)``, nothing written.
    /// - The same id with different content: quarantined, nothing overwritten.
    /// - Another attempt at the same form: quarantined unless `retakePolicy` allows retakes; then stored as
    ///   the next attempt.
    func store(_ request: SubmissionRequest, phase: String, grade: FormGrade, retakePolicy: RetakePolicy) async throws -> SubmissionOutcome
    /// Stores several graded submissions in one transaction (an import): all are written, or none.
    func storeAll(_ submissions: [GradedSubmission], retakePolicy: RetakePolicy) async throws -> [SubmissionOutcome]
    /// One participant's accepted submissions in a session (every attempt), without reading the others'.
    func submissions(in sessionID: String, participant code: String) async throws -> [StoredSubmission]
    /// All accepted submissions of a session (every attempt).
    func submissions(in sessionID: String) async throws -> [StoredSubmission]
    /// What is in quarantine, for one session or all.
    func quarantine(in sessionID: String?) async throws -> [QuarantineEntry]
}

/// A submission with its grade, ready to store.
public struct GradedSubmission: Sendable {
    /// The submission.
    public var request: SubmissionRequest
    /// The form's phase.
    public var phase: String
    /// The grade.
    public var grade: FormGrade

    /// The content hash, the canonical responses and the grade as stored, computed when the submission is
    /// made (on the caller's thread), not inside the single writer's transaction.
    public let contentHash: String
    let responsesText: String
    let gradeText: String
    /// The compact item columns evaluations read.
    let digest: SubmissionDigest

    /// Creates one.
    public init(request: SubmissionRequest, phase: String, grade: FormGrade) {
        self.request = request
        self.phase = phase
        self.grade = grade
        let responses = JSONValue.object(JSONObject(request.responses.map { (key: $0.key, value: $0.value) })).canonicalText
        responsesText = responses
        // The canonical text of {"form", "participant", "responses"} (keys in order), as `SubmissionRequest.contentHash`.
        let canonical =
            "{\"form\":" + JSONValue.string(request.formID).serialized() + ",\"participant\":"
            + JSONValue.string(request.participantCode).serialized() + ",\"responses\":" + responses + "}"
        contentHash = SHA256.hex(canonical)
        gradeText = grade.jsonText
        digest = SubmissionDigest(grade: grade, responses: request.responses)
    }
}

/// Who did what, when.
public protocol AuditLog: Sendable {
    /// Records an entry.
    func record(_ entry: AuditEntry) async throws
    /// The most recent entries, newest first.
    func auditEntries(limit: Int) async throws -> [AuditEntry]
}

/// The result of an integrity check.
public struct IntegrityReport: Sendable, Equatable {
    /// `ok`, or each problem SQLite found.
    public var integrity: [String]
    /// Rows whose foreign key points nowhere.
    public var foreignKeyViolations: Int
    /// The migrations applied.
    public var appliedMigrations: [String]
    /// Migrations this version knows but the database has not applied.
    public var pendingMigrations: [String]

    /// Whether everything is fine.
    public var isOK: Bool { integrity == ["ok"] && foreignKeyViolations == 0 && pendingMigrations.isEmpty }
}

/// Schema and file maintenance.
public protocol DatabaseMaintenance: Sendable {
    /// Applies the migrations the database lacks; returns their names.
    func migrate() async throws -> [String]
    /// Runs SQLite's integrity and foreign-key checks and reports the schema version.
    func check() async throws -> IntegrityReport
    /// Copies the database to `path` with SQLite's online backup API, while others keep using it.
    func backup(to path: String) async throws
}

/// Everything Atelier stores. ``SQLiteStore`` implements it on one SQLite file; another engine
/// (PostgreSQL) implements the same protocols without changing callers.
public typealias TrainingStore = SessionStore & ParticipantStore & AttendanceStore & SubmissionStore & AuditLog & DatabaseMaintenance

/// What the HTTP server needs: the training data and its own tables.
public typealias ServingStore = TrainingStore & ServerStore

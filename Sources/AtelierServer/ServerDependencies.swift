import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird
import Synchronization

/// What the server runs with; built by the composition root (or a test) and passed in, never global.
public struct ServerDependencies: Sendable {
    /// The content.
    public let catalog: ContentCatalog
    /// The store.
    public let store: any ServingStore
    /// The group committer of submissions.
    public let committer: SubmissionCommitter
    /// Bearer tokens.
    public let tokens: TokenAuthenticator
    /// Participants' signed cookies.
    public let participantSessions: ParticipantSessions
    /// `openapi.json`.
    let openAPIDocument: [UInt8]
    /// The secret behind cookies and check-in codes.
    let secret: String
    /// Participant pages.
    let pages: PageRenderer
    /// Every form, resolved once.
    let resolvedForms: [String: ResolvedForm]
    /// Facts that never change once true.
    let lookups = Lookups()

    /// Creates the dependencies; the signing secret is created once and kept in the database.
    public static func make(catalog: ContentCatalog, store: any ServingStore, committer: SubmissionCommitter) async throws -> ServerDependencies {
        let secret = try await store.setting(CheckInCode.settingName) { CheckInCode.newSecret() }
        let document = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) } ?? Data()
        return ServerDependencies(
            catalog: catalog,
            store: store,
            committer: committer,
            tokens: TokenAuthenticator(store: store),
            participantSessions: ParticipantSessions(secret: Array(secret.utf8), store: store),
            openAPIDocument: [UInt8](document),
            secret: secret,
            pages: try PageRenderer(),
            resolvedForms: Dictionary(uniqueKeysWithValues: catalog.forms.keys.compactMap { id in catalog.resolvedForm(id).map { (id, $0) } })
        )
    }

    /// The checks of ``SubmissionIntake/check(_:requireOpenForm:)``, with the facts that never change once true
    /// (a session exists with its retake policy, a participant belongs to a session, a form belongs to a
    /// session) remembered, so that the hot path reads the database only for what can change: whether a form
    /// is open.
    func check(_ request: SubmissionRequest, requireOpenForm: Bool) async throws -> (TrainingSession, ResolvedForm) {
        let session: TrainingSession
        if let known = lookups.sessions.withLock({ $0[request.sessionID] }) {
            session = known
        } else {
            guard let found = try await store.session(request.sessionID) else {
                throw StoreError.sessionNotFound(request.sessionID, known: try await store.sessions().map(\.id))
            }
            lookups.sessions.withLock { $0[found.id] = found }
            session = found
        }
        let participantSession: String
        if let known = lookups.participants.withLock({ $0[request.participantCode] }) {
            participantSession = known
        } else {
            guard let participant = try await store.participant(request.participantCode) else {
                throw StoreError.participantNotFound(request.participantCode)
            }
            lookups.participants.withLock { $0[participant.code] = participant.sessionID }
            participantSession = participant.sessionID
        }
        guard participantSession == session.id else {
            throw StoreError.participantInOtherSession(code: request.participantCode, session: participantSession)
        }
        guard let form = resolvedForms[request.formID] else { throw StoreError.unknownForm(request.formID) }
        var forms = lookups.sessionForms.withLock { $0[session.id] }
        if forms == nil {
            let ids = Set(try await store.sessionForms(session.id).map(\.formID))
            lookups.sessionForms.withLock { $0[session.id] = ids }
            forms = ids
        }
        guard forms?.contains(request.formID) == true else { throw StoreError.formNotInProgram(form: request.formID, program: session.program) }
        if requireOpenForm, try await store.sessionForms(session.id).first(where: { $0.formID == request.formID })?.isOpen != true {
            throw StoreError.formNotOpen(form: request.formID, session: session.id)
        }
        return (session, form)
    }

    /// The session `id`, or 404.
    func session(_ id: String) async throws -> TrainingSession {
        guard let session = try await store.session(id) else { throw Problem.notFound("no session '\(id)'", pointer: "session") }
        return session
    }

    /// Checks, grades and durably stores a submission through the group committer.
    func intake(_ submission: SubmissionRequest, phase: String?, requireOpenForm: Bool) async throws -> SubmissionOutcome {
        let (session, form): (TrainingSession, ResolvedForm)
        do {
            (session, form) = try await check(submission, requireOpenForm: requireOpenForm)
        } catch let error as StoreError {
            throw Problem(error)
        }
        if let phase, phase != form.form.phase.rawValue {
            throw Problem(
                .unprocessableContent,
                "Wrong phase",
                detail: "\(form.form.id) is the \(form.form.phase.rawValue)-test, not \(phase)",
                pointer: "/phase"
            )
        }
        let grade = FormGrader.grade(form, responses: submission.responses)
        do {
            return try await committer.commit(
                GradedSubmission(request: submission, phase: form.form.phase.rawValue, grade: grade),
                retakePolicy: session.retakePolicy
            )
        } catch CommitterError.shuttingDown {
            throw Problem(
                .serviceUnavailable,
                "Shutting down",
                detail: "the server is stopping; nothing was stored; send the same submission again later"
            )
        }
    }
}

/// Remembered lookups of the submission path.
final class Lookups: Sendable {
    let sessions = Mutex<[String: TrainingSession]>([:])
    let participants = Mutex<[String: String]>([:])
    let sessionForms = Mutex<[String: Set<String>]>([:])
}

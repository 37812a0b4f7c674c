import AtelierKernel
import Foundation
import Synchronization

/// Receives submissions from any channel (device, paper, terminal), checks them, grades them with the
/// content's item types, and stores them under the idempotency rules.
///
/// ```swift
/// let intake = SubmissionIntake(catalog: catalog, store: store)
/// let outcome = try await intake.submit(request, requireOpenForm: true)
/// ```
public struct SubmissionIntake: Sendable {
    /// The content (forms and items).
    public let catalog: ContentCatalog
    /// Where submissions go.
    public let store: any TrainingStore
    private let lookups = IntakeLookups()

    /// Creates an intake.
    public init(catalog: ContentCatalog, store: any TrainingStore) {
        self.catalog = catalog
        self.store = store
    }

    /// Checks, grades and stores a submission.
    ///
    /// - Parameter requireOpenForm: refuse a form the trainer has not opened (devices and the terminal);
    ///   paper typed in afterwards does not need it.
    /// - Throws: ``StoreError`` when the session, participant or form is unknown or not allowed; a conflict
    ///   is not an error but an outcome.
    public func submit(_ request: SubmissionRequest, requireOpenForm: Bool) async throws -> SubmissionOutcome {
        let (session, form) = try await check(request, requireOpenForm: requireOpenForm)
        let grade = FormGrader.grade(form, responses: request.responses)
        return try await store.store(request, phase: form.form.phase.rawValue, grade: grade, retakePolicy: session.retakePolicy)
    }

    /// Checks, grades and stores several submissions of one session in one transaction (an import).
    ///
    /// - Throws: on the first submission that may not be stored; then nothing is stored.
    public func submitAll(_ requests: [SubmissionRequest], requireOpenForm: Bool) async throws -> [SubmissionOutcome] {
        var graded: [GradedSubmission] = []
        var policy = RetakePolicy.none
        for request in requests {
            let (session, form) = try await check(request, requireOpenForm: requireOpenForm)
            policy = session.retakePolicy
            graded.append(
                GradedSubmission(request: request, phase: form.form.phase.rawValue, grade: FormGrader.grade(form, responses: request.responses))
            )
        }
        guard !graded.isEmpty else { return [] }
        return try await store.storeAll(graded, retakePolicy: policy)
    }

    /// Checks that a submission may be stored; returns its session and resolved form.
    ///
    /// Facts that never change once true are remembered for the life of the intake (a session and its retake
    /// policy, the session a participant belongs to, the forms of a session, resolved forms); whether a form
    /// is open can change at any time, from another process too, so it is always read.
    public func check(_ request: SubmissionRequest, requireOpenForm: Bool) async throws -> (TrainingSession, ResolvedForm) {
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
        guard let form = resolvedForm(request.formID) else { throw StoreError.unknownForm(request.formID) }
        var forms = lookups.sessionForms.withLock { $0[session.id] }
        if forms == nil {
            let ids = Set(try await store.sessionForms(session.id).map(\.formID))
            lookups.sessionForms.withLock { $0[session.id] = ids }
            forms = ids
        }
        guard forms?.contains(request.formID) == true else {
            throw StoreError.formNotInProgram(form: request.formID, program: session.program)
        }
        if requireOpenForm, try await store.sessionForms(session.id).first(where: { $0.formID == request.formID })?.isOpen != true {
            throw StoreError.formNotOpen(form: request.formID, session: session.id)
        }
        return (session, form)
    }

    /// The form `id` with its items, resolved once.
    public func resolvedForm(_ id: String) -> ResolvedForm? {
        if let known = lookups.forms.withLock({ $0[id] }) { return known }
        guard let form = catalog.resolvedForm(id) else { return nil }
        lookups.forms.withLock { $0[id] = form }
        return form
    }
}

/// What a ``SubmissionIntake`` remembers.
final class IntakeLookups: Sendable {
    let sessions = Mutex<[String: TrainingSession]>([:])
    let participants = Mutex<[String: String]>([:])
    let sessionForms = Mutex<[String: Set<String>]>([:])
    let forms = Mutex<[String: ResolvedForm]>([:])
}

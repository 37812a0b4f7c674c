import AtelierKernel
import Foundation

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
    public func check(_ request: SubmissionRequest, requireOpenForm: Bool) async throws -> (TrainingSession, ResolvedForm) {
        guard let session = try await store.session(request.sessionID) else {
            throw StoreError.sessionNotFound(request.sessionID, known: try await store.sessions().map(\.id))
        }
        guard let participant = try await store.participant(request.participantCode) else {
            throw StoreError.participantNotFound(request.participantCode)
        }
        guard participant.sessionID == session.id else {
            throw StoreError.participantInOtherSession(code: participant.code, session: participant.sessionID)
        }
        guard let form = catalog.resolvedForm(request.formID) else { throw StoreError.unknownForm(request.formID) }
        let sessionForms = try await store.sessionForms(session.id)
        guard let sessionForm = sessionForms.first(where: { $0.formID == request.formID }) else {
            throw StoreError.formNotInProgram(form: request.formID, program: session.program)
        }
        if requireOpenForm && !sessionForm.isOpen { throw StoreError.formNotOpen(form: request.formID, session: session.id) }
        return (session, form)
    }
}

import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird

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
    /// Checks submissions, remembering what never changes.
    let submissionIntake: SubmissionIntake

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
            submissionIntake: SubmissionIntake(catalog: catalog, store: store)
        )
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
            (session, form) = try await submissionIntake.check(submission, requireOpenForm: requireOpenForm)
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

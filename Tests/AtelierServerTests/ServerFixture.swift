import AtelierKernel
import AtelierServer
import AtelierStore
import CaseAnalysis
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import StandardItems

/// An application on an in-memory store with one session, three participants, and two tokens.
struct ServerFixture {
    let dependencies: ServerDependencies
    let store: SQLiteStore
    let trainer: String
    let manager: String
    let codes: [String]
    let joinCode = "K7QM"
    let session = "nkc-1"

    static let catalog: ContentCatalog = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        do {
            let registry = try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
            let result = ContentLoader(registry: registry).load(paths: [url.path + "/Curricula", url.path + "/Assessments"])
            precondition(!result.hasErrors)
            return result.catalog
        } catch { fatalError("\(error)") }
    }()

    static func make(openForms: [String] = ["definitions.pre"]) async throws -> ServerFixture {
        let store = try SQLiteStore()
        guard let program = catalog.programs["police-gendarmerie-2day"] else { throw Problem(.internalServerError, "no program", detail: "") }
        let slots = program.schedule.map { SessionSlot(id: $0.id, date: "2026-12-0\($0.day)", part: $0.part.rawValue, start: $0.start, end: $0.end) }
        let session = TrainingSession(
            id: "nkc-1",
            joinCode: "K7QM",
            program: program.id,
            site: "Nouakchott",
            startDate: "2026-12-01",
            endDate: "2026-12-02",
            slots: slots
        )
        let forms = program.modules.flatMap { catalog.forms(ofModule: $0) }.map {
            SessionForm(formID: $0.id, phase: $0.phase.rawValue, isOpen: openForms.contains($0.id))
        }
        try await store.createSession(session, forms: forms, actor: "test")
        var generator = SeededGenerator(seed: 3)
        let codes = (0..<3).map { _ in ParticipantCode.generate(using: &generator) }
        try await store.register(
            codes.map {
                Registration(
                    participant: Participant(
                        code: $0,
                        sessionID: "nkc-1",
                        sex: .female,
                        ageBand: .from25to34,
                        organizationType: .police,
                        language: "fr"
                    ),
                    identity: Identity(code: $0, name: "Name \($0)")
                )
            },
            actor: "test",
            action: "participants.add",
            details: ""
        )
        let trainer = TokenAuthenticator.make(role: .trainer, label: "test")
        let manager = TokenAuthenticator.make(role: .manager, label: "test")
        try await store.createToken(trainer.token, actor: "test")
        try await store.createToken(manager.token, actor: "test")
        let dependencies = try await ServerDependencies.make(catalog: catalog, store: store, committer: SubmissionCommitter(store: store))
        return ServerFixture(dependencies: dependencies, store: store, trainer: trainer.secret, manager: manager.secret, codes: codes)
    }

    var app: some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return buildApplication(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), dependencies: dependencies, logger: logger)
    }

    func bearer(_ token: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        return headers
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as JSON.
    func json() throws -> JSONValue { try JSONParser.parse(text).value }
}

extension ByteBuffer {
    init(json: JSONValue) { self.init(string: json.serialized()) }
}

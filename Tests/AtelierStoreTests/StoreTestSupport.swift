import AtelierKernel
import AtelierStore
import CaseAnalysis
import Foundation
import StandardItems

enum Fixture {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let catalog: ContentCatalog = {
        do {
            let registry = try PluginRegistry(itemTypes: StandardItems.all + [CaseAnalysisItem()])
            let result = ContentLoader(registry: registry).load(paths: [root + "/Curricula", root + "/Assessments"])
            precondition(!result.hasErrors, "\(result.diagnostics)")
            return result.catalog
        } catch { fatalError("\(error)") }
    }()

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("atelier-store-\(UUID().uuidString)/atelier.sqlite").path
    }

    static func session(id: String = "nkc-1", retakes: RetakePolicy = .none) -> TrainingSession {
        TrainingSession(
            id: id,
            joinCode: "K7QM",
            program: "police-gendarmerie-2day",
            site: "Nouakchott",
            startDate: "2026-12-01",
            endDate: "2026-12-02",
            trainers: ["Trainer A"],
            slots: [
                SessionSlot(id: "d1-am", date: "2026-12-01", part: "morning", start: "08:30", end: "12:30"),
                SessionSlot(id: "d1-pm", date: "2026-12-01", part: "afternoon", start: "14:00", end: "17:30"),
                SessionSlot(id: "d2-am", date: "2026-12-02", part: "morning", start: "08:30", end: "12:30"),
                SessionSlot(id: "d2-pm", date: "2026-12-02", part: "afternoon", start: "13:30", end: "17:30"),
            ],
            retakePolicy: retakes,
            createdAt: Date(timeIntervalSince1970: 1_795_000_000)
        )
    }

    static let forms = ["definitions.pre", "identification.pre", "protection.pre", "definitions.post", "identification.post", "protection.post"]
        .map { SessionForm(formID: $0, phase: $0.hasSuffix(".pre") ? "pre" : "post", isOpen: true) }

    static func participant(_ code: String, session: String = "nkc-1") -> Registration {
        Registration(
            participant: Participant(code: code, sessionID: session, sex: .female, ageBand: .from25to34, organizationType: .police, language: "fr"),
            identity: Identity(code: code, name: "Aminetou Mint Ahmed \(code)", phone: "+222 00 00 00 00")
        )
    }

    /// A store with one session and participants `codes`.
    static func store(_ store: SQLiteStore, codes: [String], retakes: RetakePolicy = .none) async throws -> SQLiteStore {
        try await store.createSession(session(retakes: retakes), forms: forms, actor: "test")
        try await store.register(codes.map { participant($0) }, actor: "test", action: "participants.add", details: "")
        return store
    }

    static func request(
        id: String = UUID().uuidString,
        code: String,
        form: String = "definitions.pre",
        responses: [String: JSONValue]
    ) -> SubmissionRequest {
        SubmissionRequest(id: id, sessionID: "nkc-1", participantCode: code, formID: form, responses: responses, source: .device)
    }

    static var codes: [String] {
        var generator = SeededGenerator(seed: 7)
        return (0..<40).map { _ in ParticipantCode.generate(using: &generator) }
    }
}

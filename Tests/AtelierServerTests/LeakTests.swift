import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Every log line the application writes, kept for inspection.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    var text: String { lines.withLock { $0.joined(separator: "\n") } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
        }
    }
}

@Suite("Leaks: keys, other participants, names")
struct LeakTests {
    /// The key of a form as a responses object (full marks).
    static func key(_ formID: String) throws -> JSONValue {
        let form = try #require(ServerFixture.catalog.resolvedForm(formID))
        return .object(JSONObject(form.items.map { (key: $0.item.id, value: $0.itemType.correctResponse(for: $0.body)) }))
    }

    @Test(
        "before release no feedback, after release a participant's own score and feedback, never another's; no name in a page, an answer or a log",
        arguments: ServerFixture.catalog.forms.keys.sorted()
    )
    func afterRelease(formID: String) async throws {
        let fixture = try await ServerFixture.make(openForms: [formID])
        let capture = LogCapture()
        var logger = Logger(label: "leak-test") { _ in LogCapture.Handler(capture: capture) }
        logger.logLevel = .trace
        let app = buildApplication(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), dependencies: fixture.dependencies, logger: logger)
        let (alice, bob) = (fixture.codes[0], fixture.codes[1])
        let names = fixture.codes.map { "Name \($0)" }
        let aliceID = UUID().uuidString
        try await app.test(.router) { client in
            // Alice's answers arrive through the API (full marks); Bob answers nothing and submits a blank sheet.
            let body: JSONValue = [
                "id": .string(aliceID), "participant": .string(alice), "assessment": .string(formID),
                "phase": .string(formID.hasSuffix(".post") ? "post" : "pre"),
                "responses": try Self.key(formID),
            ]
            let stored = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: body)
            ) { $0.status }
            #expect(stored == .created)

            var bobBrowser = Browser(client: client)
            _ = try await bobBrowser.post("/join", [("join", "K7QM"), ("code", bob), ("lang", "fr")])
            let review = try await bobBrowser.get("/p/forms/\(formID)/review")
            _ = try await bobBrowser.post("/p/forms/\(formID)/submit", [("csrf", Browser.csrf(review)), ("confirm", "1")])

            var aliceBrowser = Browser(client: client)
            _ = try await aliceBrowser.post("/join", [("join", "K7QM"), ("code", alice), ("lang", "fr")])
            let before = try await aliceBrowser.get("/p/forms/\(formID)/receipt").text
            let form = try #require(ServerFixture.catalog.resolvedForm(formID))
            let feedbacks = form.items.compactMap { $0.item.feedback?["fr"] }
            #expect(!feedbacks.isEmpty)
            #expect(!feedbacks.contains { before.contains(Self.escaped($0)) }, "feedback before release")

            try await fixture.store.release(formID, in: "nkc-1", actor: "test")
            let after = try await aliceBrowser.get("/p/forms/\(formID)/receipt").text
            #expect(feedbacks.contains { after.contains(Self.escaped($0)) }, "Alice's feedback after release")
            #expect(after != before)

            // Bob, after release, sees his own receipt: nothing of Alice's (her code, her submission id).
            var bobPages = [
                try await bobBrowser.get("/p").text, try await bobBrowser.get("/p/forms/\(formID)/receipt").text,
                try await bobBrowser.get("/p/forms/\(formID)/review").text,
            ]
            var cookie = HTTPFields()
            cookie[.cookie] = bobBrowser.cookie
            bobPages.append(try await client.execute(uri: "/api/v1/assessments/\(formID)?lang=fr", method: .get, headers: cookie) { $0.text })
            for page in bobPages {
                #expect(!page.contains(alice), "Alice's code on Bob's page")
                #expect(!page.contains(aliceID) && !page.contains(aliceID.lowercased()), "Alice's submission on Bob's page")
            }
            // A participant's cookie is not a token: the trainer's API refuses it.
            let results = try await client.execute(uri: "/api/v1/sessions/nkc-1/results", method: .get, headers: cookie) { $0.status }
            #expect(results == .unauthorized)

            // Wrong codes and errors are logged too; none of it names anyone.
            var stranger = Browser(client: client)
            _ = try await stranger.post("/join", [("join", "K7QM"), ("code", "ZZZZZZ"), ("lang", "fr")])
            for page in bobPages + [before, after] { #expect(!names.contains { page.contains($0) }) }
        }
        let logs = capture.text
        #expect(!logs.isEmpty)
        #expect(!names.contains { logs.contains($0) }, "a name in the logs")
    }

    /// Text as the templates escape it (apostrophes and quotes).
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

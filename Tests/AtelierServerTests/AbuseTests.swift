import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AtelierServer

/// Abuse of the API and of the participant pages: guessing, reading someone else's data, the wrong role,
/// bodies too large, too deep, not UTF-8, numbers out of range, too many responses. Never a 500; every
/// error of the API is `application/problem+json`.
@Suite("Abuse")
struct AbuseTests {
    // MARK: - Helpers

    /// A second session (join code `W2XY`) with two participants of its own, in the fixture's store.
    static func addSecondSession(_ fixture: ServerFixture) async throws -> [String] {
        let program = try #require(ServerFixture.catalog.programs["police-gendarmerie-2day"])
        let slots = program.schedule.map { SessionSlot(id: $0.id, date: "2027-01-0\($0.day)", part: $0.part.rawValue, start: $0.start, end: $0.end) }
        let session = TrainingSession(
            id: "nkc-2",
            joinCode: "W2XY",
            program: program.id,
            site: "Rosso",
            startDate: "2027-01-01",
            endDate: "2027-01-02",
            slots: slots
        )
        let forms = program.modules.flatMap { ServerFixture.catalog.forms(ofModule: $0) }.map {
            SessionForm(formID: $0.id, phase: $0.phase.rawValue, isOpen: $0.id == "definitions.pre")
        }
        try await fixture.store.createSession(session, forms: forms, actor: "test")
        var generator = SeededGenerator(seed: 77)
        let codes = (0..<2).map { _ in ParticipantCode.generate(using: &generator) }.filter { !fixture.codes.contains($0) }
        try await fixture.store.register(
            codes.map {
                Registration(
                    participant: Participant(
                        code: $0,
                        sessionID: "nkc-2",
                        sex: .male,
                        ageBand: .from25to34,
                        organizationType: .gendarmerie,
                        language: "fr"
                    ),
                    identity: Identity(code: $0, name: "Other \($0)")
                )
            },
            actor: "test",
            action: "participants.add",
            details: ""
        )
        return codes
    }

    /// A valid participant code that is registered nowhere.
    static func unregisteredCode(avoiding used: [String]) -> String {
        var generator = SeededGenerator(seed: 991)
        while true {
            let code = ParticipantCode.generate(using: &generator)
            if !used.contains(code) { return code }
        }
    }

    /// Checks an RFC 9457 problem: status, content type, and a body whose `status` matches.
    static func expectProblem(
        _ response: TestResponse,
        _ status: HTTPResponse.Status,
        pointer: String? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == status, "\(response.text.prefix(300))", sourceLocation: sourceLocation)
        #expect(
            response.headers[.contentType]?.hasPrefix("application/problem+json") == true,
            "content type \(response.headers[.contentType] ?? "none")",
            sourceLocation: sourceLocation
        )
        guard let problem = try? response.json() else {
            Issue.record("the body is not JSON: \(response.text.prefix(200))", sourceLocation: sourceLocation)
            return
        }
        #expect(problem["status"] == .number(Double(status.code)), sourceLocation: sourceLocation)
        #expect(problem["title"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["detail"]?.stringValue != nil, sourceLocation: sourceLocation)
        if let pointer { #expect(problem["pointer"] == .string(pointer), sourceLocation: sourceLocation) }
    }

    static func post(
        _ client: some TestClientProtocol,
        _ uri: String,
        token: String?,
        bytes: [UInt8],
        cookie: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: bytes)) { $0 }
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, token: String? = nil, cookie: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: uri, method: .get, headers: headers) { $0 }
    }

    static func submission(_ participant: String, responses: String = "{}", id: String = UUID().uuidString) -> [UInt8] {
        Array("{\"id\": \"\(id)\", \"participant\": \"\(participant)\", \"assessment\": \"definitions.pre\", \"responses\": \(responses)}".utf8)
    }

    // MARK: - Guessing codes

    @Test("a wrong participant code and a right code with the wrong join code get the same answer, byte for byte")
    func wrongCodesLookAlike() async throws {
        let fixture = try await ServerFixture.make()
        let others = try await Self.addSecondSession(fixture)
        let nobody = Self.unregisteredCode(avoiding: fixture.codes + others)
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            let attempts: [(String, String)] = [
                ("K7QM", nobody),  // a well-formed code nobody has
                ("K7QM", others[0]),  // a real code, of another session
                ("W2XY", fixture.codes[0]),  // a real code with the other session's join code
                ("ZZZZ", fixture.codes[0]),  // a real code with a join code of no session
                ("K7QM", "AAAAAA"),  // not even a valid code
            ]
            var responses: [TestResponse] = []
            for (join, code) in attempts { responses.append(try await browser.post("/join", [("join", join), ("code", code), ("lang", "fr")])) }
            let reference = try #require(responses.first)
            #expect(reference.status == .unauthorized)
            for (attempt, response) in zip(attempts, responses) {
                #expect(response.status == reference.status, "\(attempt)")
                #expect(response.text == reference.text, "\(attempt): the page tells the cases apart")
                #expect(response.headers == reference.headers, "\(attempt): the headers tell the cases apart")
                #expect(response.headers[.setCookie] == nil, "\(attempt)")
            }
            #expect(browser.cookie == nil)
        }
    }

    @Test("ten wrong codes from one address, then 429 problem+json even for the right code; other addresses are not blocked")
    func joinRateLimit() async throws {
        let fixture = try await ServerFixture.make()
        let limiter = fixture.dependencies.participantSessions
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            for attempt in 1...limiter.maxFailures {
                let wrong = try await browser.post("/join", [("join", "K7QM"), ("code", "AAAAAA"), ("lang", "fr")])
                #expect(wrong.status == .unauthorized, "attempt \(attempt)")
            }
            for code in ["AAAAAA", fixture.codes[0]] {
                let blocked = try await browser.post("/join", [("join", "K7QM"), ("code", code), ("lang", "fr")])
                Self.expectProblem(blocked, .tooManyRequests)
                #expect(blocked.headers[.setCookie] == nil)
            }
            #expect(browser.cookie == nil)
        }
        // The limit is per client address, over a sliding window: another address may still try.
        #expect(throws: Problem.self) { try limiter.checkRate("unknown") }
        #expect(throws: Never.self) { try limiter.checkRate("192.0.2.7") }
        for _ in 0..<(limiter.maxFailures - 1) { limiter.recordFailure("192.0.2.8") }
        #expect(throws: Never.self) { try limiter.checkRate("192.0.2.8") }
        limiter.recordFailure("192.0.2.8")
        #expect(throws: Problem.self) { try limiter.checkRate("192.0.2.8") }
        #expect(limiter.window == 300)
    }

    @Test("wrong check-in codes count against the same limit")
    func checkInRateLimit() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            var browser = Browser(client: client)
            #expect(try await browser.post("/join", [("join", "K7QM"), ("code", fixture.codes[0]), ("lang", "fr")]).status == .seeOther)
            let csrf = Browser.csrf(try await browser.get("/p"))
            var last = HTTPResponse.Status.ok
            var lastResponse: TestResponse?
            for _ in 0...fixture.dependencies.participantSessions.maxFailures {
                let response = try await browser.post("/p/checkin", [("csrf", csrf), ("day", "WRONG")])
                last = response.status
                lastResponse = response
            }
            #expect(last == .tooManyRequests)
            if let lastResponse { Self.expectProblem(lastResponse, .tooManyRequests) }
        }
        #expect(try await fixture.store.attendance(in: "nkc-1").isEmpty)
    }

    // MARK: - One participant, another's data

    @Test("participant B sees none of A's draft, submission or receipt; a cookie edited to B's code is refused; A's CSRF token is useless to B")
    func participantIsolation() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            var alice = Browser(client: client)
            var bob = Browser(client: client)
            #expect(try await alice.post("/join", [("join", "K7QM"), ("code", fixture.codes[0]), ("lang", "fr")]).status == .seeOther)
            #expect(try await bob.post("/join", [("join", "K7QM"), ("code", fixture.codes[1]), ("lang", "fr")]).status == .seeOther)
            let alicePage = try await alice.get("/p/forms/definitions.pre/items/2")
            let aliceCSRF = Browser.csrf(alicePage)
            let saved = try await alice.post("/p/forms/definitions.pre/items/2", [("csrf", aliceCSRF), ("answer", "a"), ("go", "review")])
            #expect(saved.status == .seeOther)

            // Bob's copy of the same page has no answer checked, and never names Alice.
            let bobPage = try await bob.get("/p/forms/definitions.pre/items/2")
            #expect(bobPage.status == .ok)
            #expect(!bobPage.text.contains("checked"))
            #expect(!bobPage.text.contains(fixture.codes[0]))
            let bobHome = try await bob.get("/p")
            #expect(!bobHome.text.contains(fixture.codes[0]))

            // Alice's CSRF token does not let Bob post (nor submit).
            #expect(try await bob.post("/p/forms/definitions.pre/items/2", [("csrf", aliceCSRF), ("answer", "b")]).status == .forbidden)
            #expect(try await bob.post("/p/forms/definitions.pre/submit", [("csrf", aliceCSRF)]).status == .forbidden)

            // Alice submits; Bob's receipt URL is no window on hers.
            let review = try await alice.get("/p/forms/definitions.pre/review")
            #expect(try await alice.post("/p/forms/definitions.pre/submit", [("csrf", Browser.csrf(review))]).status == .seeOther)
            let aliceReceipt = try await alice.get("/p/forms/definitions.pre/receipt")
            #expect(aliceReceipt.status == .ok)
            let bobReceipt = try await bob.get("/p/forms/definitions.pre/receipt")
            #expect(bobReceipt.status == .seeOther)
            #expect(bobReceipt.headers[.location] == "/p/forms/definitions.pre")
            #expect(bobReceipt.body.readableBytes == 0)

            // A cookie whose payload is changed to Bob's code (Alice's signature kept) signs nobody in.
            let cookie = try #require(alice.cookie)
            let value = String(cookie.dropFirst("atelier=".count))
            let signature = try #require(value.split(separator: ".").last)
            for payload in ["nkc-1|\(fixture.codes[1])|fr", "nkc-2|\(fixture.codes[0])|fr", "nkc-1|\(fixture.codes[0])|fr|x"] {
                let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                var forged = Browser(client: client, cookie: "atelier=\(encoded).\(signature)")
                let home = try await forged.get("/p")
                #expect(home.status == .seeOther, "\(payload)")
                #expect(home.headers[.location] == "/", "\(payload)")
                #expect(try await forged.get("/p/forms/definitions.pre/receipt").headers[.location] == "/", "\(payload)")
                #expect(try await forged.post("/p/forms/definitions.pre/submit", [("csrf", aliceCSRF)]).headers[.location] == "/")
            }
            // Garbage cookies, too.
            for garbage in ["atelier=", "atelier=.", "atelier=%%%", "atelier=" + String(repeating: "A.", count: 2_000)] {
                var forged = Browser(client: client, cookie: garbage)
                #expect(try await forged.get("/p").headers[.location] == "/", "\(garbage.prefix(20))")
            }
        }
        #expect(try await fixture.store.draft(session: "nkc-1", participant: fixture.codes[1], form: "definitions.pre").isEmpty)
        #expect(try await fixture.store.submissions(in: "nkc-1", participant: fixture.codes[1]).isEmpty)
        #expect(try await fixture.store.submissions(in: "nkc-1").count == 1)
    }

    @Test("a participant of another session cannot use its cookie in this one")
    func otherSessionParticipant() async throws {
        let fixture = try await ServerFixture.make()
        let others = try await Self.addSecondSession(fixture)
        try await fixture.app.test(.router) { client in
            var carol = Browser(client: client)
            #expect(try await carol.post("/join", [("join", "W2XY"), ("code", others[0]), ("lang", "fr")]).status == .seeOther)
            let page = try await carol.get("/p/forms/definitions.pre/items/2")
            #expect(page.status == .ok)
            let csrf = Browser.csrf(page)
            #expect(
                try await carol.post("/p/forms/definitions.pre/items/2", [("csrf", csrf), ("answer", "a"), ("go", "review")]).status == .seeOther
            )
        }
        // Her draft is hers, in her session; nothing landed in nkc-1.
        #expect(try await fixture.store.draft(session: "nkc-2", participant: others[0], form: "definitions.pre").count == 1)
        #expect(try await fixture.store.draft(session: "nkc-1", participant: others[0], form: "definitions.pre").isEmpty)
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    // MARK: - Roles

    @Test("a participant cookie opens no token API; a cookie is not a token")
    func participantCannotUseTokenAPIs() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            var alice = Browser(client: client)
            #expect(try await alice.post("/join", [("join", "K7QM"), ("code", fixture.codes[0]), ("lang", "fr")]).status == .seeOther)
            let cookie = try #require(alice.cookie)
            let value = String(cookie.dropFirst("atelier=".count))
            for uri in ["/api/v1/sessions/nkc-1/results", "/api/v1/sessions/nkc-1/attendance"] {
                Self.expectProblem(try await Self.get(client, uri, cookie: cookie), .unauthorized)
                Self.expectProblem(try await Self.get(client, uri, token: value), .unauthorized)
            }
            let posts: [(String, [UInt8])] = [
                ("/api/v1/grade", Array("{\"assessment\": \"definitions.pre\", \"responses\": {}}".utf8)),
                ("/api/v1/sessions/nkc-1/submissions", Self.submission(fixture.codes[0])),
                (
                    "/api/v1/sessions/nkc-1/attendance",
                    Array("{\"participant\": \"\(fixture.codes[0])\", \"slot\": \"d1-am\", \"status\": \"present\"}".utf8)
                ),
            ]
            for (uri, body) in posts {
                Self.expectProblem(try await Self.post(client, uri, token: nil, bytes: body, cookie: cookie), .unauthorized)
                Self.expectProblem(try await Self.post(client, uri, token: value, bytes: body), .unauthorized)
            }
            // A token does not sign anyone in on the participant pages.
            let home = try await Self.get(client, "/p", token: fixture.trainer)
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/")
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
        #expect(try await fixture.store.attendance(in: "nkc-1").isEmpty)
    }

    @Test("a manager token reads results and attendance but cannot submit nor mark attendance (403 problem+json)")
    func managerRole() async throws {
        let fixture = try await ServerFixture.make()
        let session = try #require(try await fixture.store.session("nkc-1"))
        let slot = try #require(session.slots.first?.id)
        try await fixture.app.test(.router) { client in
            for uri in ["/api/v1/sessions/nkc-1/results", "/api/v1/sessions/nkc-1/attendance", "/api/v1/assessments/definitions.pre"] {
                let response = try await Self.get(client, uri, token: fixture.manager)
                #expect(response.status == .ok, "\(uri)")
            }
            let attendance = Array("{\"participant\": \"\(fixture.codes[0])\", \"slot\": \"\(slot)\", \"status\": \"present\"}".utf8)
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/attendance", token: fixture.manager, bytes: attendance),
                .forbidden
            )
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.manager, bytes: Self.submission(fixture.codes[0])),
                .forbidden
            )
            // The role is checked before the body is read: an oversized or malformed body changes nothing.
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.manager, bytes: Array("{".utf8)),
                .forbidden
            )
            // The same requests with a trainer token do work.
            let marked = try await Self.post(client, "/api/v1/sessions/nkc-1/attendance", token: fixture.trainer, bytes: attendance)
            #expect(marked.status == .ok)
            // Token variants that must not authenticate.
            for header in [
                "Bearer", "Bearer ", "bearer \(fixture.trainer)", "Basic \(fixture.trainer)", "Bearer \(fixture.trainer)x",
                "Bearer \(fixture.trainer.dropLast())",
            ] {
                var headers = HTTPFields()
                headers[.authorization] = header
                let response = try await client.execute(uri: "/api/v1/sessions/nkc-1/results", method: .get, headers: headers) { $0 }
                Self.expectProblem(response, .unauthorized)
            }
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
        #expect(try await fixture.store.attendance(in: "nkc-1").count == 1)
    }

    @Test("an unknown path or method is 404 problem+json, with or without a token")
    func unknownRoutes() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let attempts: [(String, HTTPRequest.Method)] = [
                ("/api/v1/nothing", .get), ("/api/v2/health", .get), ("/api/v1/grade", .delete), ("/api/v1/health", .post),
                ("/api/v1/sessions/nkc-1/results", .put), ("/api/v1/sessions/nkc-1/results/x", .get), ("/p/nothing", .get),
            ]
            for (uri, method) in attempts {
                for token in [nil, fixture.trainer] {
                    var headers = HTTPFields()
                    if let token { headers[.authorization] = "Bearer \(token)" }
                    let response = try await client.execute(uri: uri, method: method, headers: headers) { $0 }
                    Self.expectProblem(response, .notFound)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
    }

    // MARK: - Bodies

    @Test("a body over 1 MiB is 413 problem+json on every JSON endpoint; a form over 64 KiB too")
    func oversizedBodies() async throws {
        let fixture = try await ServerFixture.make()
        let big =
            Array("{\"assessment\": \"definitions.pre\", \"responses\": {\"x\": \"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20)
            + Array("\"}}".utf8)
        try await fixture.app.test(.router) { client in
            for uri in ["/api/v1/grade", "/api/v1/sessions/nkc-1/submissions", "/api/v1/sessions/nkc-1/attendance"] {
                Self.expectProblem(try await Self.post(client, uri, token: fixture.trainer, bytes: big), .contentTooLarge)
            }
            // A declared Content-Length over the limit (refused before the body is read) cannot be sent through the
            // in-process client, which sets the length itself: Tests/Reliability/api_abuse.py sends it on a socket.
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            let form = "join=K7QM&code=" + String(repeating: "A", count: 65 * 1024)
            let response = try await client.execute(uri: "/join", method: .post, headers: headers, body: ByteBuffer(string: form)) { $0 }
            Self.expectProblem(response, .contentTooLarge)
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    @Test("JSON nested 10,000 deep is 400 problem+json, not a crash", arguments: ["[", "{\"a\":"])
    func deeplyNested(opener: String) async throws {
        let fixture = try await ServerFixture.make()
        let closer = opener == "[" ? "]" : "}"
        let deep = String(repeating: opener, count: 10_000) + "1" + String(repeating: closer, count: 10_000)
        try await fixture.app.test(.router) { client in
            // The whole body, and one response inside an otherwise valid body.
            let bodies = [
                deep,
                "{\"assessment\": \"definitions.pre\", \"responses\": {\"def-pre02\": \(deep)}}",
            ]
            for body in bodies {
                Self.expectProblem(try await Self.post(client, "/api/v1/grade", token: fixture.trainer, bytes: Array(body.utf8)), .badRequest)
            }
            let submission = Self.submission(fixture.codes[0], responses: "{\"def-pre02\": \(deep)}")
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.trainer, bytes: submission),
                .badRequest
            )
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/attendance", token: fixture.trainer, bytes: Array(deep.utf8)),
                .badRequest
            )
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    @Test("invalid UTF-8 in a JSON body is 400 problem+json; in a form it is a wrong code, not a crash")
    func invalidUTF8() async throws {
        let fixture = try await ServerFixture.make()
        let sequences: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
        try await fixture.app.test(.router) { client in
            for bad in sequences {
                let grade = Array("{\"assessment\": \"definitions.pre\", \"responses\": {\"def-pre04\": \"".utf8) + bad + Array("\"}}".utf8)
                Self.expectProblem(try await Self.post(client, "/api/v1/grade", token: fixture.trainer, bytes: grade), .badRequest)
                let submission =
                    Array(
                        "{\"id\": \"\(UUID().uuidString)\", \"participant\": \"\(fixture.codes[0])\", \"assessment\": \"definitions.pre\", \"responses\": {\"def-pre04\": \""
                            .utf8
                    )
                    + bad + Array("\"}}".utf8)
                Self.expectProblem(
                    try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.trainer, bytes: submission),
                    .badRequest
                )
                // In a key, too.
                let key = Array("{\"assessment\": \"definitions.pre\", \"responses\": {\"".utf8) + bad + Array("\": 1}}".utf8)
                Self.expectProblem(try await Self.post(client, "/api/v1/grade", token: fixture.trainer, bytes: key), .badRequest)
                // A form post with the bytes raw (not percent-encoded) and percent-encoded.
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                let raw = Array("join=K7QM&code=".utf8) + bad
                let rawResponse = try await client.execute(uri: "/join", method: .post, headers: headers, body: ByteBuffer(bytes: raw)) { $0 }
                #expect(rawResponse.status == .unauthorized)
                let encoded = "join=K7QM&code=" + bad.map { String(format: "%%%02X", $0) }.joined()
                let encodedResponse = try await client.execute(uri: "/join", method: .post, headers: headers, body: ByteBuffer(string: encoded)) {
                    $0
                }
                #expect(encodedResponse.status == .unauthorized || encodedResponse.status == .tooManyRequests)
            }
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    // MARK: - Numbers

    @Test("a number out of range is 400 problem+json", arguments: ["1e400", "-1e400", "1E+999"])
    func numberOutOfRange(number: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let grade = "{\"assessment\": \"definitions.pre\", \"responses\": {\"def-b03\": \(number)}}"
            Self.expectProblem(try await Self.post(client, "/api/v1/grade", token: fixture.trainer, bytes: Array(grade.utf8)), .badRequest)
            let submission = Self.submission(fixture.codes[0], responses: "{\"def-b03\": \(number)}")
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.trainer, bytes: submission),
                .badRequest
            )
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    @Test(
        "a huge or odd number as every response is graded as wrong (or not understood), never a 500",
        arguments: [
            "123456789012345678901234567890", "-123456789012345678901234567890", "1e308", "1e-400", "9007199254740993", "-0",
            "\"123456789012345678901234567890\"", "\"1e400\"",
        ]
    )
    func hugeNumbers(number: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let form = try await Self.get(client, "/api/v1/assessments/definitions.pre", token: fixture.trainer).json()
            let ids = try #require(form["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue })
            #expect(ids.count > 10)
            let responses = "{" + ids.map { "\"\($0)\": \(number)" }.joined(separator: ", ") + "}"
            let graded = try await Self.post(
                client,
                "/api/v1/grade",
                token: fixture.trainer,
                bytes: Array("{\"assessment\": \"definitions.pre\", \"responses\": \(responses)}".utf8)
            )
            #expect(graded.status == .ok, "\(graded.text.prefix(300))")
            let grade = try graded.json()
            #expect(grade["score"] == 0)
            let items = try #require(grade["items"]?.arrayValue)
            #expect(items.count == ids.count)
            #expect(items.allSatisfy { $0["status"] != "correct" && $0["status"] != "partial" }, "\(grade.serialized().prefix(500))")
            let stored = try await Self.post(
                client,
                "/api/v1/sessions/nkc-1/submissions",
                token: fixture.trainer,
                bytes: Self.submission(fixture.codes[0], responses: responses)
            )
            #expect(stored.status == .created, "\(stored.text.prefix(300))")
            #expect(stored.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try stored.json()["grade"]?["score"] == 0)
            // The results still compute.
            #expect(try await Self.get(client, "/api/v1/sessions/nkc-1/results", token: fixture.trainer).status == .ok)
        }
    }

    // MARK: - Many responses

    @Test("a submission with 10,000 responses is 400 problem+json at /responses (the limit is 1,000), and nothing is stored")
    func tenThousandResponses() async throws {
        let fixture = try await ServerFixture.make()
        let many = "{" + (0..<10_000).map { "\"item-\($0)\": \"a\"" }.joined(separator: ", ") + "}"
        try await fixture.app.test(.router) { client in
            let submission = Self.submission(fixture.codes[0], responses: many)
            #expect(submission.count < 1 << 20)
            Self.expectProblem(
                try await Self.post(client, "/api/v1/sessions/nkc-1/submissions", token: fixture.trainer, bytes: submission),
                .badRequest,
                pointer: "/responses"
            )
            let grade = Array("{\"assessment\": \"definitions.pre\", \"responses\": \(many)}".utf8)
            Self.expectProblem(try await Self.post(client, "/api/v1/grade", token: fixture.trainer, bytes: grade), .badRequest, pointer: "/responses")
            // 10,000 copies of one key are one member (the last wins): within the limit.
            let same = "{" + Array(repeating: "\"def-pre02\": \"a\"", count: 10_000).joined(separator: ", ") + "}"
            let sameResponse = try await Self.post(
                client,
                "/api/v1/grade",
                token: fixture.trainer,
                bytes: Array("{\"assessment\": \"definitions.pre\", \"responses\": \(same)}".utf8)
            )
            #expect(sameResponse.status.code < 500)
            // At the limit: 1,000 responses, most for items the form does not have.
            let thousand = "{" + (0..<1_000).map { "\"item-\($0)\": \"a\"" }.joined(separator: ", ") + "}"
            let atLimit = try await Self.post(
                client,
                "/api/v1/sessions/nkc-1/submissions",
                token: fixture.trainer,
                bytes: Self.submission(fixture.codes[1], responses: thousand)
            )
            #expect(atLimit.status.code < 500, "\(atLimit.text.prefix(300))")
            if atLimit.status.code >= 400 { Self.expectProblem(atLimit, atLimit.status) }
        }
        #expect(try await fixture.store.submissions(in: "nkc-1", participant: fixture.codes[0]).isEmpty)
    }
}

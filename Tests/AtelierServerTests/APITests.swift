import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("HTTP API")
struct APITests {
    @Test("health answers ok with the security headers")
    func health() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/health", method: .get) { response in
                #expect(response.status == .ok)
                let parsed1 = try response.json()
                #expect(parsed1 == ["status": "ok"])
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("every path of the OpenAPI document is served; an unknown one is 404")
    func openAPI() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get) { try $0.json() }
            #expect(document["openapi"] == "3.1.0")
            let paths = try #require(document["paths"]?.objectValue)
            for path in paths.keys {
                for method in paths[path]?.objectValue?.keys ?? [] {
                    let uri = path.replacingOccurrences(of: "{id}", with: "definitions.pre").replacingOccurrences(of: "{session}", with: "nkc-1")
                    let status = try await client.execute(
                        uri: uri,
                        method: method == "post" ? .post : .get,
                        headers: fixture.bearer(fixture.trainer),
                        body: ByteBuffer(string: "{}")
                    ) {
                        $0.status
                    }
                    #expect(status != .notFound || uri.contains("{"), "\(method) \(path)")
                }
            }
            let status75042 = try await client.execute(uri: "/api/v1/nothing", method: .get) { $0.status }
            #expect(status75042 == .notFound)
        }
    }

    @Test("grade returns the documented shape and stores nothing")
    func grade() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let body: JSONValue = ["assessment": "definitions.pre", "responses": ["def-b01": "a", "def-b03": 18]]
            try await client.execute(uri: "/api/v1/grade", method: .post, headers: fixture.bearer(fixture.trainer), body: ByteBuffer(json: body)) {
                response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["score"] == 2)
                #expect(json["maxScore"] == 15)
                #expect(json["items"]?.arrayValue?.allSatisfy { $0["id"] != nil && $0["score"] != nil && $0["maxScore"] != nil } == true)
            }
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").isEmpty)
    }

    @Test(
        "bad grade requests are 4xx problems naming the field, never 500",
        arguments: [
            ("{\"assessment\": \"definitions.pre\",", HTTPResponse.Status.badRequest, ""),
            ("[1, 2]", .badRequest, ""),
            ("{\"responses\": {}}", .badRequest, "/assessment"),
            ("{\"assessment\": 3, \"responses\": {}}", .badRequest, "/assessment"),
            ("{\"assessment\": \"definitions.pre\", \"responses\": [\"a\"]}", .badRequest, "/responses"),
            ("{\"assessment\": \"definitions.pre\", \"responses\": {}, \"extra\": 1}", .badRequest, "/extra"),
            ("{\"assessment\": \"nothing.pre\", \"responses\": {}}", .unprocessableContent, "/assessment"),
        ]
    )
    func badGrade(body: String, status: HTTPResponse.Status, pointer: String) async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/grade", method: .post, headers: fixture.bearer(fixture.trainer), body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == status)
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                let problem = try response.json()
                #expect(problem["status"] == .number(Double(status.code)))
                #expect(problem["pointer"] == .string(pointer))
            }
        }
    }

    @Test("tokens: none is 401, a revoked one is 401, a manager may not submit (403), an oversized body is 413")
    func authorization() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let status87636 = try await client.execute(uri: "/api/v1/grade", method: .post, body: ByteBuffer(string: "{}")) { $0.status }
            #expect(status87636 == .unauthorized)
            var wrong = fixture.bearer(fixture.trainer)
            wrong[.authorization] = "Bearer atl_nothing_AAAA"
            let status25573 = try await client.execute(uri: "/api/v1/grade", method: .post, headers: wrong, body: ByteBuffer(string: "{}")) {
                $0.status
            }
            #expect(status25573 == .unauthorized)
            let submission: JSONValue = [
                "id": .string(UUID().uuidString), "participant": .string(fixture.codes[0]), "assessment": "definitions.pre", "responses": [:],
            ]
            let status15523 = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.manager),
                body: ByteBuffer(json: submission)
            ) { $0.status }
            #expect(status15523 == .forbidden)
            let big = ByteBuffer(
                string: "{\"assessment\": \"definitions.pre\", \"responses\": {\"x\": \"" + String(repeating: "a", count: 2 << 20) + "\"}}"
            )
            let status77635 = try await client.execute(uri: "/api/v1/grade", method: .post, headers: fixture.bearer(fixture.trainer), body: big) {
                $0.status
            }
            #expect(status77635 == .contentTooLarge)
        }
        let id = try #require(try await fixture.store.tokens().first { $0.role == .manager }?.id)
        #expect(try await fixture.store.revokeToken(id, actor: "test"))
        try await Task.sleep(for: .seconds(2.1))
        try await fixture.app.test(.router) { client in
            let status45065 = try await client.execute(uri: "/api/v1/sessions/nkc-1/results", method: .get, headers: fixture.bearer(fixture.manager))
            { $0.status }
            #expect(status45065 == .unauthorized)
        }
    }

    @Test("a submission is 201 once, 200 with the same body when resent, 409 when changed; a blank sheet is valid")
    func submissions() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let id = UUID().uuidString
            var body: JSONValue = [
                "id": .string(id), "participant": .string(fixture.codes[0]), "assessment": "definitions.pre", "phase": "pre",
                "responses": ["def-b01": "a"],
            ]
            let first = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: body)
            ) { $0 }
            #expect(first.status == .created)
            let parsed2 = try first.json()
            #expect(parsed2.value(at: "/grade/score") == 1)
            let again = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: body)
            ) { $0 }
            #expect(again.status == .ok)
            #expect(again.text == first.text)
            body = ["id": .string(id), "participant": .string(fixture.codes[0]), "assessment": "definitions.pre", "responses": ["def-b01": "b"]]
            try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: body)
            ) { response in
                #expect(response.status == .conflict)
                let parsed3 = try response.json()
                #expect(parsed3["reason"] == "same-id-different-content")
            }
            let blank: JSONValue = [
                "id": .string(UUID().uuidString), "participant": .string(fixture.codes[1]), "assessment": "definitions.pre", "responses": [:],
            ]
            try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: blank)
            ) { response in
                #expect(response.status == .created)
                let parsed4 = try response.json()
                #expect(parsed4.value(at: "/grade/score") == 0)
            }
        }
        #expect(try await fixture.store.submissions(in: "nkc-1").count == 2)
        #expect(try await fixture.store.quarantine(in: "nkc-1").count == 1)
    }

    @Test(
        "bad submissions name the field at fault",
        arguments: [
            (
                "{\"id\": \"not-a-uuid\", \"participant\": \"P\", \"assessment\": \"definitions.pre\", \"responses\": {}}",
                HTTPResponse.Status.badRequest, "/id"
            ),
            (
                "{\"id\": \"UUID\", \"participant\": \"ZZZZZZ\", \"assessment\": \"definitions.pre\", \"responses\": {}}", .unprocessableContent,
                "/participant"
            ),
            (
                "{\"id\": \"UUID\", \"participant\": \"CODE\", \"assessment\": \"definitions.pre\", \"phase\": \"post\", \"responses\": {}}",
                .unprocessableContent, "/phase"
            ),
            ("{\"id\": \"UUID\", \"participant\": \"CODE\", \"assessment\": \"nothing\", \"responses\": {}}", .unprocessableContent, "/assessment"),
            ("{\"id\": \"UUID\", \"participant\": \"CODE\", \"assessment\": \"definitions.pre\"}", .badRequest, "/responses"),
        ]
    )
    func badSubmissions(template: String, status: HTTPResponse.Status, pointer: String) async throws {
        let fixture = try await ServerFixture.make()
        let body = template.replacingOccurrences(of: "UUID", with: UUID().uuidString).replacingOccurrences(of: "CODE", with: fixture.codes[0])
        try await fixture.app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == status)
                let parsed5 = try response.json()
                #expect(parsed5["pointer"] == .string(pointer))
            }
            let status40391 = try await client.execute(
                uri: "/api/v1/sessions/elsewhere/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(string: body)
            ) { $0.status }
            #expect(status40391 != .internalServerError)
        }
    }

    @Test("results and attendance")
    func resultsAndAttendance() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let mark: JSONValue = ["participant": .string(fixture.codes[0]), "slot": "d1-am", "status": "late"]
            let status83534 = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/attendance",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: mark)
            ) { $0.status }
            #expect(status83534 == .ok)
            let badSlot: JSONValue = ["participant": .string(fixture.codes[0]), "slot": "d9", "status": "late"]
            try await client.execute(
                uri: "/api/v1/sessions/nkc-1/attendance",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: badSlot)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let parsed6 = try response.json()
                #expect(parsed6["pointer"] == "/slot")
            }
            let list = try await client.execute(uri: "/api/v1/sessions/nkc-1/attendance", method: .get, headers: fixture.bearer(fixture.manager)) {
                try $0.json()
            }
            #expect(list.arrayValue?.first?["status"] == "late")
            let results = try await client.execute(uri: "/api/v1/sessions/nkc-1/results", method: .get, headers: fixture.bearer(fixture.manager)) {
                try $0.json()
            }
            #expect(results["rows"]?.arrayValue?.count == 3)
            #expect(results.value(at: "/rows/0/name") == nil)
            let status91060 = try await client.execute(
                uri: "/api/v1/sessions/nowhere/results",
                method: .get,
                headers: fixture.bearer(fixture.manager)
            ) { $0.status }
            #expect(status91060 == .notFound)
        }
    }

    @Test("assessments: a token or a joined participant sees the form, nothing secret; anyone else is 401")
    func assessments() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/api/v1/assessments/protection.post?lang=ar", method: .get, headers: fixture.bearer(fixture.manager)) {
                response in
                #expect(response.status == .ok)
                let json = try response.json()
                #expect(json["direction"] == "rtl")
                #expect(json.allKeys.isDisjoint(with: ["answer", "answers", "accepted", "key", "feedback"]))
            }
            let status33272 = try await client.execute(uri: "/api/v1/assessments/protection.post", method: .get) { $0.status }
            #expect(status33272 == .unauthorized)
            let status80728 = try await client.execute(
                uri: "/api/v1/assessments/protection.post?lang=es",
                method: .get,
                headers: fixture.bearer(fixture.manager)
            ) { $0.status }
            #expect(status80728 == .badRequest)
            let status19011 = try await client.execute(uri: "/api/v1/assessments/nothing", method: .get, headers: fixture.bearer(fixture.manager)) {
                $0.status
            }
            #expect(status19011 == .notFound)
        }
    }
}

@Suite("OpenAPI conformance")
struct OpenAPIConformanceTests {
    /// The required members of a schema of the document, following `$ref`.
    static func required(_ schema: JSONValue, in document: JSONValue) -> [String] {
        if let reference = schema["$ref"]?.stringValue {
            return required(document.value(at: JSONPointer(String(reference.dropFirst()))) ?? [:], in: document)
        }
        return schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test("responses carry every member their documented schema requires")
    func responsesConform() async throws {
        let fixture = try await ServerFixture.make()
        try await fixture.app.test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get) { try $0.json() }
            func schema(_ path: String, _ method: String, _ status: String) -> JSONValue {
                let response = document.value(at: JSONPointer(tokens: ["paths", path, method, "responses", status])) ?? [:]
                if let reference = response["$ref"]?.stringValue {
                    let resolved = document.value(at: JSONPointer(String(reference.dropFirst()))) ?? [:]
                    return resolved.value(at: JSONPointer(tokens: ["content", "application/problem+json", "schema"])) ?? [:]
                }
                return response.value(at: JSONPointer(tokens: ["content", "application/json", "schema"])) ?? [:]
            }
            func check(_ body: JSONValue, _ path: String, _ method: String, _ status: String) {
                let required = Self.required(schema(path, method, status), in: document)
                #expect(!required.isEmpty, "\(method) \(path) \(status) documents no required member")
                let missing = required.filter { body[$0] == nil }
                #expect(missing.isEmpty, "\(method) \(path) \(status) lacks \(missing)")
            }
            let health = try await client.execute(uri: "/api/v1/health", method: .get) { try $0.json() }
            check(health, "/api/v1/health", "get", "200")
            let gradeBody: JSONValue = ["assessment": "definitions.pre", "responses": ["def-b01": "a"]]
            let grade = try await client.execute(
                uri: "/api/v1/grade",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: gradeBody)
            ) { try $0.json() }
            check(grade, "/api/v1/grade", "post", "200")
            for item in grade["items"]?.arrayValue ?? [] {
                #expect(["id", "type", "status", "score", "maxScore", "error"].allSatisfy { item[$0] != nil })
            }
            let submission: JSONValue = [
                "id": .string(UUID().uuidString), "participant": .string(fixture.codes[0]), "assessment": "definitions.pre", "responses": [:],
            ]
            let receipt = try await client.execute(
                uri: "/api/v1/sessions/nkc-1/submissions",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(json: submission)
            ) {
                try $0.json()
            }
            check(receipt, "/api/v1/sessions/{session}/submissions", "post", "201")
            let problem = try await client.execute(
                uri: "/api/v1/grade",
                method: .post,
                headers: fixture.bearer(fixture.trainer),
                body: ByteBuffer(string: "{")
            ) { try $0.json() }
            check(problem, "/api/v1/grade", "post", "400")
            let form = try await client.execute(uri: "/api/v1/assessments/definitions.pre", method: .get, headers: fixture.bearer(fixture.trainer)) {
                try $0.json()
            }
            check(form, "/api/v1/assessments/{id}", "get", "200")
            let results = try await client.execute(uri: "/api/v1/sessions/nkc-1/results", method: .get, headers: fixture.bearer(fixture.trainer)) {
                try $0.json()
            }
            check(results, "/api/v1/sessions/{session}/results", "get", "200")
        }
    }
}

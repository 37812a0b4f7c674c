import AtelierKernel
import Foundation
import Testing

@testable import XAPI

@Suite("xAPI statement export")
struct XAPIStatementExporterTests {
    let exporter = XAPIStatementExporter()
    let validator = XAPIStatementValidator()

    private func export(_ attempts: [AttemptRecord] = AttemptFixtures.attempts) -> ExportResult {
        exporter.export(attempts, context: AttemptFixtures.context)
    }

    private func statements(_ attempts: [AttemptRecord] = AttemptFixtures.attempts) throws -> [JSONValue] {
        try export(attempts).statements()
    }

    @Test("the plugin offers the exporter as xapi, in newline-delimited JSON")
    func registration() {
        #expect(XAPI.exporters.map(\.format) == ["xapi"])
        #expect(XAPI.exporters.first?.mediaType == "application/x-ndjson")
    }

    @Test("writes one compact statement per line, UTF-8, keys in a fixed order")
    func jsonLines() throws {
        let text = String(decoding: export().data, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 66)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"id\":\"") && !$0.contains(": ") })
        #expect(text.contains("ما هي الوسائل المستخدمة في الاتجار بالأشخاص؟"))
        #expect(text.contains("Définitions — pré-test"))
        let keys = try statements().map { $0.objectValue?.keys ?? [] }
        #expect(keys.first == ["id", "actor", "verb", "object", "result", "context", "timestamp", "version"])
    }

    @Test("nothing to export gives an empty file")
    func empty() {
        let result = export([])
        #expect(result.data.isEmpty)
        #expect(result.losses.isEmpty)
    }

    // MARK: - Determinism

    @Test("exporting twice, in any input order, gives the same bytes")
    func byteIdentical() {
        let first = export().data
        #expect(export().data == first)
        #expect(export(AttemptFixtures.attempts.reversed()).data == first)
        #expect(export([3, 0, 5, 1, 4, 2].map { AttemptFixtures.attempts[$0] }).data == first)
    }

    @Test("statement ids are unique, and derived from the submission, verb and item as documented")
    func statementIDs() throws {
        let ids = try statements().compactMap { $0["id"]?.stringValue }
        #expect(ids.count == 66)
        #expect(Set(ids).count == ids.count)
        // uuid.uuid5(uuid.UUID("f9afee51-a556-5c1c-8e88-26c419ab0266"), "<submission>/<verb>/<item>") in Python.
        let first = try statements([AttemptFixtures.attempts[0]])
        #expect(first.first?["id"] == "c0ac80cb-7323-5610-9967-26cb9b5864e7")  // …/answered/def-elements
        #expect(first.first { $0.verbName == "completed" }?["id"] == "50be8de7-ddbf-5f88-9f7c-1272ed48424d")
        #expect(first.first { $0.verbName == "passed" }?["id"] == "bf03e475-e3d2-5456-aab9-1861bf5d91ee")
    }

    @Test("an upper-case submission id is the same submission: same statement ids")
    func submissionIDCase() {
        var upper = AttemptFixtures.attempts[0]
        upper.submissionID = upper.submissionID.uppercased()
        #expect(export([upper]).data == export([AttemptFixtures.attempts[0]]).data)
    }

    @Test("one registration per participant and session, shared by pre and post, different across participants")
    func registrations() throws {
        var byParticipant: [String: Set<String>] = [:]
        for statement in try statements() {
            let code = try #require(statement[path: "actor", "account", "name"]?.stringValue)
            let registration = try #require(statement[path: "context", "registration"]?.stringValue)
            byParticipant[code, default: []].insert(registration)
        }
        #expect(byParticipant.keys.sorted() == AttemptFixtures.participantCodes.sorted())
        #expect(byParticipant.values.allSatisfy { $0.count == 1 })
        #expect(Set(byParticipant.values.flatMap { $0 }).count == 3)
        // uuid5(uuid.UUID("cf2233ef-…"), '["https://atelier.example.org","2026-lome-01","K7M2QX"]') in Python.
        #expect(byParticipant["K7M2QX"] == ["08729d08-33c5-5e32-b2b7-e1e55b8cccde"])

        var otherSession = AttemptFixtures.attempts[0]
        otherSession.sessionID = "2026-kara-02"
        let moved = try statements([otherSession]).first?[path: "context", "registration"]
        #expect(moved != nil && byParticipant["K7M2QX"]?.contains(moved?.stringValue ?? "") == false)
    }

    // MARK: - Counts

    @Test("per attempt: one answered per item, one completed, and passed or failed as graded", arguments: AttemptFixtures.attempts)
    func countsPerAttempt(_ attempt: AttemptRecord) throws {
        let verbs = try statements([attempt]).compactMap(\.verbName)
        #expect(verbs.filter { $0 == "answered" }.count == attempt.items.count)
        #expect(verbs.filter { $0 == "completed" }.count == 1)
        #expect(verbs.filter { $0 == "passed" }.count == (attempt.passed ? 1 : 0))
        #expect(verbs.filter { $0 == "failed" }.count == (attempt.passed ? 0 : 1))
        #expect(verbs.count == attempt.items.count + 2)
        #expect(verbs.suffix(2).first == "completed")
    }

    @Test("the fixtures have both outcomes, and the whole export is the attempts' statements in order of receipt")
    func wholeExport() {
        #expect(Set(AttemptFixtures.attempts.map(\.passed)) == [true, false])
        let concatenated = AttemptFixtures.attempts.reduce(into: Data()) { $0.append(export([$1]).data) }
        #expect(export().data == concatenated)
    }

    // MARK: - Privacy

    @Test("actors are accounts named by participant codes, and no other name or address appears")
    func pseudonymousActors() throws {
        var codes = Set<String>()
        for statement in try statements() {
            let code = try #require(statement[path: "actor", "account", "name"]?.stringValue)
            codes.insert(code)
            #expect(statement["actor"] == ["objectType": "Agent", "account": ["homePage": "https://atelier.example.org", "name": .string(code)]])
            #expect(statement.allKeys.isDisjoint(with: ["mbox", "mbox_sha1sum", "openid"]))
            #expect(namePaths(in: statement, at: "").allSatisfy { $0 == "/actor/account/name" || $0 == "/object/definition/name" })
        }
        #expect(codes == Set(AttemptFixtures.participantCodes))
        #expect(!String(decoding: export().data, as: UTF8.self).contains("mailto:"))
    }

    /// The paths of every `name` member.
    private func namePaths(in value: JSONValue, at path: String) -> [String] {
        switch value {
        case .object(let object):
            object.members.flatMap { member in
                (member.key == "name" ? ["\(path)/\(member.key)"] : []) + namePaths(in: member.value, at: "\(path)/\(member.key)")
            }
        case .array(let elements): elements.flatMap { namePaths(in: $0, at: "\(path)/*") }
        default: []
        }
    }

    // MARK: - Mapping

    @Test("responses use each interaction type's syntax")
    func responses() throws {
        let expected: [String: (type: String, response: String)] = [
            "def-elements": ("choice", "b"),
            "def-means": ("choice", "a[,]c"),
            "def-consent": ("true-false", "true"),
            "def-terms": ("matching", "p1[.]t2[,]p2[.]t1"),
            "id-steps": ("sequencing", "e2[,]e1[,]e3"),
            "def-child-age": ("numeric", "18"),
            "def-term": ("fill-in", "la traite"),
            "conf-identify": ("likert", "4"),
            "case-amina": ("other", #"{"act":true,"classification":"smuggling","means":true,"purpose":false}"#),
        ]
        let answered = try statements([AttemptFixtures.attempts[0]]).filter { $0.verbName == "answered" }
        #expect(answered.count == expected.count)
        for statement in answered {
            let itemID = try #require(statement[path: "object", "id"]?.stringValue?.split(separator: "/").last.map(String.init))
            let mapping = try #require(expected[itemID])
            #expect(statement[path: "object", "definition", "interactionType"]?.stringValue == mapping.type, "\(itemID)")
            #expect(statement[path: "result", "response"]?.stringValue == mapping.response, "\(itemID)")
            #expect(statement[path: "object", "definition", "type"] == "http://adlnet.gov/expapi/activities/cmi.interaction")
        }
    }

    @Test("a number typed with a comma, an unmatched premise and an unanswered item")
    func unusualResponses() throws {
        let pre = try statements([AttemptFixtures.attempts[1]])
        let post = try statements([AttemptFixtures.attempts[4]])
        func item(_ id: String, in statements: [JSONValue]) -> JSONValue? {
            statements.first { $0[path: "object", "id"]?.stringValue?.hasSuffix("/items/\(id)") == true }
        }
        #expect(item("def-child-age", in: pre)?[path: "result", "response"] == "17.5")
        #expect(item("def-terms", in: post)?[path: "result", "response"] == "p1[.]t2")
        let unanswered = item("def-terms", in: pre)
        #expect(unanswered?[path: "result", "response"] == nil)
        #expect(unanswered?[path: "result", "success"] == false)
        #expect(unanswered?[path: "result", "score"] == ["scaled": 0, "raw": 0, "min": 0, "max": 1])
    }

    @Test("item results: a score and success (full marks only) for scored items, none for Likert items")
    func itemScores() throws {
        let post = try statements([AttemptFixtures.attempts[4]])
        func result(_ id: String) -> JSONValue? {
            post.first { $0[path: "object", "id"]?.stringValue?.hasSuffix("/items/\(id)") == true }?["result"]
        }
        #expect(result("def-elements")?["score"] == ["scaled": 1, "raw": 1, "min": 0, "max": 1])
        #expect(result("def-elements")?["success"] == true)
        #expect(result("def-terms")?["score"]?["scaled"] == 0.5)
        #expect(result("def-terms")?["success"] == false)
        #expect(result("case-amina")?["score"] == ["scaled": .number(0.5 / 3), "raw": 0.5, "min": 0, "max": 3])
        #expect(result("conf-identify") == ["response": "4"])
    }

    @Test("passed and failed carry the scaled score, success and the pass mark", arguments: AttemptFixtures.attempts)
    func verdicts(_ attempt: AttemptRecord) throws {
        let verdict = try #require(try statements([attempt]).last)
        #expect(verdict.verbName == (attempt.passed ? "passed" : "failed"))
        #expect(verdict[path: "verb", "display"] == ["en-US": .string(attempt.passed ? "passed" : "failed")])
        #expect(verdict[path: "result", "success"] == .bool(attempt.passed))
        #expect(
            verdict[path: "result", "score"]
                == ["scaled": .number(attempt.score / attempt.maxScore), "raw": .number(attempt.score), "min": 0, "max": .number(attempt.maxScore)]
        )
        #expect(verdict[path: "context", "extensions", "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] == 0.7)
        #expect(
            verdict[path: "object", "definition"] == [
                "name": ["fr": .string(attempt.formTitle?["fr"] ?? "")], "type": "http://adlnet.gov/expapi/activities/assessment",
            ]
        )
    }

    @Test("activities: the item's parent is the form, the form's parent the session, the phase a category")
    func contextActivities() throws {
        let base = "https://atelier.example.org/activities"
        let post = try statements([AttemptFixtures.attempts[3]])
        let answered = try #require(post.first)
        #expect(answered[path: "object", "id"] == .string("\(base)/forms/definitions.post/items/def-elements"))
        #expect(
            answered[path: "context", "contextActivities"] == [
                "parent": [["objectType": "Activity", "id": .string("\(base)/forms/definitions.post")]],
                "grouping": [
                    ["objectType": "Activity", "id": .string("\(base)/sessions/2026-lome-01")],
                    ["objectType": "Activity", "id": .string("\(base)/programs/ct-101")],
                ],
                "category": [["objectType": "Activity", "id": .string("\(base)/phases/post")]],
            ]
        )
        let completed = try #require(post.first { $0.verbName == "completed" })
        #expect(completed[path: "object", "id"] == .string("\(base)/forms/definitions.post"))
        #expect(
            completed[path: "context", "contextActivities", "parent"] == [["objectType": "Activity", "id": .string("\(base)/sessions/2026-lome-01")]]
        )
        #expect(completed[path: "context", "platform"] == "Atelier")
        #expect(completed[path: "context", "language"] == "fr")
        let pre = try statements([AttemptFixtures.attempts[0]])
        #expect(
            pre.allSatisfy {
                $0[path: "context", "contextActivities", "category"] == [["objectType": "Activity", "id": .string("\(base)/phases/pre")]]
            }
        )
    }

    @Test("texts are labelled with the language they are in: the context's when there, else another")
    func languageMaps() throws {
        func descriptions(language: String) throws -> [String: JSONValue] {
            let context = AttemptExportContext(homePage: AttemptFixtures.homePage, language: language)
            let statements = try exporter.export([AttemptFixtures.attempts[0]], context: context).statements()
            return Dictionary(
                uniqueKeysWithValues: statements.compactMap { statement in
                    statement[path: "object", "definition", "description"].map { (statement[path: "object", "id"]?.stringValue ?? "", $0) }
                }
            )
        }
        let french = try descriptions(language: "fr")
        let item = "https://atelier.example.org/activities/forms/definitions.pre/items/"
        #expect(french[item + "def-elements"] == ["fr": "Quels sont les trois éléments constitutifs de la traite des personnes ?"])
        #expect(french[item + "def-means"] == ["ar": "ما هي الوسائل المستخدمة في الاتجار بالأشخاص؟"])
        let arabic = try descriptions(language: "ar")
        #expect(arabic[item + "def-elements"] == ["ar": "ما هي العناصر الثلاثة المكوِّنة لجريمة الاتجار بالأشخاص؟"])
        #expect(arabic[item + "def-consent"]?.objectValue?.keys == ["fr"])
    }

    // MARK: - Time

    @Test("timestamps have milliseconds; durations run from start to receipt, only when the start is known")
    func timeAndDuration() throws {
        let first = try statements([AttemptFixtures.attempts[0]])
        #expect(first.allSatisfy { $0["timestamp"] == "2026-09-01T10:14:00.250Z" })
        #expect(first.first { $0.verbName == "completed" }?["result"] == ["completion": true, "duration": "PT14M2S"])
        #expect(first.last?[path: "result", "duration"] == "PT14M2S")
        #expect(try statements([AttemptFixtures.attempts[1]]).last?[path: "result", "duration"] == "PT17M30S")
        let unknownStart = try statements([AttemptFixtures.attempts[4]])
        #expect(unknownStart.first { $0.verbName == "completed" }?["result"] == ["completion": true])
        #expect(unknownStart.allSatisfy { $0[path: "result", "duration"] == nil })
    }

    @Test(
        "durations in ISO 8601, to the hundredth of a second",
        arguments: [
            (0.0, "PT0S"), (0.01, "PT0.01S"), (842, "PT14M2S"), (0.05, "PT0.05S"), (59.999, "PT1M"), (3603.25, "PT1H3.25S"), (7200, "PT2H"),
            (90061.5, "PT25H1M1.5S"),
        ]
    )
    func durations(seconds: Double, expected: String) {
        let start = AttemptFixtures.date("2026-09-01T10:00:00.000Z")
        #expect(XAPITime.duration(from: start, to: start.addingTimeInterval(seconds)) == expected)
    }

    @Test("timestamps round to the millisecond, carrying into the second")
    func timestamps() {
        #expect(XAPITime.timestamp(Date(timeIntervalSince1970: 1.9996)) == "1970-01-01T00:00:02.000Z")
        #expect(XAPITime.timestamp(Date(timeIntervalSince1970: 1_788_257_640.007)) == "2026-09-01T10:14:00.007Z")
    }

    // MARK: - What cannot be carried

    @Test("a case analysis is reported as a loss; nothing else in the fixtures is")
    func fixtureLosses() {
        let losses = export().losses
        #expect(losses.count == 1)
        #expect(losses.first?.contains("Case analyses") == true)
    }

    @Test("a submission given twice is exported once, and reported")
    func duplicateSubmission() throws {
        let attempt = AttemptFixtures.attempts[0]
        let result = export([attempt, attempt])
        #expect(try result.statements().count == attempt.items.count + 2)
        #expect(result.losses.contains { $0.contains(attempt.submissionID) && $0.contains("more than once") })
    }

    @Test("an item listed twice is exported once, and reported")
    func duplicateItem() throws {
        var attempt = AttemptFixtures.attempts[0]
        attempt.items.append(attempt.items[0])
        let result = export([attempt])
        let ids = try result.statements().compactMap { $0["id"]?.stringValue }
        #expect(ids.count == attempt.items.count + 1)
        #expect(Set(ids).count == ids.count)
        #expect(result.losses.contains { $0.contains("def-elements") })
    }

    @Test("a start after the receipt gives no duration, and is reported")
    func clockSkew() throws {
        var attempt = AttemptFixtures.attempts[0]
        attempt.startedAt = attempt.receivedAt.addingTimeInterval(60)
        let result = export([attempt])
        #expect(try result.statements().allSatisfy { $0[path: "result", "duration"] == nil })
        #expect(result.losses.contains { $0.contains("duration") })
    }

    @Test("an unknown item type becomes an other interaction with its response as JSON, and is reported")
    func unknownItemType() throws {
        var attempt = AttemptFixtures.attempts[0]
        attempt.items[0].type = "hotspot"
        attempt.items[0].response = ["x": 120, "y": 48]
        let result = export([attempt])
        let first = try #require(try result.statements().first)
        #expect(first[path: "object", "definition", "interactionType"] == "other")
        #expect(first[path: "result", "response"] == #"{"x":120,"y":48}"#)
        #expect(validator.problems(in: first).isEmpty)
        #expect(result.losses.contains { $0.contains("hotspot") })
    }

    @Test("a grade outside 0…max is clamped so the statement stays valid, and reported")
    func clampedScore() throws {
        var attempt = AttemptFixtures.attempts[0]
        attempt.score = 11
        let result = export([attempt])
        let verdict = try #require(try result.statements().last)
        #expect(verdict[path: "result", "score"] == ["scaled": 1, "raw": 10, "min": 0, "max": 10])
        #expect(validator.problems(in: verdict).isEmpty)
        #expect(result.losses.contains { $0.contains("clamped") })
    }

    @Test("ids with spaces, accents or slashes are percent-encoded into valid IRIs; a trailing slash is dropped")
    func encodedIRIs() throws {
        var attempt = AttemptFixtures.attempts[0]
        attempt.sessionID = "Lomé 2026/01"
        let context = AttemptExportContext(homePage: "https://atelier.example.org/", language: "fr")
        let statements = try exporter.export([attempt], context: context).statements()
        let completed = try #require(statements.first { $0.verbName == "completed" })
        #expect(
            completed[path: "context", "contextActivities", "parent"]
                == [["objectType": "Activity", "id": "https://atelier.example.org/activities/sessions/Lom%C3%A9%202026%2F01"]]
        )
        #expect(completed[path: "actor", "account", "homePage"] == "https://atelier.example.org")
        #expect(statements.allSatisfy { validator.problems(in: $0).isEmpty })
    }
}

import AtelierKernel
import Testing

@testable import XAPI

@Suite("xAPI statement rules")
struct XAPIStatementValidatorTests {
    let validator = XAPIStatementValidator()

    @Test("every exported statement follows the statement rules")
    func exportedStatementsAreValid() throws {
        let statements = try XAPIStatementExporter().export(AttemptFixtures.attempts, context: AttemptFixtures.context).statements()
        #expect(statements.count == 66)
        for statement in statements {
            let problems = validator.problems(in: statement)
            #expect(problems.isEmpty, "\(statement.serialized()): \(problems)")
        }
    }

    /// A valid exported statement with one member replaced (or removed), and the problem it must cause.
    struct BrokenStatement: Sendable, CustomTestStringConvertible {
        enum Base: Sendable { case verdict, answered }
        let testDescription: String
        let base: Base
        let path: [String]
        let value: JSONValue?
        let problem: String
    }

    static let broken: [BrokenStatement] = [
        BrokenStatement(testDescription: "no actor", base: .verdict, path: ["actor"], value: nil, problem: "/actor: required"),
        BrokenStatement(testDescription: "no verb", base: .verdict, path: ["verb"], value: nil, problem: "/verb: required"),
        BrokenStatement(testDescription: "no object", base: .answered, path: ["object"], value: nil, problem: "/object: required"),
        BrokenStatement(testDescription: "id not a UUID", base: .verdict, path: ["id"], value: "statement-1", problem: "/id:"),
        BrokenStatement(
            testDescription: "id of version 4",
            base: .verdict,
            path: ["id"],
            value: "c3ff5e16-30ce-4c9b-8f2a-51627bb7941b",
            problem: "/id:"
        ),
        BrokenStatement(
            testDescription: "id of another variant",
            base: .verdict,
            path: ["id"],
            value: "886313e1-3b8a-5372-cb90-0c9aee199e5d",
            problem: "/id:"
        ),
        BrokenStatement(
            testDescription: "a verb outside the ADL set used",
            base: .verdict,
            path: ["verb", "id"],
            value: "http://adlnet.gov/expapi/verbs/experienced",
            problem: "/verb/id:"
        ),
        BrokenStatement(testDescription: "a verb id not an IRI", base: .answered, path: ["verb", "id"], value: "answered", problem: "not an IRI"),
        BrokenStatement(
            testDescription: "display not a language map",
            base: .answered,
            path: ["verb", "display"],
            value: "answered",
            problem: "/verb/display"
        ),
        BrokenStatement(
            testDescription: "display keyed by a non-tag",
            base: .answered,
            path: ["verb", "display"],
            value: ["en US": "answered"],
            problem: "not a language tag"
        ),
        BrokenStatement(
            testDescription: "account without a home page",
            base: .verdict,
            path: ["actor", "account", "homePage"],
            value: nil,
            problem: "/actor/account/homePage"
        ),
        BrokenStatement(
            testDescription: "account home page not an IRL",
            base: .verdict,
            path: ["actor", "account", "homePage"],
            value: "atelier.example.org",
            problem: "/actor/account/homePage"
        ),
        BrokenStatement(
            testDescription: "account without a name",
            base: .verdict,
            path: ["actor", "account", "name"],
            value: nil,
            problem: "/actor/account/name"
        ),
        BrokenStatement(
            testDescription: "two identifiers",
            base: .verdict,
            path: ["actor", "mbox"],
            value: "mailto:amina@example.org",
            problem: "exactly one identifier"
        ),
        BrokenStatement(
            testDescription: "scaled above 1",
            base: .verdict,
            path: ["result", "score", "scaled"],
            value: 1.5,
            problem: "/result/score/scaled: outside −1…1"
        ),
        BrokenStatement(
            testDescription: "scaled negative",
            base: .verdict,
            path: ["result", "score", "scaled"],
            value: -0.5,
            problem: "/result/score/scaled: outside 0…1"
        ),
        BrokenStatement(
            testDescription: "raw above max",
            base: .verdict,
            path: ["result", "score", "raw"],
            value: 12,
            problem: "/result/score/raw: above max"
        ),
        BrokenStatement(
            testDescription: "min not below max",
            base: .verdict,
            path: ["result", "score", "min"],
            value: 10,
            problem: "min must be below max"
        ),
        BrokenStatement(
            testDescription: "a duration in words",
            base: .verdict,
            path: ["result", "duration"],
            value: "14 minutes",
            problem: "/result/duration"
        ),
        BrokenStatement(
            testDescription: "an empty duration",
            base: .verdict,
            path: ["result", "duration"],
            value: "PT",
            problem: "/result/duration"
        ),
        BrokenStatement(
            testDescription: "success as text",
            base: .verdict,
            path: ["result", "success"],
            value: "true",
            problem: "/result/success: not a boolean"
        ),
        BrokenStatement(
            testDescription: "a response not a string",
            base: .answered,
            path: ["result", "response"],
            value: 18,
            problem: "/result/response"
        ),
        BrokenStatement(testDescription: "timestamp without a time", base: .verdict, path: ["timestamp"], value: "2026-09-01", problem: "/timestamp"),
        BrokenStatement(
            testDescription: "timestamp in month 13",
            base: .verdict,
            path: ["timestamp"],
            value: "2026-13-01T10:14:00.250Z",
            problem: "/timestamp"
        ),
        BrokenStatement(
            testDescription: "timestamp without a time zone",
            base: .verdict,
            path: ["timestamp"],
            value: "2026-09-01T10:14:00",
            problem: "/timestamp"
        ),
        BrokenStatement(
            testDescription: "an unknown top-level key",
            base: .answered,
            path: ["score"],
            value: 1,
            problem: "/score: not a statement property"
        ),
        BrokenStatement(
            testDescription: "registration not a UUID",
            base: .answered,
            path: ["context", "registration"],
            value: "K7M2QX-2026-lome-01",
            problem: "/context/registration"
        ),
        BrokenStatement(
            testDescription: "an activity id not an IRI",
            base: .answered,
            path: ["object", "id"],
            value: "forms/definitions.pre/items/def-elements",
            problem: "/object/id: not an IRI"
        ),
        BrokenStatement(
            testDescription: "an unknown interaction type",
            base: .answered,
            path: ["object", "definition", "interactionType"],
            value: "essay",
            problem: "interactionType"
        ),
        BrokenStatement(
            testDescription: "a category activity id not an IRI",
            base: .answered,
            path: ["context", "contextActivities", "category"],
            value: [["objectType": "Activity", "id": "pre"]],
            problem: "/context/contextActivities/category/0/id"
        ),
        BrokenStatement(
            testDescription: "an unknown context activity list",
            base: .answered,
            path: ["context", "contextActivities", "phase"],
            value: [],
            problem: "not parent, grouping, category or other"
        ),
    ]

    @Test("a broken statement fails with the expected problem", arguments: broken)
    func brokenStatementFails(_ broken: BrokenStatement) throws {
        let statements = try XAPIStatementExporter().export([AttemptFixtures.attempts[0]], context: AttemptFixtures.context).statements()
        let base = try #require(statements.first { $0.verbName == (broken.base == .verdict ? "passed" : "answered") })
        #expect(validator.problems(in: base).isEmpty)
        let problems = validator.problems(in: base.replacing(broken.path, with: broken.value))
        #expect(problems.contains { $0.contains(broken.problem) }, "\(problems)")
    }

    @Test("a statement that is not an object fails")
    func notAnObject() {
        #expect(!validator.problems(in: ["id", "actor"]).isEmpty)
    }
}

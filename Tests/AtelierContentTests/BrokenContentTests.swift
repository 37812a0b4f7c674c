import AtelierKernel
import Foundation
import Testing

/// Each deliberately broken file yields its diagnostic at the right line and JSON pointer.
@Suite("Diagnostics of broken content")
struct BrokenContentTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var code: String
        var line: Int
        var pointer: String
        var fragment: String
        var description: String { "\(file) → \(code)" }
    }

    static let cases: [Expected] = [
        Expected(
            file: "malformed-json.json",
            code: "json-syntax",
            line: 7,
            pointer: "",
            fragment: "expected ',' or '}' after the value of \"module\""
        ),
        Expected(file: "unknown-key.json", code: "unknown-key", line: 19, pointer: "/pasMark", fragment: "unknown key 'pasMark'"),
        Expected(
            file: "wrong-type.json",
            code: "wrong-type",
            line: 11,
            pointer: "/passMark",
            fragment: "expected a number, found the string \"70%\""
        ),
        Expected(file: "missing-field.json", code: "missing-property", line: 1, pointer: "", fragment: "missing required property 'phase'"),
        Expected(file: "pass-mark-out-of-range.json", code: "out-of-range", line: 11, pointer: "/passMark", fragment: "must be between 0 and 1"),
        Expected(
            file: "dangling-objective-and-source.json",
            code: "unknown-objective",
            line: 20,
            pointer: "/items/1/objectives/0",
            fragment: "no objective 'mini-o9'"
        ),
        Expected(file: "dangling-objective-and-source.json", code: "unknown-source", line: 23, pointer: "/items/1/sources/0", fragment: "'S99'"),
        Expected(file: "dangling-item.json", code: "unknown-item", line: 17, pointer: "/items/1/ref", fragment: "no item 'mini-b99'"),
        Expected(file: "dangling-module.json", code: "unknown-module", line: 6, pointer: "/module", fragment: "no module 'nowhere'"),
        Expected(
            file: "unknown-item-type.json",
            code: "unknown-item-type",
            line: 19,
            pointer: "/items/1/type",
            fragment: "unknown item type 'essay'"
        ),
        Expected(
            file: "key-not-a-choice.json",
            code: "answer-not-a-choice",
            line: 27,
            pointer: "/items/1/body/answer",
            fragment: "\"e\" is not one of the choices a, b"
        ),
        Expected(
            file: "matching-missing-target.json",
            code: "pair-to-missing-target",
            line: 31,
            pointer: "/items/1/body/answer/p2",
            fragment: "'t3', which is not a target"
        ),
        Expected(
            file: "negative-tolerance.json",
            code: "negative-tolerance",
            line: 22,
            pointer: "/items/1/body/tolerance",
            fragment: "cannot be negative"
        ),
        Expected(
            file: "ordering-not-a-permutation.json",
            code: "key-not-a-permutation",
            line: 27,
            pointer: "/items/1/body/answer",
            fragment: "repeated e1; missing e2"
        ),
        Expected(file: "missing-language.json", code: "missing-language", line: 21, pointer: "/items/1/prompt", fragment: "missing the 'fr' text"),
        Expected(
            file: "case-analysis-contradiction.json",
            code: "key-contradicts-definition",
            line: 25,
            pointer: "/items/1/body/key/classification",
            fragment: "means (required for an adult)"
        ),
        Expected(
            file: "duplicate-id.json",
            code: "duplicate-id",
            line: 10,
            pointer: "/items/0/id",
            fragment: "the item id 'mini-b01' is already used"
        ),
        Expected(file: "duplicate-key.json", code: "duplicate-key", line: 19, pointer: "/passMark", fragment: "appears twice"),
        Expected(file: "program-dangling-unit.json", code: "unknown-unit", line: 18, pointer: "/schedule/0/units/1", fragment: "no unit 'mini-u7'"),
    ]

    @Test("reports the expected diagnostic at its line and pointer", arguments: cases)
    func reports(expected: Expected) throws {
        let file = Repository.fixture("broken/" + expected.file)
        let result = ContentLoader(registry: Repository.registry).load(paths: [file], context: [Repository.fixture("mini")])
        let match = result.diagnostics.first { $0.code == expected.code && $0.file == file }
        let diagnostic = try #require(match, "no \(expected.code) in \(result.diagnostics.map(\.formatted))")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.line == expected.line)
        #expect(diagnostic.pointer == expected.pointer)
        #expect(diagnostic.message.contains(expected.fragment), "\(diagnostic.message)")
        #expect(result.diagnostics.allSatisfy { $0.file == file }, "context files are not reported on")
    }

    @Test("the fixtures' valid base has no problem at all")
    func baseIsClean() {
        let result = ContentLoader(registry: Repository.registry).load(paths: [Repository.fixture("mini")])
        #expect(result.diagnostics.map(\.formatted) == [])
    }

    @Test("lists the known item types for an unknown one, and suggests near misses")
    func unknownTypeHint() throws {
        let file = Repository.fixture("broken/unknown-item-type.json")
        let result = ContentLoader(registry: Repository.registry).load(paths: [file], context: [Repository.fixture("mini")])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "unknown-item-type" })
        #expect(diagnostic.hint == "known item types: " + Repository.registry.itemKinds.joined(separator: ", "))
        let typo = try #require(
            ContentLoader(registry: Repository.registry).load(
                paths: [Repository.fixture("broken/unknown-key.json")],
                context: [Repository.fixture("mini")]
            )
            .diagnostics.first { $0.code == "unknown-key" }
        )
        #expect(typo.hint?.hasPrefix("did you mean 'passMark'?") == true)
    }

    @Test("reports pre and post forms that share no item and no objective")
    func notComparable() throws {
        let result = ContentLoader(registry: Repository.registry).load(paths: [Repository.fixture("not-comparable")])
        let diagnostic = try #require(result.diagnostics.first { $0.code == "prepost-not-comparable" })
        #expect(diagnostic.file == Repository.fixture("not-comparable/post.json"))
        #expect(diagnostic.line == 15)
        #expect(diagnostic.pointer == "/items")
    }

    @Test("reports every problem of a file in one run: schema errors and a wrong answer key together")
    func reportsEverything() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = try String(contentsOfFile: Repository.fixture("broken/key-not-a-choice.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"passMark\": 0.5", with: "\"passMark\": 2").replacingOccurrences(
            of: "\"feedback\": \"after-release\"",
            with: "\"feedbak\": \"after-release\""
        )
        let file = directory.appendingPathComponent("form.json").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let result = ContentLoader(registry: Repository.registry).load(paths: [file], context: [Repository.fixture("mini")])
        #expect(Set(result.diagnostics.map(\.code)).isSuperset(of: ["out-of-range", "unknown-key", "missing-property", "answer-not-a-choice"]))
    }

    @Test("rejects a file over the size limit with a clear message, reading none of it")
    func sizeLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-big-\(UUID().uuidString).json").path
        try Data(repeating: UInt8(ascii: " "), count: 5_000).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let loader = ContentLoader(registry: Repository.registry, limits: .init(maxFileBytes: 4_096))
        let diagnostic = try #require(loader.load(paths: [file]).diagnostics.first)
        #expect(diagnostic.code == "file-too-large")
        #expect(diagnostic.message == "the file is 5000 bytes; content files are limited to 4096 bytes")
    }

    @Test("rejects absurdly deep nesting with its position, never crashing")
    func depthLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("atelier-deep-\(UUID().uuidString).json").path
        let text = "{\"kind\": \"form\",\n \"x\": " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "}"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let diagnostic = try #require(ContentLoader(registry: Repository.registry).load(paths: [file]).diagnostics.first)
        #expect(diagnostic.code == "json-syntax")
        #expect(diagnostic.message == "nesting is deeper than 64 levels")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.column == 70)
    }

    @Test("reports a path that does not exist")
    func missingPath() throws {
        let diagnostic = try #require(ContentLoader(registry: Repository.registry).load(paths: ["/nonexistent/Curricula"]).diagnostics.first)
        #expect(diagnostic.code == "path-not-found")
    }
}

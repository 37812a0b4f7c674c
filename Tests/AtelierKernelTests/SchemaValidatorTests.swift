import Testing

@testable import AtelierKernel

@Suite("Schema validator")
struct SchemaValidatorTests {
    let document = SchemaDocument(
        fileName: "test.schema.json",
        title: "Test",
        summary: "A test document.",
        root: .object([
            Property("languages", .array(of: .string(), minItems: 1, unique: true)),
            Property("phase", .oneOf(["pre", "post"])),
            Property("passMark", .number(minimum: 0, maximum: 1, summary: "A fraction from 0 to 1.")),
            Property("title", .text()),
            .optional("notes", .trainerText()),
            .optional("tags", .array(of: .identifier(), unique: true)),
        ]),
        definitions: []
    )

    func validate(_ text: String) throws -> [Diagnostic] {
        let parsed = try JSONParser.parse(text)
        var validator = SchemaValidator(
            document: document,
            diagnostics: DocumentDiagnostics(file: "t.json", sourceMap: parsed.sourceMap),
            root: parsed.value
        )
        validator.validate(parsed.value)
        return validator.diagnostics.diagnostics
    }

    @Test("accepts a valid document")
    func acceptsValid() throws {
        #expect(try validate(#"{"languages": ["fr", "ar"], "phase": "pre", "passMark": 0.7, "title": {"fr": "a", "ar": "ب"}}"#).isEmpty)
    }

    @Test("reports every problem in one run, each at its own line")
    func reportsAll() throws {
        let diagnostics = try validate(
            """
            {
              "languages": ["fr", "ar"],
              "phaze": "pre",
              "passMark": 70,
              "title": {"fr": "Titre"},
              "tags": ["ok", "Not OK", "ok"]
            }
            """
        )
        let summary = diagnostics.map { "\($0.line):\($0.column) \($0.code) \($0.pointer)" }.sorted()
        #expect(
            summary == [
                "1:1 missing-property ", "3:3 unknown-key /phaze", "4:15 out-of-range /passMark", "5:12 missing-language /title",
                "6:18 invalid-format /tags/1", "6:28 duplicate-value /tags/2",
            ]
        )
        let unknown = try #require(diagnostics.first { $0.code == "unknown-key" })
        #expect(unknown.hint?.hasPrefix("did you mean 'phase'?") == true)
        let language = try #require(diagnostics.first { $0.code == "missing-language" })
        #expect(language.message == "missing the 'ar' text")
    }

    @Test("names the expected and the found type")
    func wrongTypes() throws {
        let diagnostics = try validate(#"{"languages": "fr", "phase": 1, "passMark": "70%", "title": "Titre"}"#)
        let messages = Dictionary(uniqueKeysWithValues: diagnostics.map { ($0.pointer, $0.message) })
        #expect(messages["/languages"] == "expected an array, found the string \"fr\"")
        #expect(messages["/phase"] == "expected a string, found the number 1")
        #expect(messages["/passMark"] == "expected a number, found the string \"70%\"")
        #expect(messages["/title"]?.hasPrefix("expected text in each language") == true)
    }

    @Test("suggests the closest allowed value")
    func suggestsValues() throws {
        let diagnostics = try validate(#"{"languages": ["fr"], "phase": "psot", "passMark": 1, "title": {"fr": "a"}}"#)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].hint?.hasPrefix("did you mean 'post'?") == true)
    }

    @Test("checks trainer texts against trainerLanguages, participant texts against languages")
    func audiences() throws {
        let diagnostics = try validate(
            #"{"languages": ["fr", "ar"], "trainerLanguages": ["fr", "en"], "phase": "pre", "passMark": 1, "title": {"fr": "a", "ar": "b"}, "notes": {"fr": "n"}}"#
        )
        #expect(diagnostics.map(\.code).contains("unknown-key"))  // trainerLanguages is not in this test schema
        let missing = try #require(diagnostics.first { $0.code == "missing-language" })
        #expect(missing.pointer == "/notes")
        #expect(missing.message == "missing the 'en' text")
    }

    @Test("exports JSON Schema 2020-12 with closed objects and variant bodies")
    func exportsJSONSchema() {
        let schema = document.jsonSchema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] == false)
        #expect(schema["required"] == ["languages", "phase", "passMark", "title"])
        #expect(schema.value(at: "/properties/title/$ref") == "#/$defs/participantText")
        #expect(schema.value(at: "/$defs/participantText/type") == "object")
    }
}

@Suite("Suggestions")
struct SuggestionTests {
    @Test(
        "finds likely typos and nothing else",
        arguments: [
            ("answr", "answer"), ("pasMark", "passMark"), ("objective", "objectives"), ("zzzzzz", nil),
        ]
    )
    func closest(word: String, expected: String?) {
        #expect(Suggestion.closest(to: word, among: ["answer", "passMark", "objectives", "items"]) == expected)
    }
}

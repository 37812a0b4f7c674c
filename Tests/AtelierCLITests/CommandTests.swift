import AtelierKernel
import Foundation
import Testing

@Suite("atelier validate")
struct ValidateCommandTests {
    @Test("checks the repository's content by default and exits 0")
    func validatesRepository() async {
        let run = await CLI.run(["validate"])
        #expect(run.exitCode == 0)
        #expect(run.output == "ok: 15 files checked, no problems")
    }

    @Test("finds the content from a subfolder of the repository")
    func findsContentFromSubfolder() async {
        let run = await CLI.run(["validate"], in: CLI.root + "/Sources")
        #expect(run.exitCode == 0)
    }

    @Test("prints compiler-style diagnostics with hints and exits 1")
    func reportsText() async {
        let run = await CLI.run([
            "validate", "Tests/AtelierContentTests/Fixtures/broken/key-not-a-choice.json", "Tests/AtelierContentTests/Fixtures/mini",
        ])
        #expect(run.exitCode == 1)
        #expect(
            run.output.contains(
                "Tests/AtelierContentTests/Fixtures/broken/key-not-a-choice.json:27:19: error: /items/1/body/answer: \"e\" is not one of the choices a, b\n    hint: set answer to the id of the correct choice"
            )
        )
        #expect(run.output.hasSuffix("1 error, 2 warnings in 5 files"))
    }

    @Test("prints JSON with every documented key")
    func reportsJSON() async throws {
        let run = await CLI.run([
            "validate", "--format", "json", "Tests/AtelierContentTests/Fixtures/broken/unknown-key.json", "Tests/AtelierContentTests/Fixtures/mini",
        ])
        #expect(run.exitCode == 1)
        let json = try run.json()
        let diagnostics = try #require(json["diagnostics"]?.arrayValue)
        let first = try #require(diagnostics.first { $0["code"] == "unknown-key" })
        #expect(Set(first.objectValue?.keys ?? []) == ["severity", "code", "file", "line", "column", "pointer", "message", "hint"])
        #expect(first["line"] == 19)
        #expect(first["pointer"] == "/pasMark")
        #expect(json["errors"] == 1)
    }

    @Test("reports a JSON syntax error with its position, exit 1")
    func syntaxError() async {
        let run = await CLI.run(["validate", "Tests/AtelierContentTests/Fixtures/broken/malformed-json.json"])
        #expect(run.exitCode == 1)
        #expect(run.output.contains("malformed-json.json:7:3: error: expected ',' or '}' after the value of \"module\", found '\"'"))
    }

    @Test("says what to do when there is nothing to validate")
    func nothingToValidate() async throws {
        let empty = try CLI.temporaryDirectory()
        let run = await CLI.run(["validate"], in: empty)
        #expect(run.exitCode == 1)
        #expect(run.error.contains("nothing to validate"))
        #expect(run.error.contains("hint:"))
    }
}

@Suite("atelier grade")
struct GradeCommandTests {
    let sheet = "Tests/AtelierContentTests/Fixtures/sheets/definitions.pre.partial.json"

    @Test("prints the documented JSON: score, maxScore, percent and each item")
    func gradesJSON() async throws {
        let run = await CLI.run(["grade", "--assessment", "definitions.pre", "--responses", sheet, "--format", "json"])
        #expect(run.exitCode == 0)
        let json = try run.json()
        #expect(json["score"] == 8.016667)
        #expect(json["maxScore"] == 15)
        #expect(json["percent"] == 53.44)
        #expect(json["passed"] == false)
        let items = try #require(json["items"]?.arrayValue)
        #expect(items.count == 16)
        #expect(items.allSatisfy { item in ["id", "score", "maxScore"].allSatisfy { item[$0] != nil } })
        let invalid = try #require(items.first { $0["id"] == "def-pre09" })
        #expect(invalid["status"] == "invalid")
        #expect(invalid["error"] == "expected the id of one choice as a string, found number")
        #expect(json["unknownItems"] == ["not-an-item"])
    }

    @Test("prints a readable table with the total")
    func gradesText() async {
        let run = await CLI.run(["grade", "--assessment", "definitions.pre", "--responses", sheet])
        #expect(run.exitCode == 0)
        #expect(run.output.hasPrefix("definitions.pre: 8.02 / 15 (53.44%), not passed (pass mark 70%)"))
        #expect(run.output.contains("invalid: expected the id of one choice as a string, found number"))
        #expect(run.output.contains("ignored responses for items not on this form: not-an-item"))
    }

    @Test("the key printed by `assessment key` grades 100%, for every form")
    func keyGradesFull() async throws {
        let directory = try CLI.temporaryDirectory()
        for form in ["definitions.pre", "definitions.post", "identification.pre", "identification.post", "protection.pre", "protection.post"] {
            let key = await CLI.run(["assessment", "key", form])
            #expect(key.exitCode == 0)
            let file = directory + "/\(form).json"
            try key.output.write(toFile: file, atomically: true, encoding: .utf8)
            let run = await CLI.run(["grade", "--assessment", form, "--responses", file, "--format", "json"])
            #expect(try run.json()["percent"] == 100, "\(form)")
        }
    }

    @Test(
        "explains bad responses files with their position",
        arguments: [
            ("{\"responses\": {\"def-b01\": \"a\",}}", "1:31: trailing comma before '}'"),
            ("[1, 2]", "1:1: expected an object {\"responses\": {…}}, found array"),
            ("{\"answers\": {}}", "1:2: /answers: unknown key 'answers'"),
            ("{}", "1:1: missing \"responses\""),
            ("{\"responses\": [\"a\"]}", "1:15: /responses: expected an object keyed by item id, found array"),
        ]
    )
    func badFiles(content: String, message: String) async throws {
        let file = try CLI.temporaryDirectory() + "/answers.json"
        try content.write(toFile: file, atomically: true, encoding: .utf8)
        let run = await CLI.run(["grade", "--assessment", "definitions.pre", "--responses", file])
        #expect(run.exitCode == 1)
        #expect(run.error.contains(message), "\(run.error)")
        #expect(!run.error.contains("Fatal"))
    }

    @Test("names the known forms when the form does not exist, and a missing file plainly")
    func unknownForm() async throws {
        let file = try CLI.temporaryDirectory() + "/answers.json"
        try "{\"responses\": {}}".write(toFile: file, atomically: true, encoding: .utf8)
        let run = await CLI.run(["grade", "--assessment", "definitions.mid", "--responses", file])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("error: no assessment form 'definitions.mid'"))
        #expect(run.error.contains("known forms: definitions.post, definitions.pre"))
        let missing = await CLI.run(["grade", "--assessment", "definitions.pre", "--responses", "nowhere.json"])
        #expect(missing.exitCode == 1)
        #expect(missing.error.contains("nowhere.json: no such file"))
    }

    @Test("refuses to run on content with errors, pointing to validate")
    func brokenContent() async throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/Assessments", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.root + "/Tests/AtelierContentTests/Fixtures/broken/wrong-type.json",
            toPath: directory + "/Assessments/form.json"
        )
        try "{\"responses\": {}}".write(toFile: directory + "/a.json", atomically: true, encoding: .utf8)
        let run = await CLI.run(["grade", "--assessment", "mini.retention", "--responses", "a.json"], in: directory)
        #expect(run.exitCode == 1)
        #expect(run.error.contains("the content has"))
        #expect(run.error.contains("run `atelier validate`"))
    }
}

@Suite("atelier assessment and curricula")
struct ListingCommandTests {
    @Test("assessment list --format json has the documented keys")
    func assessmentList() async throws {
        let run = await CLI.run(["assessment", "list", "--format", "json"])
        #expect(run.exitCode == 0)
        let entries = try #require(try run.json().arrayValue)
        #expect(entries.count == 6)
        for entry in entries {
            #expect(["id", "module", "phase", "items"].allSatisfy { entry[$0] != nil })
        }
        #expect(entries.first?["id"] == "definitions.pre")
    }

    @Test("assessment preview in Arabic is right-to-left and holds no key")
    func previewArabic() async throws {
        let run = await CLI.run(["assessment", "preview", "protection.pre", "--lang", "ar", "--format", "json"])
        #expect(run.exitCode == 0)
        let json = try run.json()
        #expect(json["direction"] == "rtl")
        #expect(json["language"] == "ar")
        for key in ["\"answer\"", "\"answers\"", "\"accepted\"", "\"key\"", "\"feedback\""] {
            #expect(!run.output.contains(key))
        }
        let text = await CLI.run(["assessment", "preview", "protection.pre", "--lang", "ar"])
        #expect(text.output.contains("الاتجار بالأشخاص"))
    }

    @Test("assessment preview refuses a language the form does not have")
    func previewUnknownLanguage() async {
        let run = await CLI.run(["assessment", "preview", "definitions.pre", "--lang", "es"])
        #expect(run.exitCode == 1)
        #expect(run.error.contains("'es' is not one of the available languages fr, en, ar"))
    }

    @Test("curricula list and show work in every language")
    func curricula() async throws {
        let list = try await CLI.run(["curricula", "list", "--format", "json"]).json()
        #expect(
            list.arrayValue?.compactMap { $0["id"]?.stringValue }.sorted() == [
                "awareness-civil-society", "definitions", "identification", "minors-brigade-2day", "police-gendarmerie-2day", "protection",
            ]
        )
        for language in ["fr", "en", "ar"] {
            let module = await CLI.run(["curricula", "show", "definitions", "--lang", language])
            #expect(module.exitCode == 0)
            #expect(module.output.contains("def-o1"))
            let program = await CLI.run(["curricula", "show", "police-gendarmerie-2day", "--lang", language])
            #expect(program.output.contains("08:30–12:30"))
        }
        let unknown = await CLI.run(["curricula", "show", "nothing"])
        #expect(unknown.exitCode == 1)
        #expect(unknown.error.contains("no module or program 'nothing'"))
    }

    @Test("schema --check passes on the repository")
    func schemaCheck() async {
        let run = await CLI.run(["schema", "--check"])
        #expect(run.exitCode == 0)
        #expect(run.output == "schemas are up to date")
    }
}

@Suite("atelier help")
struct HelpTests {
    @Test(
        "every command's help has an example",
        arguments: [
            ["validate"], ["curricula", "list"], ["curricula", "show"], ["assessment", "list"], ["assessment", "preview"],
            ["assessment", "key"], ["grade"], ["schema"],
        ]
    )
    func examples(command: [String]) async {
        let run = await CLI.run(command + ["--help"])
        #expect(run.exitCode == 0)
        #expect(run.output.contains("Example"))
        #expect(run.output.contains("atelier " + command.joined(separator: " ")))
    }

    @Test("a misspelt or missing option is a usage error with the usage line, not a crash")
    func usageError() async {
        let run = await CLI.run(["grade", "--assesment", "x"])
        #expect(run.exitCode == 64)
        #expect(run.error.contains("--assessment <id>"))
        #expect(run.error.contains("Usage: atelier grade"))
    }
}

import AtelierKernel
import Foundation
import Testing
import ZIPFoundation

@Suite("atelier import and atelier export")
struct InterchangeCommandTests {
    static func fixture(_ target: String, _ name: String) -> String { "\(CLI.root)/Tests/\(target)/Fixtures/\(name)" }

    @Test(
        "a GIFT, a Moodle XML and an Aiken file import into banks that atelier validate accepts",
        arguments: [
            ("gift", "GIFTFormatTests", "constructs.gift"), ("moodle-xml", "MoodleXMLTests", "questions.xml"),
            ("aiken", "GIFTFormatTests", "sample.aiken"),
        ]
    )
    func importValidates(format: String, target: String, file: String) async throws {
        let directory = try CLI.temporaryDirectory()
        let out = "\(directory)/Assessments/definitions/imported.json"
        let run = await CLI.run([
            "import", format, Self.fixture(target, file), "--lang", "fr", "--module", "definitions", "--id-prefix", "imp-\(format)", "--out", out,
        ])
        #expect(run.exitCode == 0, "\(run.error)")
        #expect(run.output.contains("wrote"))
        let bank = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: out))).value
        let items = bank["items"]?.arrayValue ?? []
        #expect(items.count >= 3)
        #expect(items.allSatisfy { $0["id"]?.stringValue?.hasPrefix("imp-\(format)-") == true })
        #expect(items.allSatisfy { $0["objectives"] == ["def-o1"] })
        let validation = await CLI.run(["validate", out])
        #expect(validation.exitCode == 0, "\(validation.output)")
    }

    @Test("unmappable questions are reported with their line and skipped; malformed ones make the exit status 1")
    func importReports() async throws {
        let directory = try CLI.temporaryDirectory()
        let unsupported = await CLI.run([
            "import", "gift", Self.fixture("GIFTFormatTests", "unsupported.gift"), "--lang", "fr", "--module", "definitions", "--out",
            "\(directory)/u.json",
        ])
        #expect(unsupported.error.contains("unsupported.gift:"))
        #expect(unsupported.error.contains("gift-essay-skipped") || unsupported.error.contains("essay"))
        let malformed = await CLI.run([
            "import", "gift", Self.fixture("GIFTFormatTests", "malformed.gift"), "--lang", "fr", "--module", "definitions", "--out",
            "\(directory)/m.json",
        ])
        #expect(malformed.exitCode == 1)
        #expect(malformed.error.contains("error:"))
        let unknownModule = await CLI.run([
            "import", "gift", Self.fixture("GIFTFormatTests", "constructs.gift"), "--lang", "fr", "--module", "x", "--out", "o.json",
        ])
        #expect(unknownModule.exitCode == 1 && unknownModule.error.contains("definitions"))
        let unknownFormat = await CLI.run(["import", "docx", "x.docx", "--lang", "fr", "--module", "definitions", "--out", "o.json"])
        #expect(unknownFormat.exitCode == 1 && unknownFormat.error.contains("gift"))
    }

    @Test("exporting a shipped form to Moodle XML and importing it back gives the same items")
    func moodleRoundTrip() async throws {
        let directory = try CLI.temporaryDirectory()
        let export = await CLI.run(["export", "moodle-xml", "definitions.pre", "--lang", "fr", "--out", "\(directory)/pre.xml"])
        #expect(export.exitCode == 0, "\(export.error)")
        let out = "\(directory)/Assessments/definitions/back.json"
        let back = await CLI.run([
            "import", "moodle-xml", "\(directory)/pre.xml", "--lang", "fr", "--module", "definitions", "--id-prefix", "back", "--out", out,
        ])
        #expect(back.exitCode == 0, "\(back.error)")
        let imported = try JSONParser.parse(Data(contentsOf: URL(fileURLWithPath: out))).value["items"]?.arrayValue ?? []
        let original = try CLI.catalog().resolvedForm("definitions.pre")?.items.map(\.item) ?? []
        let carried = original.filter { !["likert", "case-analysis"].contains($0.type) }
        #expect(imported.count == carried.count)
        for (item, copy) in zip(carried, imported) {
            #expect(copy["type"]?.stringValue == item.type)
            #expect(copy["prompt"]?["fr"]?.stringValue == item.prompt["fr"])
        }
    }

    @Test("a QTI package is a zip with the manifest, one file per item and the test")
    func qtiPackage() async throws {
        let directory = try CLI.temporaryDirectory()
        let run = await CLI.run(["export", "qti", "definitions.post", "--lang", "all", "--out", "\(directory)/post.zip"])
        #expect(run.exitCode == 0, "\(run.error)")
        let archive = try Archive(url: URL(fileURLWithPath: "\(directory)/post.zip"), accessMode: .read)
        let paths = archive.map(\.path)
        let items = try CLI.catalog().resolvedForm("definitions.post")?.items.count ?? 0
        #expect(paths.contains("imsmanifest.xml"))
        #expect(paths.filter { $0.hasPrefix("items/") }.count == items)
        #expect(paths.contains { $0.hasPrefix("tests/") })
        let noOut = await CLI.run(["export", "qti", "definitions.post"])
        #expect(noOut.exitCode == 1 && noOut.error.contains("--out"))
    }

    @Test("xAPI statements of the demo: one line each, the same ids when exported twice, codes only")
    func xapi() async throws {
        let directory = try CLI.temporaryDirectory()
        let db = "\(directory)/demo.sqlite"
        #expect(await CLI.run(["demo", "--db", db]).exitCode == 0)
        let first = await CLI.run(["export", "xapi", "--db", db, "--home-page", "https://lrs.example.org"])
        let second = await CLI.run(["export", "xapi", "--db", db, "--home-page", "https://lrs.example.org"])
        #expect(first.exitCode == 0, "\(first.error)")
        #expect(first.output == second.output)
        let lines = first.output.split(separator: "\n")
        let statements = try lines.map { try JSONParser.parse(String($0)).value }
        let submissions = try await CLI.run(["results", "--db", db, "--format", "json"]).json()["rows"]?.arrayValue ?? []
        #expect(!statements.isEmpty)
        #expect(Set(statements.compactMap { $0["id"]?.stringValue }).count == statements.count)
        let verbs = statements.compactMap { $0["verb"]?["id"]?.stringValue }
        #expect(verbs.filter { $0.hasSuffix("/completed") }.count == verbs.filter { $0.hasSuffix("/passed") || $0.hasSuffix("/failed") }.count)
        let names =
            try await CLI.run(["participants", "list", "--db", db, "--names", "--format", "json"]).json().arrayValue?
            .compactMap { $0["name"]?.stringValue } ?? []
        #expect(!names.contains { first.output.contains($0) })
        let codes = Set(submissions.compactMap { $0["code"]?.stringValue })
        #expect(statements.allSatisfy { codes.contains($0["actor"]?["account"]?["name"]?.stringValue ?? "") })
        let bad = await CLI.run(["export", "xapi", "--db", db, "--home-page", "lrs"])
        #expect(bad.exitCode == 1 && bad.error.contains("--home-page"))
    }
}

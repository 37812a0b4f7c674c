import AtelierKernel
import Foundation
import MoodleXML
import Testing

@Suite("Moodle XML files with problems")
struct MoodleXMLProblemFileTests {
    @Test("unsupported question types are each skipped with a warning naming the type and the line")
    func unsupportedTypes() throws {
        let result = try MoodleFixture.importFile("unsupported.xml")
        let skipped = result.diagnostics.filter { $0.code == "unsupported-question-type" }
        #expect(skipped.map(\.line) == [3, 10, 15, 26, 30])
        for (diagnostic, type) in zip(skipped, ["essay", "calculated", "ddwtos", "description", "multianswer"]) {
            #expect(diagnostic.message.contains("'\(type)'"), "\(diagnostic.formatted)")
            #expect(diagnostic.severity == .warning)
            #expect(diagnostic.column == 3)
            #expect(diagnostic.hint != nil)
        }
        #expect(result.diagnostics.count == 5)
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["seule-question-lisible"])
        #expect(result.items.first?["body"] == ["answer": false])
    }

    @Test("a file that is not well-formed gives one error at the parser's line and column, and no items")
    func malformed() throws {
        let result = try MoodleFixture.importFile("malformed.xml")
        #expect(result.items.isEmpty)
        #expect(result.diagnostics.count == 1)
        let error = try #require(result.diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.code == "xml-syntax")
        #expect(error.file == "malformed.xml")
        #expect(error.line == 5)
        #expect(error.column == 58)
        #expect(error.message.contains("closing tag"))
        #expect(error.formatted.hasPrefix("malformed.xml:5:58: error: "))
    }

    @Test("a question without a right answer is an error at its line, and the other questions still import")
    func brokenQuestion() throws {
        let result = try MoodleFixture.importFile("broken-question.xml")
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["avant", "apres"])
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["no-correct-answer@9", "no-correct-answer@16"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
        #expect(result.diagnostics.first?.message.contains("“Sans bonne réponse”") == true)
        let loaded = try MoodleFixture.loadAsBank(result.items, languages: ["fr"])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.formatted))")
    }

    @Test(
        "a question missing its parts is an error naming what is missing",
        arguments: [
            (
                "<question type=\"multichoice\"><name><text>Q</text></name><questiontext><text>?</text></questiontext><answer fraction=\"100\"><text>Seule</text></answer></question>",
                "missing-part"
            ),
            ("<question type=\"truefalse\"><name><text>Q</text></name><questiontext><text>?</text></questiontext></question>", "missing-part"),
            (
                "<question type=\"truefalse\"><name><text>Q</text></name><questiontext><text>  </text></questiontext><answer fraction=\"100\"><text>true</text></answer></question>",
                "missing-part"
            ),
            (
                "<question type=\"numerical\"><name><text>Q</text></name><questiontext><text>?</text></questiontext><answer fraction=\"100\"><text>dix-huit</text></answer></question>",
                "invalid-number"
            ),
            (
                "<question type=\"numerical\"><name><text>Q</text></name><questiontext><text>?</text></questiontext><answer fraction=\"100\"><text>*</text></answer></question>",
                "no-correct-answer"
            ),
            (
                "<question type=\"matching\"><name><text>Q</text></name><questiontext><text>?</text></questiontext><subquestion><text>Seul</text><answer><text>Un</text></answer></subquestion></question>",
                "missing-part"
            ),
            (
                "<question type=\"ordering\"><name><text>Q</text></name><questiontext><text>?</text></questiontext><answer><text>Seul</text></answer></question>",
                "missing-part"
            ),
        ]
    )
    func missingParts(question: String, code: String) {
        let xml = "<quiz>\n\(question)\n</quiz>"
        let result = MoodleXMLImporter().importItems(from: Data(xml.utf8), file: "q.xml", languages: ["fr"])
        #expect(result.items.isEmpty)
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["\(code)@2"])
    }

    @Test("a file whose root is not <quiz> is refused")
    func notMoodle() {
        let xml = "<?xml version=\"1.0\"?>\n<assessmentItem identifier=\"x\"/>"
        let result = MoodleXMLImporter().importItems(from: Data(xml.utf8), file: "qti.xml", languages: ["fr"])
        #expect(MoodleFixture.codesAndLines(result.diagnostics) == ["not-moodle-xml@2"])
    }
}

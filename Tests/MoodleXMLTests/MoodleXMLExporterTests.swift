import AtelierKernel
import Foundation
import Testing

@testable import MoodleXML

@Suite("Exporting items as Moodle XML")
struct MoodleXMLExporterTests {
    private func item(
        _ id: String,
        _ type: String,
        body: JSONValue,
        prompt: [String: String] = ["fr": "Question ?"],
        points: Double? = 1,
        feedback: [String: String]? = nil,
        externalId: String? = nil,
        category: String? = nil
    ) -> Item {
        Item(
            id: id,
            type: type,
            objectives: ["def-o1"],
            points: points,
            prompt: LocalizedText(prompt),
            body: body,
            feedback: feedback.map(LocalizedText.init),
            externalId: externalId,
            category: category
        )
    }

    private func choices(_ texts: [String]) -> JSONValue {
        .array(texts.enumerated().map { ["id": .string(String(UnicodeScalar(UInt8(97 + $0.offset)))), "text": ["fr": .string($0.element)]] })
    }

    /// The `<question>` elements of an export, parsed.
    private func questions(_ result: ExportResult) throws -> [XMLNode] {
        try XMLTreeReader().parse(result.data).children("question")
    }

    @Test("a question carries the item's id as name, its externalId as idnumber, its points and feedback")
    func headers() throws {
        let items = [
            item("def-x1", "true-false", body: ["answer": true], points: 2.5, feedback: ["fr": "Parce que."], externalId: "MOODLE-7"),
            item("def-x2", "true-false", body: ["answer": false]),
        ]
        let nodes = try questions(MoodleXMLExporter().export(items, language: "fr"))
        #expect(nodes.map { $0.child("name")?.childText("text") } == ["def-x1", "def-x2"])
        #expect(nodes.map { $0.childText("idnumber") } == ["MOODLE-7", "def-x2"])
        #expect(nodes.map { $0.childText("defaultgrade") } == ["2.5", "1"])
        #expect(nodes.first?.child("generalfeedback")?.childText("text") == "Parce que.")
        #expect(nodes.map { $0.child("answer")?.attributes["fraction"] } == ["100", "0"])
        #expect(nodes.map { $0.child("answer")?.childText("text") } == ["true", "true"])
    }

    @Test("single choice is right 100% and wrong 0%; multiple response shares +100% among the right answers and −100% among the wrong")
    func fractions() throws {
        let single = item("sc", "single-choice", body: ["choices": choices(["A", "B", "C"]), "answer": "b"])
        let multiple = item("mr", "multiple-response", body: ["choices": choices(["A", "B", "C", "D", "E"]), "answers": ["a", "c", "e"]])
        let nodes = try questions(MoodleXMLExporter().export([single, multiple], language: "fr"))
        #expect(nodes.map { $0.childText("single") } == ["true", "false"])
        #expect(nodes[0].children("answer").map { $0.attributes["fraction"] } == ["0", "100", "0"])
        #expect(nodes[1].children("answer").map { $0.attributes["fraction"] } == ["33.3333333", "-50", "33.3333333", "-50", "33.3333333"])
    }

    @Test("items are grouped under one category question per distinct category, uncategorized items first")
    func categories() throws {
        let items = [
            item("a1", "true-false", body: ["answer": true], category: "$course$/top/A"),
            item("b1", "true-false", body: ["answer": true], category: "$course$/top/B"),
            item("n1", "true-false", body: ["answer": true]),
            item("a2", "true-false", body: ["answer": true], category: "$course$/top/A"),
        ]
        let nodes = try questions(MoodleXMLExporter().export(items, language: "fr"))
        let sequence = nodes.map { node in
            node.attributes["type"] == "category"
                ? "category:" + (node.child("category")?.childText("text") ?? "") : node.child("name")?.childText("text") ?? ""
        }
        #expect(sequence == ["n1", "category:$course$/top/A", "a1", "a2", "category:$course$/top/B", "b1"])
        let reimported = MoodleXMLImporter().importItems(
            from: MoodleXMLExporter().export(items, language: "fr").data,
            file: "c.xml",
            languages: ["fr"]
        )
        #expect(reimported.items.map { $0["category"]?.stringValue } == [nil, "$course$/top/A", "$course$/top/A", "$course$/top/B"])
    }

    @Test("matching writes distractor targets as subquestions with an empty text; ordering writes the right order")
    func matchingAndOrdering() throws {
        let matching = item(
            "m",
            "matching",
            body: [
                "premises": [["id": "p1", "text": ["fr": "Un"]], ["id": "p2", "text": ["fr": "Deux"]]],
                "targets": [["id": "x", "text": ["fr": "1"]], ["id": "y", "text": ["fr": "leurre"]], ["id": "z", "text": ["fr": "2"]]],
                "answer": ["p1": "x", "p2": "z"],
            ]
        )
        let ordering = item(
            "o",
            "ordering",
            body: [
                "elements": [["id": "a", "text": ["fr": "Deuxième"]], ["id": "b", "text": ["fr": "Premier"]]],
                "answer": ["b", "a"], "scoring": "adjacent-pairs",
            ]
        )
        let nodes = try questions(MoodleXMLExporter().export([matching, ordering], language: "fr"))
        let subquestions = nodes[0].children("subquestion").map { [$0.childText("text") ?? "?", $0.child("answer")?.childText("text") ?? "?"] }
        #expect(subquestions == [["Un", "1"], ["Deux", "2"], ["", "leurre"]])
        #expect(nodes[1].attributes["type"] == "ordering")
        #expect(nodes[1].children("answer").map { $0.childText("text") } == ["Premier", "Deuxième"])
        #expect(nodes[1].childText("gradingtype") == "RELATIVE_NEXT_EXCLUDE_LAST")
        #expect(nodes[1].childText("selecttype") == "ALL")
    }

    @Test("short answers are written for every language, marked with xml:lang, and a * is escaped")
    func shortAnswers() throws {
        let shortText = item("s", "short-text", body: ["accepted": ["en": ["smuggler"], "fr": ["passeur", "5*"]]])
        let result = MoodleXMLExporter().export([shortText], language: "fr")
        let answers = try questions(result)[0].children("answer")
        #expect(answers.map { $0.childText("text") } == ["passeur", "5\\*", "smuggler"])
        #expect(answers.map { $0.attributes["xml:lang"] } == ["fr", "fr", "en"])
        let back = MoodleXMLImporter().importItems(from: result.data, file: "s.xml", languages: ["fr"])
        #expect(back.items.first?["body"] == ["accepted": ["fr": ["passeur", "5*"]]])
        #expect(back.diagnostics.isEmpty)
    }

    @Test("numeric items write their tolerance and their unit as Moodle's unit 1")
    func numeric() throws {
        let numeric = item("n", "numeric", body: ["answer": 2.5, "tolerance": 0.25, "unit": ["fr": "ans", "en": "years"]])
        let node = try #require(try questions(MoodleXMLExporter().export([numeric], language: "en")).first)
        #expect(node.child("answer")?.childText("text") == "2.5")
        #expect(node.child("answer")?.childText("tolerance") == "0.25")
        #expect(node.child("units")?.child("unit")?.childText("unit_name") == "years")
        #expect(node.child("units")?.child("unit")?.childText("multiplier") == "1")
    }

    @Test("in multilang mode every language is a multilang span, fr first; a one-language text stays plain")
    func multilang() throws {
        let multi = item(
            "t",
            "true-false",
            body: ["answer": true],
            prompt: ["ar": "نص", "en": "Text & <tag>", "fr": "Texte"],
            feedback: ["fr": "Seul"]
        )
        let node = try #require(try questions(MoodleXMLExporter().export([multi], language: MoodleXMLExporter.multilang)).first)
        #expect(
            node.child("questiontext")?.childText("text")
                == "<span lang=\"fr\" class=\"multilang\">Texte</span><span lang=\"en\" class=\"multilang\">Text &amp; &lt;tag&gt;</span><span lang=\"ar\" class=\"multilang\">نص</span>"
        )
        #expect(node.child("generalfeedback")?.childText("text") == "Seul")
    }

    @Test(
        "texts that look like markup are escaped, so the file is well-formed and the texts come back as written",
        arguments: [
            "Fin de CDATA ]]> au milieu", "Balises <b>gras</b> & entités &amp; &nbsp;", "Guillemets \"doubles\" et 'simples'", "Ligne 1\nLigne 2",
            "<![CDATA[ déjà ]]>", "a < b > c",
        ]
    )
    func escaping(text: String) throws {
        let tricky = item(
            "x",
            "single-choice",
            body: ["choices": [["id": "a", "text": ["fr": .string(text)]], ["id": "b", "text": ["fr": "Autre"]]], "answer": "a"],
            prompt: ["fr": text],
            feedback: ["fr": text],
            externalId: text,
            category: text
        )
        let result = MoodleXMLExporter().export([tricky], language: "fr")
        #expect(MoodleFixture.isWellFormedXML(result.data))
        let back = MoodleXMLImporter().importItems(from: result.data, file: "x.xml", languages: ["fr"])
        let imported = try #require(back.items.first)
        #expect(imported["prompt"] == ["fr": .string(text)])
        #expect(imported["feedback"] == ["fr": .string(text)])
        #expect(imported["body"]?["choices"]?.arrayValue?.first?["text"] == ["fr": .string(text)])
        #expect(imported["externalId"] == .string(text))
        #expect(imported["category"] == .string(text))
    }

    @Test("control characters XML cannot hold are removed and reported")
    func controlCharacters() throws {
        let result = MoodleXMLExporter().export([item("c", "true-false", body: ["answer": true], prompt: ["fr": "Bip\u{7}\u{0}!"])], language: "fr")
        #expect(MoodleFixture.isWellFormedXML(result.data))
        #expect(result.losses.contains { $0.contains("Control characters") && $0.contains("c") })
        let back = MoodleXMLImporter().importItems(from: result.data, file: "c.xml", languages: ["fr"])
        #expect(back.items.first?["prompt"] == ["fr": "Bip!"])
    }

    @Test("Likert and case-analysis items are skipped, each named in a loss sentence")
    func skippedTypes() throws {
        let items = MoodleFixture.shippedItems
        let result = MoodleXMLExporter().export(items, language: "fr")
        let skipped = items.filter { $0.type == "likert" || $0.type == "case-analysis" }
        #expect(skipped.count == 21)
        let likert = try #require(result.losses.first { $0.contains("Likert") })
        let cases = try #require(result.losses.first { $0.contains("case-analysis") })
        for item in skipped {
            #expect((item.type == "likert" ? likert : cases).contains(item.id), "\(item.id)")
        }
        let names = try questions(result).compactMap { $0.child("name")?.childText("text") }
        #expect(!names.contains { name in skipped.contains { $0.id == name } })
        #expect(result.losses.contains { $0.hasPrefix("The sources of") })
    }

    @Test("an item whose body does not fit its type is left out and reported, the others are written")
    func invalidBody() throws {
        let items = [item("bad", "single-choice", body: ["choices": [], "answer": "z"]), item("good", "true-false", body: ["answer": true])]
        let result = MoodleXMLExporter().export(items, language: "fr")
        #expect(try questions(result).compactMap { $0.child("name")?.childText("text") } == ["good"])
        #expect(result.losses.contains { $0.contains("body") && $0.contains("bad") })
    }

    @Test("the exporter and importer are registered by the plugin")
    func registration() throws {
        let registry = try PluginRegistry(itemTypes: [], importers: MoodleXML.importers, exporters: MoodleXML.exporters)
        #expect(registry.importers.map(\.format) == ["moodle-xml"])
        #expect(registry.importers.first?.fileExtensions == ["xml"])
        #expect(registry.exporters.map(\.mediaType) == ["application/xml"])
    }
}

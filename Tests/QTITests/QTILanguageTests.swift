import AtelierKernel
import Foundation
import Testing

@testable import QTI

@Suite("QTI texts: languages, Arabic and escaping")
struct QTILanguageTests {
    private static let statement = LocalizedText([
        "fr": "Les « passeurs » & <trafiquants> : \"même\" délit ? 5 > 3",
        "en": "Smugglers & <traffickers>: the \"same\" offence?",
        "ar": "«المهرّبون» & <المتاجرون>: هل هي \"الجريمة\" نفسها؟",
    ])

    private static let item = Item(id: "q-esc", type: "true-false", objectives: [], prompt: statement, body: ["answer": false])

    @Test("an Arabic export writes the Arabic text as characters, right to left, with xml:lang ar")
    func arabic() throws {
        let shipped = try #require(QTIFixture.catalog.resolvedForm("identification.pre")?.items.map(\.item).first { $0.type == "single-choice" })
        let arabic = try #require(shipped.prompt["ar"])
        let (tree, xml, losses) = try QTIFixture.exportItem(shipped, language: "ar")
        #expect(tree["xml:lang"] == "ar")
        #expect(tree.first("qti-item-body")?["dir"] == "rtl")
        #expect(tree.first("qti-prompt")?.text == arabic)
        #expect(xml.contains(arabic))
        #expect(!xml.contains("&#x6"))
        let choices = shipped.body["choices"]?.arrayValue?.compactMap { $0["text"]?["ar"]?.stringValue } ?? []
        #expect(tree.all("qti-simple-choice").map(\.text) == choices)
        #expect(!losses.contains { $0.contains("no text in") })
    }

    @Test("markup characters in French and Arabic are escaped and read back unchanged", arguments: ["fr", "ar"])
    func escaping(language: String) throws {
        let (tree, xml, _) = try QTIFixture.exportItem(Self.item, language: language)
        #expect(xml.contains("&amp; &lt;"))
        #expect(!xml.contains("& <"))
        #expect(tree.first("qti-prompt")?.text == Self.statement[language])
        #expect(tree["title"] == Self.statement[language])
    }

    @Test("all languages are written side by side as spans tagged with their language, Arabic right to left")
    func allLanguages() throws {
        let (tree, _, losses) = try QTIFixture.exportItem(Self.item, language: "all")
        #expect(tree["xml:lang"] == "fr")
        #expect(tree.first("qti-item-body")?["dir"] == nil)
        let spans = try #require(tree.first("qti-prompt")).children("span")
        #expect(spans.compactMap { $0["xml:lang"] } == ["fr", "en", "ar"])
        #expect(spans.map(\.text) == ["fr", "en", "ar"].compactMap { Self.statement[$0] })
        #expect(spans.map { $0["dir"] } == [nil, nil, "rtl"])
        let labels = tree.all("qti-simple-choice").map { $0.children("span").map(\.text) }
        #expect(labels == [["Vrai", "True", "صحيح"], ["Faux", "False", "خطأ"]])
        #expect(losses.isEmpty)
    }

    @Test("a text missing in the export's language falls back to another and the loss names it")
    func fallback() throws {
        let item = Item(
            id: "q-fr",
            type: "single-choice",
            objectives: [],
            prompt: LocalizedText(["fr": "Quelle convention ?", "en": "Which convention?"]),
            body: ["choices": [["id": "a", "text": ["fr": "Palerme", "en": "Palermo"]], ["id": "b", "text": ["fr": "Genève"]]], "answer": "a"]
        )
        let (tree, _, losses) = try QTIFixture.exportItem(item, language: "en")
        #expect(tree.all("qti-simple-choice").map(\.text) == ["Palermo", "Genève"])
        #expect(losses == ["q-fr (single-choice): no text in en for option b; another language was written instead."])
    }

    @Test("characters XML cannot carry become U+FFFD and the document stays well formed")
    func controlCharacters() throws {
        let item = Item(id: "q-ctl", type: "true-false", objectives: [], prompt: LocalizedText(["fr": "Bip\u{7} ?"]), body: ["answer": true])
        let (tree, _, _) = try QTIFixture.exportItem(item)
        #expect(tree.first("qti-prompt")?.text == "Bip\u{FFFD} ?")
        #expect(Markup.escapedAttribute("a\"b\nc") == "a&quot;b&#10;c")
    }

    @Test("Atelier ids become QTI identifiers, prefixed when they do not start with a letter")
    func identifiers() {
        #expect(QTIIdentifier.make("def-pre01") == "def-pre01")
        #expect(QTIIdentifier.make("definitions.pre") == "definitions.pre")
        #expect(QTIIdentifier.make("1") == "_1")
        #expect(QTIIdentifier.make("a b") == "a_b")
        #expect(QTIIdentifier.make("") == "_")
    }
}

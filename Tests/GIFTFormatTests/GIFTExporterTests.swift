import AtelierKernel
import Foundation
import Testing

@testable import GIFTFormat

@Suite("GIFT export")
struct GIFTExporterTests {
    /// The item types GIFT carries.
    static let carriedTypes: Set<String> = ["single-choice", "multiple-response", "true-false", "short-text", "numeric", "matching"]

    private static func text(_ fr: String) -> LocalizedText { LocalizedText(["fr": fr]) }

    private static func choice(_ id: String, _ fr: String) -> JSONValue { ["id": .string(id), "text": ["fr": .string(fr)]] }

    @Test("items are written as Moodle writes GIFT: names, categories, weights, escapes, general feedback")
    func exactText() throws {
        let items = [
            Item(
                id: "sc-1",
                type: "single-choice",
                objectives: ["def-o1"],
                points: 1,
                prompt: Self.text("Quel âge ? {voir: art. 3}"),
                body: ["choices": [Self.choice("a", "18 ans"), Self.choice("b", "%50% des cas")], "answer": "a"],
                feedback: Self.text("Moins de 18 ans = enfant."),
                category: "Traite/Définitions"
            ),
            Item(
                id: "mr-1",
                type: "multiple-response",
                objectives: ["def-o1"],
                prompt: Self.text("Lesquels ?"),
                body: [
                    "choices": [Self.choice("a", "A"), Self.choice("b", "B"), Self.choice("c", "C"), Self.choice("d", "D"), Self.choice("e", "E")],
                    "answers": ["a", "c", "e"],
                ],
                category: "Traite/Définitions"
            ),
            Item(
                id: "tf-1",
                type: "true-false",
                objectives: [],
                prompt: Self.text("Vrai ?\nOui."),
                body: ["answer": false],
                feedback: Self.text("Faux #1")
            ),
            Item(id: "num-1", type: "numeric", objectives: [], prompt: Self.text("Combien ?"), body: ["answer": 2.5, "tolerance": 0.25]),
            Item(
                id: "st-1",
                type: "short-text",
                objectives: [],
                prompt: Self.text("[html] Qui ?"),
                body: ["accepted": ["fr": ["passeur", "un passeur"], "en": ["smuggler"]]]
            ),
            Item(
                id: "ma-1",
                type: "matching",
                objectives: [],
                prompt: Self.text("Associez."),
                body: [
                    "premises": [Self.choice("p1", "Traite"), Self.choice("p2", "Trafic")],
                    "targets": [Self.choice("t1", "Personne"), Self.choice("t2", "État"), Self.choice("t3", "Marché")],
                    "answer": ["p1": "t1", "p2": "t2"],
                ]
            ),
        ]
        let result = GIFTExporter().export(items, language: "fr")
        let expected = ##"""
            // Exported from Atelier (language: fr)

            $CATEGORY: Traite/Définitions

            ::sc-1::Quel âge ? \{voir\: art. 3\}{
            	=18 ans
            	~%0%%50% des cas
            	####Moins de 18 ans \= enfant.
            }

            ::mr-1::Lesquels ?{
            	~%33.33333%A
            	~%-50%B
            	~%33.33333%C
            	~%-50%D
            	~%33.33333%E
            }

            ::tf-1::Vrai ?\nOui.{FALSE####Faux \#1}

            ::num-1::Combien ?{#2.5:0.25}

            ::st-1::[moodle][html] Qui ?{
            	=passeur
            	=un passeur
            }

            ::ma-1::Associez.{
            	=Traite -> Personne
            	=Trafic -> État
            	= -> Marché
            }

            """##
        #expect(String(decoding: result.data, as: UTF8.self) == expected)
        #expect(
            result.losses == [
                "tf-1: it has no category but follows items of category 'Traite/Définitions'; GIFT readers will put it there.",
                "num-1: it has no category but follows items of category 'Traite/Définitions'; GIFT readers will put it there.",
                "st-1: it has no category but follows items of category 'Traite/Définitions'; GIFT readers will put it there.",
                "ma-1: it has no category but follows items of category 'Traite/Définitions'; GIFT readers will put it there.",
                "Objectives, sources and external ids are not exported: GIFT has no place for them.",
            ]
        )
    }

    @Test("what GIFT cannot carry is a loss sentence naming the item")
    func losses() {
        let items = [
            Item(id: "ord-1", type: "ordering", objectives: [], prompt: Self.text("Ordre ?"), body: [:]),
            Item(id: "lik-1", type: "likert", objectives: [], prompt: Self.text("Utile ?"), body: [:]),
            Item(id: "cas-1", type: "case-analysis", objectives: [], prompt: Self.text("Cas ?"), body: [:]),
            Item(id: "en-only", type: "true-false", objectives: [], prompt: LocalizedText(["en": "True?"]), body: ["answer": true]),
            Item(
                id: "fb-en",
                type: "true-false",
                objectives: [],
                points: 2,
                prompt: Self.text("Vrai ?"),
                body: ["answer": true],
                feedback: LocalizedText(["en": "Yes."])
            ),
            Item(id: "unit", type: "numeric", objectives: [], prompt: Self.text("Âge ?"), body: ["answer": 18, "unit": ["fr": "ans"]]),
            Item(
                id: "arrow",
                type: "matching",
                objectives: [],
                prompt: Self.text("Associez."),
                body: [
                    "premises": [Self.choice("p1", "A -> B"), Self.choice("p2", "C")],
                    "targets": [Self.choice("t1", "1"), Self.choice("t2", "2")],
                    "answer": ["p1": "t1", "p2": "t2"],
                ]
            ),
        ]
        let result = GIFTExporter().export(items, language: "fr")
        #expect(
            result.losses == [
                "ord-1 (ordering): not exported: GIFT has no ordering question.",
                "lik-1 (likert): not exported: GIFT has no likert question.",
                "cas-1 (case-analysis): not exported: GIFT has no case-analysis question.",
                "en-only (true-false): not exported: it has no fr text.",
                "fb-en: its feedback has no fr text and is not exported.",
                "fb-en: it is worth 2 points; GIFT has no mark per question, so Moodle gives it its default mark.",
                "unit: its unit 'ans' is not exported: GIFT numerical answers have no unit.",
                "arrow (matching): not exported: the premise 'A -> B' contains '->', which GIFT cannot escape.",
            ]
        )
        let imported = GIFTImporter().importItems(from: result.data, file: "l.gift", languages: ["fr"])
        #expect(imported.items.compactMap { $0["id"]?.stringValue } == ["fb-en", "unit"])
    }

    @Test("the plugin lists its importers and exporter")
    func registration() throws {
        #expect(GIFTFormat.importers.map(\.format) == ["gift", "aiken"])
        #expect(GIFTFormat.exporters.map(\.format) == ["gift"])
        #expect(GIFTExporter().mediaType == "text/plain; charset=utf-8")
        _ = try PluginRegistry(itemTypes: [], importers: GIFTFormat.importers, exporters: GIFTFormat.exporters)
    }
}

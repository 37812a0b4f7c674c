import AtelierKernel
import Foundation
import Testing

@testable import GIFTFormat

@Suite("GIFT import")
struct GIFTImporterTests {
    private static func importFixture(_ name: String) throws -> ImportResult {
        GIFTImporter().importItems(from: try GIFTFixture.data(name), file: name, languages: ["fr"])
    }

    private static func item(_ id: String, in result: ImportResult) throws -> JSONValue {
        try #require(result.items.first { $0["id"]?.stringValue == id }, "no item \(id)")
    }

    @Test("every supported construct becomes an item, named after its ::name:: or its position")
    func constructIDs() throws {
        let result = try Self.importFixture("constructs.gift")
        #expect(
            result.items.compactMap { $0["id"]?.stringValue } == [
                "elements-de-la-traite", "consentement", "formes-d-exploitation", "indicateurs-ponderes", "frontiere", "enfant",
                "passeur", "age", "delai", "intervalle", "plusieurs-reponses-numeriques", "associations", "echappements", "html",
                "markdown", "q-016", "elements-de-la-traite-2",
            ]
        )
    }

    @Test("losses are reported on the first line of their question")
    func constructDiagnostics() throws {
        let result = try Self.importFixture("constructs.gift")
        #expect(
            result.diagnostics.summaries == [
                "7:1 warning gift-answer-feedback-dropped",
                "14:1 warning gift-partial-credit-lost",
                "23:1 warning gift-weights-simplified",
                "25:1 warning gift-answer-feedback-dropped",
                "29:1 warning gift-partial-credit-lost",
                "29:1 warning gift-answer-feedback-dropped",
                "37:1 warning gift-numeric-alternatives-lost",
                "37:1 warning gift-answer-feedback-dropped",
            ]
        )
        #expect(result.diagnostics.allSatisfy { $0.file == "constructs.gift" && $0.hint != nil })
    }

    @Test("multiple choice with '=' becomes single-choice, with the general feedback and the category")
    func singleChoice() throws {
        let result = try Self.importFixture("constructs.gift")
        let expected = try GIFTFixture.json(
            #"""
            {"id": "elements-de-la-traite", "type": "single-choice", "objectives": [], "points": 1,
             "prompt": {"fr": "Combien d'éléments constitutifs la définition de la traite des adultes comporte-t-elle ?"},
             "body": {"choices": [
                {"id": "a", "text": {"fr": "Trois : l'acte, le moyen et le but d'exploitation"}},
                {"id": "b", "text": {"fr": "Deux : l'acte et le but"}},
                {"id": "c", "text": {"fr": "Quatre : l'acte, le moyen, le but et le passage d'une frontière"}}],
              "answer": "a"},
             "feedback": {"fr": "L'acte, le moyen et le but d'exploitation ; pour un enfant, le moyen n'est pas requis."},
             "category": "$course$/top/Traite des personnes/Définitions"}
            """#
        )
        #expect(try Self.item("elements-de-la-traite", in: result) == expected)
    }

    @Test("weighted answers without '=' become multiple-response: positive weights are the correct set")
    func multipleResponse() throws {
        let result = try Self.importFixture("constructs.gift")
        let expected = try GIFTFixture.json(
            #"""
            {"id": "formes-d-exploitation", "type": "multiple-response", "objectives": [], "points": 1,
             "prompt": {"fr": "Quelles formes d'exploitation le Protocole cite-t-il ?"},
             "body": {"choices": [
                {"id": "a", "text": {"fr": "Le travail forcé"}},
                {"id": "b", "text": {"fr": "Le prélèvement d'organes"}},
                {"id": "c", "text": {"fr": "L'entrée illégale"}},
                {"id": "d", "text": {"fr": "Le recrutement"}}],
              "answers": ["a", "b"]},
             "category": "$course$/top/Traite des personnes/Définitions"}
            """#
        )
        #expect(try Self.item("formes-d-exploitation", in: result) == expected)
        // 70/30/-100 are not equal shares: the item keeps a and b, and the loss names the weights.
        #expect(try Self.item("indicateurs-ponderes", in: result)["body"]?["answers"] == ["a", "b"])
        let loss = try #require(result.diagnostics.first { $0.code == "gift-weights-simplified" })
        #expect(loss.message.contains("70%, 30%, -100%"))
    }

    @Test("true-false keeps the general feedback; the per-answer feedback is a loss")
    func trueFalse() throws {
        let result = try Self.importFixture("constructs.gift")
        let expected = try GIFTFixture.json(
            #"""
            {"id": "frontiere", "type": "true-false", "objectives": [], "points": 1,
             "prompt": {"fr": "La traite des personnes suppose toujours le passage d'une frontière."},
             "body": {"answer": false},
             "feedback": {"fr": "Le Protocole couvre aussi la traite interne."},
             "category": "$course$/top/Traite des personnes/Définitions"}
            """#
        )
        #expect(try Self.item("frontiere", in: result) == expected)
        #expect(try Self.item("enfant", in: result)["body"] == ["answer": true])
        #expect(try Self.item("markdown", in: result)["body"] == ["answer": true])
    }

    @Test("short answer keeps the full-credit answers in the import language")
    func shortText() throws {
        let result = try Self.importFixture("constructs.gift")
        let expected = try GIFTFixture.json(
            #"""
            {"id": "passeur", "type": "short-text", "objectives": [], "points": 1,
             "prompt": {"fr": "Comment appelle-t-on la personne qui organise, contre paiement, l'entrée illégale de migrants ?"},
             "body": {"accepted": {"fr": ["passeur", "un passeur"]}},
             "feedback": {"fr": "Un passeur."},
             "category": "$course$/top/Traite des personnes/Définitions"}
            """#
        )
        #expect(try Self.item("passeur", in: result) == expected)
        let loss = try #require(result.diagnostics.first { $0.code == "gift-partial-credit-lost" && $0.line == 29 })
        #expect(loss.message.contains("trafiquant (50%)"))
    }

    @Test(
        "numerical answers: tolerance, range as midpoint and half-width, the 100% answer among several",
        arguments: [
            ("age", 18.0, 0.0),
            ("delai", 30.0, 0.5),
            ("intervalle", 3.0, 2.0),
            ("plusieurs-reponses-numeriques", 2000.0, 0.0),
        ]
    )
    func numeric(id: String, answer: Double, tolerance: Double) throws {
        let item = try Self.item(id, in: try Self.importFixture("constructs.gift"))
        #expect(item["type"] == "numeric")
        #expect(item["body"] == ["answer": .number(answer), "tolerance": .number(tolerance)])
    }

    @Test("matching: targets deduplicated, an empty premise is a distractor")
    func matching() throws {
        let result = try Self.importFixture("constructs.gift")
        let expected = try GIFTFixture.json(
            #"""
            {"id": "associations", "type": "matching", "objectives": [], "points": 1,
             "prompt": {"fr": "Associez chaque infraction à ce qu'elle viole."},
             "body": {
               "premises": [
                 {"id": "p1", "text": {"fr": "La traite des personnes"}},
                 {"id": "p2", "text": {"fr": "Le travail forcé"}},
                 {"id": "p3", "text": {"fr": "Le trafic illicite de migrants"}}],
               "targets": [
                 {"id": "t1", "text": {"fr": "Les droits de la personne"}},
                 {"id": "t2", "text": {"fr": "Les règles d'entrée de l'État"}},
                 {"id": "t3", "text": {"fr": "Le droit de la concurrence"}}],
               "answer": {"p1": "t1", "p2": "t1", "p3": "t2"}},
             "category": "$course$/top/Traite des personnes/Définitions"}
            """#
        )
        #expect(try Self.item("associations", in: result) == expected)
    }

    @Test("escapes and \\n are literal text; HTML loses tags and entities; markdown is kept as written")
    func textFormats() throws {
        let result = try Self.importFixture("constructs.gift")
        #expect(
            try Self.item("echappements", in: result)["prompt"]
                == ["fr": "Dans le texte {a} ~ b = c # d: e, quel caractère suit « a » ?\nRépondez d'un mot."]
        )
        let html = try Self.item("html", in: result)
        #expect(html["prompt"] == ["fr": "Quelle loi mauritanienne de 2020 porte sur la traite & les pratiques analogues ?"])
        #expect(html["body"]?["choices"]?.arrayValue?.last?["text"] == ["fr": "La loi n° 2015-031 <trafic>"])
        #expect(
            try Self.item("markdown", in: result)["prompt"]
                == ["fr": "Le *principe de non-sanction* protège-t-il les victimes contraintes de commettre des infractions ?"]
        )
    }

    @Test("$CATEGORY applies to the questions after it, until the next one")
    func categories() throws {
        let result = try Self.importFixture("constructs.gift")
        let categories = result.items.map { $0["category"]?.stringValue ?? "" }
        #expect(categories.prefix(14).allSatisfy { $0 == "$course$/top/Traite des personnes/Définitions" })
        #expect(categories.suffix(3).allSatisfy { $0 == "$course$/top/Traite des personnes/Protection" })
    }

    @Test("the imported items form a bank the content loader accepts")
    func importedBankLoads() throws {
        let result = try Self.importFixture("constructs.gift")
        let diagnostics = try GIFTFixture.bankDiagnostics(result.items)
        #expect(!diagnostics.containsErrors, "\(diagnostics.map(\.formatted))")
        // The same check fails on a broken item, so the bank above was really read.
        var broken = try #require(result.items.first?.objectValue)
        broken["body"] = ["choices": [], "answer": "z"]
        #expect(try GIFTFixture.bankDiagnostics([.object(broken)]).containsErrors)
    }

    @Test("unsupported constructs are each reported on their line and skipped; the rest imports")
    func unsupported() throws {
        let result = try Self.importFixture("unsupported.gift")
        #expect(
            result.diagnostics.summaries == [
                "3:1 warning gift-essay-skipped",
                "5:1 warning gift-description-skipped",
                "7:1 warning gift-missing-word-skipped",
                "9:1 warning gift-image-skipped",
                "11:1 warning gift-calculated-skipped",
                "13:1 warning gift-other-question-type-skipped",
            ]
        )
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["valide"])
    }

    @Test("malformed questions are errors on their first line; the file is still processed")
    func malformed() throws {
        let result = try Self.importFixture("malformed.gift")
        #expect(
            result.diagnostics.summaries == [
                "3:1 error gift-unclosed-brace",
                "7:1 error gift-too-few-answers",
                "9:1 error gift-matching-too-few-pairs",
                "11:1 error gift-bad-number",
                "15:1 error gift-unclosed-name",
                "17:1 error gift-nested-brace",
                "19:1 error gift-no-right-answer",
            ]
        )
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["valide"])
        let unclosed = try #require(result.diagnostics.first)
        #expect(unclosed.formatted.hasPrefix("malformed.gift:3:1: error: the '{' on line 3 is never closed"))
    }

    @Test("the column is the question's first character; comment lines before a question do not count")
    func columns() {
        let text = "// en-tête\n\n   // commentaire\n   ::Q::Question ?{}\n\n\t\tTexte seul\n"
        let result = GIFTImporter().importItems(from: Data(text.utf8), file: "t.gift", languages: ["fr"])
        #expect(result.diagnostics.summaries == ["4:4 warning gift-essay-skipped", "6:3 warning gift-description-skipped"])
    }

    @Test("more GIFT corner cases read as Moodle reads them")
    func cornerCases() throws {
        let text = """
            ::A::Q ?{=a =%100%b ~c}

            ::B::Q ?{~%100%a ~b ~c}

            ::C::Q ?{=a -> 1 =b -> 1}

            ::D::Q ?{#1.5..0.5}

            ::E::Q ?{#3,5}

            ::F::Q ?{#=%50%3 =%25%4}

            ::G::Q ?{=%50%a =%0%b}

            ::H::[html]<p>Q&nbsp;? &#233;t&#xE9; &unknown; a&amp;lt;b</p>{T}

            ::I::Q ?{#-0.1..0.3####Rétroaction}

            ::J\\::K::Q {T}

            ::K::[plain]<b>gras</b> ?{T}
            """
        let result = GIFTImporter().importItems(from: Data(text.utf8), file: "c.gift", languages: ["fr"])
        #expect(
            result.diagnostics.summaries == [
                "1:1 warning gift-several-right-answers",
                "5:1 error gift-matching-too-few-targets",
                "7:1 error gift-bad-number",
                "9:1 error gift-bad-number",
                "11:1 warning gift-no-full-credit-answer",
                "13:1 warning gift-no-full-credit-answer",
            ]
        )
        let items = Dictionary(uniqueKeysWithValues: result.items.map { ($0["id"]?.stringValue ?? "", $0) })
        #expect(items["b"]?["type"] == "multiple-response")
        #expect(items["b"]?["body"]?["answers"] == ["a"])
        #expect(items["h"]?["prompt"] == ["fr": "Q\u{00A0}? été &unknown; a&lt;b"])
        #expect(items["i"]?["body"] == ["answer": 0.1, "tolerance": 0.2])
        #expect(items["i"]?["feedback"] == ["fr": "Rétroaction"])
        #expect(items["j-k"]?["prompt"] == ["fr": "Q"])
        #expect(items["k"]?["prompt"] == ["fr": "<b>gras</b> ?"])
    }

    @Test("only the first of the given languages is filled")
    func language() {
        let result = GIFTImporter().importItems(from: Data("Vrai ?{T}".utf8), file: "l.gift", languages: ["ar", "fr"])
        #expect(result.items.first?["prompt"] == ["ar": "Vrai ?"])
    }
}

import AtelierKernel
import Foundation
import Testing

@testable import GIFTFormat

@Suite("Aiken import")
struct AikenImporterTests {
    private static func importFixture(_ name: String) throws -> ImportResult {
        AikenImporter().importItems(from: try GIFTFixture.data(name), file: name, languages: ["fr"])
    }

    @Test("questions become single-choice items: options A. or A), ANSWER in any case, text on several lines")
    func sample() throws {
        let result = try Self.importFixture("sample.aiken")
        #expect(result.diagnostics.isEmpty)
        let expected = try GIFTFixture.json(
            #"""
            [{"id": "q-001", "type": "single-choice", "objectives": [], "points": 1,
              "prompt": {"fr": "Selon le Protocole, en dessous de quel âge une personne est-elle un enfant ?"},
              "body": {"choices": [
                 {"id": "a", "text": {"fr": "16 ans"}},
                 {"id": "b", "text": {"fr": "18 ans"}},
                 {"id": "c", "text": {"fr": "21 ans"}}],
               "answer": "b"}},
             {"id": "q-002", "type": "single-choice", "objectives": [], "points": 1,
              "prompt": {"fr": "Lequel de ces éléments n'est PAS un moyen\nau sens du Protocole ?"},
              "body": {"choices": [
                 {"id": "a", "text": {"fr": "La menace"}},
                 {"id": "b", "text": {"fr": "La tromperie"}},
                 {"id": "c", "text": {"fr": "Le recrutement"}},
                 {"id": "d", "text": {"fr": "L'abus d'autorité"}}],
               "answer": "c"}},
             {"id": "q-003", "type": "single-choice", "objectives": [], "points": 1,
              "prompt": {"fr": "Quelle institution mauritanienne est chargée de la lutte contre la traite ?"},
              "body": {"choices": [
                 {"id": "a", "text": {"fr": "L'INLCTPTM"}},
                 {"id": "b", "text": {"fr": "La CNDH"}}],
               "answer": "a"}}]
            """#
        )
        #expect(JSONValue.array(result.items) == expected)
        let diagnostics = try GIFTFixture.bankDiagnostics(result.items)
        #expect(!diagnostics.containsErrors, "\(diagnostics.map(\.formatted))")
    }

    @Test("a missing ANSWER line, an answer that is not an option, too few options are errors on the question's line")
    func malformed() throws {
        let result = try Self.importFixture("malformed.aiken")
        #expect(
            result.diagnostics.summaries == [
                "1:1 error aiken-missing-answer",
                "5:1 error aiken-answer-not-an-option",
                "10:1 error aiken-too-few-options",
                "14:1 error aiken-options-out-of-order",
                "19:1 error aiken-option-without-question",
                "26:1 error aiken-missing-answer",
            ]
        )
        #expect(result.items.compactMap { $0["id"]?.stringValue } == ["q-005"])
        #expect(result.diagnostics[1].message == "the answer 'D' is not one of the options A, B")
    }

    @Test("a line that is not UTF-8 skips its question only")
    func invalidUTF8() {
        var data = Data("Question en Latin-1 : ".utf8)
        data.append(contentsOf: [0xE9, 0x74, 0xE9])  // "été" in Latin-1
        data.append(Data(" ?\nA. Oui\nB. Non\nANSWER: A\n\nQuestion valide ?\nA. Oui\nB. Non\nANSWER: B\n".utf8))
        let result = AikenImporter().importItems(from: data, file: "latin1.txt", languages: ["fr"])
        #expect(result.diagnostics.summaries == ["1:1 error aiken-invalid-utf8"])
        #expect(result.items.count == 1)
        #expect(result.items.first?["body"]?["answer"] == "b")
    }
}

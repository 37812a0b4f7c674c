import AtelierKernel
import Foundation
import Testing

@testable import GIFTFormat

@Suite("GIFT round trip")
struct GIFTRoundTripTests {
    /// What a GIFT round trip must keep of an item in one language: type, prompt, body and feedback, with
    /// the texts of that language only. Matching targets are renumbered in the order GIFT lists them (by
    /// premise, then the distractors), since GIFT pairs texts and has no target ids; a numeric unit, which
    /// the exporter reports as a loss, is left out.
    static func comparable(_ item: JSONValue, language: String) -> JSONValue {
        var object = JSONObject()
        object["type"] = item["type"]
        object["prompt"] = item["prompt"].map { only(language, in: $0) }
        var body = item["body"].map { only(language, in: $0) } ?? [:]
        if item["type"] == "matching" { body = renumberedTargets(body) }
        if item["type"] == "numeric", var numeric = body.objectValue {
            numeric["unit"] = nil
            numeric["tolerance"] = numeric["tolerance"] ?? 0
            body = .object(numeric)
        }
        object["body"] = body
        object["feedback"] = item["feedback"].map { only(language, in: $0) }
        object["category"] = item["category"]
        return .object(object)
    }

    /// `value` with every localized text (an object keyed by fr, en, ar) reduced to `language`.
    private static func only(_ language: String, in value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            if !object.keys.isEmpty, object.keys.allSatisfy(["fr", "en", "ar"].contains) {
                return .object(JSONObject(object.members.filter { $0.key == language }))
            }
            return .object(JSONObject(object.members.map { (key: $0.key, value: only(language, in: $0.value)) }))
        case .array(let elements):
            return .array(elements.map { only(language, in: $0) })
        default:
            return value
        }
    }

    private static func renumberedTargets(_ body: JSONValue) -> JSONValue {
        let premises = body["premises"]?.arrayValue ?? []
        let targets = body["targets"]?.arrayValue ?? []
        var order: [String] = []
        for premise in premises {
            if let target = body["answer"]?[premise["id"]?.stringValue ?? ""]?.stringValue, !order.contains(target) { order.append(target) }
        }
        for target in targets { if let id = target["id"]?.stringValue, !order.contains(id) { order.append(id) } }
        let newID = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, "t\($0 + 1)") })
        let renamedTargets: [JSONValue] = order.compactMap { id in
            targets.first { $0["id"]?.stringValue == id }.map { ["id": .string(newID[id] ?? id), "text": $0["text"] ?? .null] }
        }
        let answer = JSONObject(
            premises.compactMap { premise in
                guard let id = premise["id"]?.stringValue, let target = body["answer"]?[id]?.stringValue else { return nil }
                return (key: id, value: .string(newID[target] ?? target))
            }
        )
        return ["premises": .array(premises), "targets": .array(renamedTargets), "answer": .object(answer)]
    }

    /// Exports `items`, imports the result, and checks that each item comes back the same.
    private static func checkRoundTrip(_ items: [Item], language: String) throws -> ExportResult {
        let exported = GIFTExporter().export(items, language: language)
        let imported = GIFTImporter().importItems(from: exported.data, file: "round-trip.gift", languages: [language])
        #expect(imported.diagnostics.isEmpty, "\(imported.diagnostics.map(\.formatted))")
        try #require(imported.items.count == items.count, "\(String(decoding: exported.data, as: UTF8.self))")
        for (original, back) in zip(items, imported.items) {
            #expect(back["id"]?.stringValue == original.id)
            let originalJSON = try JSONValue(encoding: original)
            #expect(comparable(back, language: language) == comparable(originalJSON, language: language), "\(original.id)")
        }
        return exported
    }

    @Test("every shipped item GIFT can carry comes back equal, in French and in Arabic", arguments: ["fr", "ar"])
    func shippedContent(language: String) throws {
        let catalog = try GIFTFixture.catalog()
        let items = catalog.items.values.map(\.item).filter { GIFTExporterTests.carriedTypes.contains($0.type) }.sorted { $0.id < $1.id }
        #expect(Set(items.map(\.type)) == GIFTExporterTests.carriedTypes)
        #expect(
            items.contains { $0.type == "matching" && ($0.body["targets"]?.arrayValue?.count ?? 0) > ($0.body["premises"]?.arrayValue?.count ?? 0) }
        )
        let exported = try Self.checkRoundTrip(items, language: language)
        let numericWithUnit = items.filter { $0.type == "numeric" && $0.body["unit"] != nil }.map(\.id)
        #expect(!numericWithUnit.isEmpty)
        #expect(exported.losses.filter { $0.contains("unit") }.count == numericWithUnit.count)
        #expect(exported.losses.count == numericWithUnit.count + 1, "\(exported.losses)")
    }

    @Test("texts full of GIFT syntax, weights, categories and distractors come back equal", arguments: ["fr", "ar"])
    func syntaxHeavyItems(language: String) throws {
        func text(_ value: String) -> LocalizedText { LocalizedText([language: value]) }
        func choice(_ id: String, _ value: String) -> JSONValue { ["id": .string(id), "text": [language: .string(value)]] }
        let tricky = language == "ar" ? "نص {مع} ~ رموز = # : \\ و\nسطر جديد" : "Texte {avec} ~ des = # : \\ et\nune ligne"
        let items = [
            Item(
                id: "sc-tricky",
                type: "single-choice",
                objectives: [],
                prompt: text("[html] " + tricky),
                body: ["choices": [choice("a", "%50% " + tricky), choice("b", "// " + tricky), choice("c", "-> →")], "answer": "b"],
                feedback: text("#### " + tricky),
                category: "$course$/top/Catégorie : 1"
            ),
            Item(
                id: "mr-one",
                type: "multiple-response",
                objectives: [],
                prompt: text("Un seul ?"),
                body: ["choices": [choice("a", "a"), choice("b", "b"), choice("c", "c"), choice("d", "d")], "answers": ["c"]],
                category: "$course$/top/Catégorie : 1"
            ),
            Item(
                id: "mr-seven",
                type: "multiple-response",
                objectives: [],
                prompt: text("Quatre sur sept ?"),
                body: [
                    "choices": .array((0..<7).map { choice(ImportedItem.choiceID($0), "choix \($0)") }),
                    "answers": ["a", "c", "e", "g"],
                ],
                category: "$course$/top/Autre"
            ),
            Item(
                id: "st-tricky",
                type: "short-text",
                objectives: [],
                prompt: text("Réponse ?"),
                body: ["accepted": [language: [.string("%10% " + tricky), "T", "=a"]]],
                category: "$course$/top/Autre"
            ),
            Item(
                id: "num-negative",
                type: "numeric",
                objectives: [],
                prompt: text("Combien ?"),
                body: ["answer": -0.125, "tolerance": 0.05],
                category: "$course$/top/Autre"
            ),
            Item(
                id: "num-tiny",
                type: "numeric",
                objectives: [],
                prompt: text("Combien ?"),
                body: ["answer": 1.5e-7, "tolerance": 1e20],
                category: "$course$/top/Autre"
            ),
            Item(
                id: "tf-false",
                type: "true-false",
                objectives: [],
                prompt: text("{T}"),
                body: ["answer": false],
                category: "$course$/top/Autre"
            ),
            Item(
                id: "ma-shared",
                type: "matching",
                objectives: [],
                prompt: text("Associez."),
                body: [
                    "premises": [choice("p1", "[markdown] " + tricky), choice("p2", "deux"), choice("p3", "trois")],
                    "targets": [choice("x", "distracteur"), choice("y", "cible = \(tricky)"), choice("z", "autre")],
                    "answer": ["p1": "y", "p2": "z", "p3": "y"],
                ],
                feedback: text(tricky),
                category: "$course$/top/Autre"
            ),
        ]
        let exported = try Self.checkRoundTrip(items, language: language)
        #expect(exported.losses.isEmpty, "\(exported.losses)")
    }
}

import AtelierKernel
import Foundation
import Testing

@testable import QTI

@Suite("QTI items: interactions, correct responses and mappings")
struct QTIItemContentTests {
    private static let matchCorrect = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"
    private static let mapResponse = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/map_response.xml"

    private static func shipped(_ type: String) -> [Item] {
        QTIFixture.allItems.map(\.item).filter { $0.type == type }
    }

    private static func mappedValues(_ item: XMLTree) -> [String: Double] {
        var values: [String: Double] = [:]
        for entry in item.all("qti-map-entry") {
            values[entry["map-key"] ?? ""] = Double(entry["mapped-value"] ?? "")
        }
        return values
    }

    @Test("a single choice's correct identifier is the item's answer, its choices keep their ids and texts")
    func singleChoice() throws {
        let items = Self.shipped("single-choice")
        #expect(items.count >= 9)
        for item in items {
            let (tree, _, _) = try QTIFixture.exportItem(item)
            let declaration = try #require(tree.first("qti-response-declaration"))
            #expect(declaration["cardinality"] == "single")
            #expect(declaration["base-type"] == "identifier")
            #expect(declaration.first("qti-correct-response")?.children("qti-value").map(\.text) == [item.body["answer"]?.stringValue ?? "?"])
            let interaction = try #require(tree.first("qti-choice-interaction"))
            #expect(interaction["max-choices"] == "1")
            #expect(interaction["response-identifier"] == "RESPONSE")
            let choices = item.body["choices"]?.arrayValue ?? []
            #expect(interaction.children("qti-simple-choice").compactMap { $0["identifier"] } == choices.compactMap { $0["id"]?.stringValue })
            #expect(interaction.children("qti-simple-choice").map(\.text) == choices.compactMap { $0["text"]?["fr"]?.stringValue })
            #expect(interaction.first("qti-prompt")?.text == item.prompt["fr"])
            #expect(tree.first("qti-response-processing")?["template"] == Self.matchCorrect)
        }
    }

    @Test("a multiple response maps +1/C to each correct choice and −1/W to each wrong one, bounded by 0 and 1")
    func multipleResponse() throws {
        let items = Self.shipped("multiple-response")
        #expect(items.count >= 9)
        for item in items {
            let (tree, _, _) = try QTIFixture.exportItem(item)
            let answers = Set(item.body["answers"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            let ids = item.body["choices"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            let wrong = ids.filter { !answers.contains($0) }
            let declaration = try #require(tree.first("qti-response-declaration"))
            #expect(declaration["cardinality"] == "multiple")
            #expect(Set(declaration.first("qti-correct-response")?.children("qti-value").map(\.text) ?? []) == answers)
            let mapping = try #require(declaration.first("qti-mapping"))
            #expect(mapping["lower-bound"] == "0")
            #expect(mapping["upper-bound"] == "1")
            let values = Self.mappedValues(tree)
            for id in ids {
                let expected = answers.contains(id) ? 1 / Double(answers.count) : -1 / Double(wrong.count)
                #expect(abs((values[id] ?? .nan) - expected) < 1e-12, "\(item.id) \(id)")
            }
            #expect(tree.first("qti-choice-interaction")?["max-choices"] == "0")
            #expect(tree.first("qti-response-processing")?["template"] == Self.mapResponse)
        }
    }

    @Test("the form's multiple-response policy decides the mapping: no penalty maps no wrong choice, all-or-nothing matches the set")
    func multipleResponsePolicies() throws {
        let item = try #require(Self.shipped("multiple-response").first)
        var settings = QTIPackageSettings.plainItems
        settings.multipleResponsePolicy = .noPenalty
        let lenient = try QTIFixture.exportItem(item, settings: settings).tree
        #expect(Self.mappedValues(lenient).values.allSatisfy { $0 > 0 })
        #expect(Self.mappedValues(lenient).count == item.body["answers"]?.arrayValue?.count)
        settings.multipleResponsePolicy = .allOrNothing
        let strict = try QTIFixture.exportItem(item, settings: settings).tree
        #expect(strict.first("qti-mapping") == nil)
        #expect(strict.first("qti-response-processing")?["template"] == Self.matchCorrect)
    }

    @Test("a true/false item offers true and false in the export's language and keeps the answer", arguments: ["fr", "ar"])
    func trueFalse(language: String) throws {
        let item = try #require(Self.shipped("true-false").first)
        let tree = try QTIFixture.exportItem(item, language: language).tree
        let choices = tree.all("qti-simple-choice")
        #expect(choices.compactMap { $0["identifier"] } == ["true", "false"])
        #expect(choices.map(\.text) == (language == "fr" ? ["Vrai", "Faux"] : ["صحيح", "خطأ"]))
        let answer = item.body["answer"]?.boolValue == true ? "true" : "false"
        #expect(tree.first("qti-correct-response")?.first("qti-value")?.text == answer)
        #expect(tree.first("qti-prompt")?.text == item.prompt[language])
    }

    @Test("a short text maps every accepted answer of every language to the points, ignoring case, and reports what it cannot forgive")
    func shortText() throws {
        let items = Self.shipped("short-text")
        #expect(!items.isEmpty)
        for item in items {
            let (tree, _, losses) = try QTIFixture.exportItem(item, language: "en")
            let declaration = try #require(tree.first("qti-response-declaration"))
            #expect(declaration["base-type"] == "string")
            let entries = tree.all("qti-map-entry")
            #expect(entries.allSatisfy { $0["case-sensitive"] == "false" && $0["mapped-value"] == "1" })
            let keys = Set(entries.compactMap { $0["map-key"]?.lowercased() })
            for answers in item.body["accepted"]?.objectValue?.members ?? [] {
                for answer in answers.value.arrayValue?.compactMap(\.stringValue) ?? [] {
                    #expect(keys.contains(answer.lowercased()), "\(item.id): \(answer)")
                }
            }
            let english = item.body["accepted"]?["en"]?.arrayValue?.first?.stringValue
            #expect(declaration.first("qti-correct-response")?.first("qti-value")?.text == english)
            #expect(tree.first("qti-text-entry-interaction") != nil)
            #expect(losses.contains { $0.hasPrefix("\(item.id) (short-text)") && $0.contains("punctuation") })
        }
    }

    @Test("an accepted answer with accents is also accepted without them")
    func unaccentedAnswers() throws {
        let item = Item(
            id: "q-001",
            type: "short-text",
            objectives: [],
            prompt: LocalizedText(["fr": "Quel crime ?"]),
            body: ["accepted": ["fr": ["traite des êtres humains"]]]
        )
        let keys = try QTIFixture.exportItem(item).tree.all("qti-map-entry").compactMap { $0["map-key"] }
        #expect(keys == ["traite des êtres humains", "traite des etres humains"])
    }

    @Test("a numeric answer is a float response; no tolerance uses match_correct, a tolerance t writes qti-equal with t t")
    func numeric() throws {
        let shipped = try #require(Self.shipped("numeric").first)
        let (tree, _, losses) = try QTIFixture.exportItem(shipped)
        #expect(tree.first("qti-response-declaration")?["base-type"] == "float")
        let answer = try #require(shipped.body["answer"]?.numberValue)
        #expect(Double(tree.first("qti-correct-response")?.first("qti-value")?.text ?? "") == answer)
        if let unit = shipped.body["unit"]?["fr"]?.stringValue {
            #expect(tree.first("qti-text-entry-interaction").map { _ in tree.first("qti-item-body")?.text.contains(unit) == true } == true)
        }
        #expect(losses.contains { $0.contains("decimal comma") })

        let exact = Item(id: "n-1", type: "numeric", objectives: [], prompt: LocalizedText(["fr": "Âge ?"]), body: ["answer": 18, "tolerance": 0])
        #expect(try QTIFixture.exportItem(exact).tree.first("qti-response-processing")?["template"] == Self.matchCorrect)
        let range = Item(
            id: "n-2",
            type: "numeric",
            objectives: [],
            prompt: LocalizedText(["fr": "Taux ?"]),
            body: ["answer": 2.5, "tolerance": 0.5]
        )
        let equal = try #require(try QTIFixture.exportItem(range).tree.first("qti-equal"))
        #expect(equal["tolerance-mode"] == "absolute")
        #expect(equal["tolerance"] == "0.5 0.5")
        #expect(equal.children.map(\.name) == ["qti-variable", "qti-correct"])
    }

    @Test("a matching item pairs premises with targets as directed pairs worth 1/n each")
    func matching() throws {
        let items = Self.shipped("matching")
        #expect(!items.isEmpty)
        for item in items {
            let tree = try QTIFixture.exportItem(item).tree
            let premises = item.body["premises"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            let key = item.body["answer"]?.objectValue
            let pairs = premises.map { "\($0) \(key?[$0]?.stringValue ?? "?")" }
            let declaration = try #require(tree.first("qti-response-declaration"))
            #expect(declaration["base-type"] == "directedPair")
            #expect(declaration["cardinality"] == "multiple")
            #expect(declaration.first("qti-correct-response")?.children("qti-value").map(\.text) == pairs)
            let values = Self.mappedValues(tree)
            #expect(Set(values.keys) == Set(pairs))
            #expect(values.values.allSatisfy { abs($0 - 1 / Double(premises.count)) < 1e-12 })
            let interaction = try #require(tree.first("qti-match-interaction"))
            #expect(interaction["max-associations"] == String(premises.count))
            let sets = interaction.children("qti-simple-match-set")
            #expect(sets.count == 2)
            #expect(sets.first?.children("qti-simple-associable-choice").compactMap { $0["identifier"] } == premises)
            #expect(tree.first("qti-response-processing")?["template"] == Self.mapResponse)
        }
    }

    @Test("an ordering item keeps its partial-credit rule: one rule per position, or per adjacent pair")
    func ordering() throws {
        let items = Self.shipped("ordering")
        #expect(Set(items.compactMap { $0.body["scoring"]?.stringValue }) == ["positions", "adjacent-pairs"])
        for item in items {
            let tree = try QTIFixture.exportItem(item).tree
            let key = item.body["answer"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let declaration = try #require(tree.first("qti-response-declaration"))
            #expect(declaration["cardinality"] == "ordered")
            #expect(declaration.first("qti-correct-response")?.children("qti-value").map(\.text) == key)
            #expect(tree.first("qti-order-interaction")?.children("qti-simple-choice").count == key.count)
            let rules = tree.first("qti-response-processing")?.children("qti-response-condition") ?? []
            if item.body["scoring"]?.stringValue == "positions" {
                #expect(rules.count == key.count)
                #expect(rules.compactMap { $0.first("qti-index")?["n"] } == (1...key.count).map(String.init))
            } else {
                #expect(rules.count == key.count - 1)
                #expect(rules.allSatisfy { $0.first("qti-contains")?.first("qti-ordered") != nil })
            }
        }
        let strict = Item(
            id: "o-1",
            type: "ordering",
            objectives: [],
            prompt: LocalizedText(["fr": "Ordonnez."]),
            body: [
                "elements": [["id": "e1", "text": ["fr": "Un"]], ["id": "e2", "text": ["fr": "Deux"]]], "answer": ["e2", "e1"],
                "scoring": "all-or-nothing",
            ]
        )
        #expect(try QTIFixture.exportItem(strict).tree.first("qti-response-processing")?["template"] == Self.matchCorrect)
    }

    @Test("a rating scale is a survey item: no correct response, no score, no response processing")
    func likert() throws {
        let item = try #require(Self.shipped("likert").first)
        let tree = try QTIFixture.exportItem(item).tree
        #expect(tree.first("qti-correct-response") == nil)
        #expect(tree.all("qti-outcome-declaration").isEmpty)
        #expect(tree.first("qti-response-processing") == nil)
        let values = item.body["scale"]?.arrayValue?.compactMap { $0["value"]?.integerValue } ?? []
        #expect(tree.all("qti-simple-choice").compactMap { $0["identifier"] } == values.map { "V\($0)" })
    }

    @Test("a case analysis is one item with four responses keyed like the case, scored a quarter each")
    func caseAnalysis() throws {
        let items = Self.shipped("case-analysis")
        #expect(items.count >= 6)
        for item in items {
            let tree = try QTIFixture.exportItem(item).tree
            let key = try #require(item.body["key"])
            let expected = [
                "RESPONSE_ACT": key["act"]?.boolValue == true ? "yes" : "no",
                "RESPONSE_MEANS": key["means"]?.boolValue == true ? "yes" : "no",
                "RESPONSE_PURPOSE": key["purpose"]?.boolValue == true ? "yes" : "no",
                "RESPONSE_CLASSIFICATION": key["classification"]?.stringValue ?? "?",
            ]
            let declarations = tree.children("qti-response-declaration")
            #expect(declarations.count == 4)
            for declaration in declarations {
                let identifier = declaration["identifier"] ?? ""
                #expect(declaration.first("qti-value")?.text == expected[identifier], "\(item.id) \(identifier)")
            }
            let interactions = tree.all("qti-choice-interaction")
            #expect(
                interactions.compactMap { $0["response-identifier"] } == [
                    "RESPONSE_ACT", "RESPONSE_MEANS", "RESPONSE_PURPOSE", "RESPONSE_CLASSIFICATION",
                ]
            )
            #expect(tree.first("div")?.first("p")?.text == item.body["scenario"]?["fr"]?.stringValue)
            let awards = tree.all("qti-response-condition").compactMap { $0.first("qti-base-value")?.text }.compactMap(Double.init)
            #expect(awards == Array(repeating: item.weight / 4, count: 4))
        }
    }

    @Test("an item worth 2 points scores 2: MAXSCORE, a written-out match_correct, a mapping scaled by the points")
    func points() throws {
        var single = try #require(Self.shipped("single-choice").first)
        single.points = 2
        let tree = try QTIFixture.exportItem(single).tree
        let maximum = tree.all("qti-outcome-declaration").first { $0["identifier"] == "MAXSCORE" }
        #expect(maximum?.first("qti-value")?.text == "2")
        #expect(tree.first("qti-response-processing")?["template"] == nil)
        #expect(tree.first("qti-match")?.first("qti-correct") != nil)
        #expect(tree.first("qti-set-outcome-value")?.first("qti-base-value")?.text == "2")

        var multiple = try #require(Self.shipped("multiple-response").first)
        multiple.points = 2
        let mapping = try #require(try QTIFixture.exportItem(multiple).tree.first("qti-mapping"))
        #expect(mapping["upper-bound"] == "2")
    }

    @Test("general feedback becomes a modal feedback shown by default")
    func feedback() throws {
        var item = try #require(Self.shipped("true-false").first)
        item.feedback = LocalizedText(["fr": "La traite exige un but d'exploitation."])
        let tree = try QTIFixture.exportItem(item).tree
        let outcome = tree.all("qti-outcome-declaration").first { $0["identifier"] == "FEEDBACK" }
        #expect(outcome?.first("qti-value")?.text == "GENERAL")
        let modal = try #require(tree.first("qti-modal-feedback"))
        #expect(modal["outcome-identifier"] == "FEEDBACK" && modal["identifier"] == "GENERAL" && modal["show-hide"] == "show")
        #expect(modal.first("qti-content-body")?.first("p")?.text == "La traite exige un but d'exploitation.")
        #expect(tree.children.last?.name == "qti-modal-feedback")
    }
}

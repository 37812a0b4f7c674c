import AtelierKernel
import Testing

@testable import QTI

/// The exported response processing, run as a QTI delivery system would (``QTIResponseProcessor``), against
/// Atelier's own grading by the item-type plugins: the reference is independent of the exporter.
@Suite("QTI response processing gives Atelier's score")
struct QTIScoringTests {
    private static let scoredItems = QTIFixture.allItems.filter(\.itemType.isScored)

    @Test(
        "on random responses to every shipped scored item, SCORE is Atelier's grade times the points",
        arguments: MultipleResponsePolicy.allCases
    )
    func sameScoreAsAtelier(policy: MultipleResponsePolicy) throws {
        #expect(Set(Self.scoredItems.map(\.item.type)).count == 8)
        var generator = SeededGenerator(seed: 20_261_130)
        let settings = QTIPackageSettings(identifier: "check", title: "check", multipleResponsePolicy: policy)
        let context = GradingContext(multipleResponsePolicy: policy)
        for loaded in Self.scoredItems {
            let processor = QTIResponseProcessor(item: try QTIFixture.exportItem(loaded.item, settings: settings).tree)
            for _ in 0..<60 {
                let response = ResponseSampler.sample(loaded.item, using: &generator)
                guard case .scored(let fraction) = loaded.itemType.grade(response.atelier, against: loaded.body, in: context) else {
                    Issue.record("\(loaded.item.id): Atelier could not grade \(response)")
                    continue
                }
                let score = try processor.score(for: response.qti)
                #expect(abs(score - fraction * loaded.item.weight) < 1e-9, "\(loaded.item.id) (\(loaded.item.type)): \(response)")
            }
        }
    }

    @Test("an unanswered item scores 0, and its correct response scores its points")
    func unansweredAndCorrect() throws {
        for loaded in Self.scoredItems {
            let processor = QTIResponseProcessor(item: try QTIFixture.exportItem(loaded.item).tree)
            #expect(try processor.score(for: [:]) == 0, "\(loaded.item.id)")
            let correct = loaded.itemType.correctResponse(for: loaded.body)
            let response = Self.qtiResponse(correct, type: loaded.item.type)
            #expect(abs(try processor.score(for: response) - loaded.item.weight) < 1e-9, "\(loaded.item.id): \(correct.serialized())")
        }
    }

    @Test("an ordering scored by positions gives 2/5 when two elements are in place; by adjacent pairs, 2/4 for two kept pairs")
    func orderingReference() throws {
        let elements: JSONValue = .array(["a", "b", "c", "d", "e"].map { ["id": .string($0), "text": ["fr": .string($0)]] })
        let key: JSONValue = ["a", "b", "c", "d", "e"]
        // Positions: d and e in place, a, b, c not. Adjacent pairs: (b, c) and (d, e) kept, (a, b) and (c, d) not.
        let response: [String: QTIResponseProcessor.Value] = ["RESPONSE": .container(["b", "c", "a", "d", "e"].map { .atom($0) }, ordered: true)]
        let positions = Item(
            id: "o-1",
            type: "ordering",
            objectives: [],
            prompt: LocalizedText(["fr": "?"]),
            body: ["elements": elements, "answer": key]
        )
        #expect(abs(try QTIResponseProcessor(item: QTIFixture.exportItem(positions).tree).score(for: response) - 0.4) < 1e-12)
        let pairs = Item(
            id: "o-2",
            type: "ordering",
            objectives: [],
            prompt: LocalizedText(["fr": "?"]),
            body: ["elements": elements, "answer": key, "scoring": "adjacent-pairs"]
        )
        #expect(abs(try QTIResponseProcessor(item: QTIFixture.exportItem(pairs).tree).score(for: response) - 0.5) < 1e-12)
    }

    @Test("a multiple response with 2 right of 3 and 1 wrong of 2 scores 2/3 − 1/2 with the penalty, 2/3 without")
    func multipleResponseReference() throws {
        let choices: JSONValue = .array(["a", "b", "c", "d", "e"].map { ["id": .string($0), "text": ["fr": .string($0)]] })
        let item = Item(
            id: "m-1",
            type: "multiple-response",
            objectives: [],
            prompt: LocalizedText(["fr": "?"]),
            body: ["choices": choices, "answers": ["a", "b", "c"]]
        )
        let response: [String: QTIResponseProcessor.Value] = ["RESPONSE": .container([.atom("a"), .atom("b"), .atom("d")], ordered: false)]
        let penalized = try QTIResponseProcessor(item: QTIFixture.exportItem(item).tree).score(for: response)
        #expect(abs(penalized - (2.0 / 3 - 1.0 / 2)) < 1e-12)
        var settings = QTIPackageSettings.plainItems
        settings.multipleResponsePolicy = .noPenalty
        let lenient = try QTIResponseProcessor(item: QTIFixture.exportItem(item, settings: settings).tree).score(for: response)
        #expect(abs(lenient - 2.0 / 3) < 1e-12)
    }

    private static func qtiResponse(_ response: JSONValue, type: String) -> [String: QTIResponseProcessor.Value] {
        switch (type, response) {
        case ("true-false", .bool(let value)): return ["RESPONSE": .atom(value ? "true" : "false")]
        case ("numeric", .number(let value)): return ["RESPONSE": .number(value)]
        case ("ordering", .array(let ids)): return ["RESPONSE": .container(ids.compactMap(\.stringValue).map { .atom($0) }, ordered: true)]
        case (_, .array(let ids)): return ["RESPONSE": .container(ids.compactMap(\.stringValue).map { .atom($0) }, ordered: false)]
        case ("matching", .object(let pairs)):
            return ["RESPONSE": .container(pairs.members.map { .atom("\($0.key) \($0.value.stringValue ?? "")") }, ordered: false)]
        case ("case-analysis", .object(let parts)):
            var values: [String: QTIResponseProcessor.Value] = [:]
            for element in ["act", "means", "purpose"] {
                values["RESPONSE_\(element.uppercased())"] = .atom(parts[element]?.boolValue == true ? "yes" : "no")
            }
            values["RESPONSE_CLASSIFICATION"] = .atom(parts["classification"]?.stringValue ?? "")
            return values
        case (_, .string(let value)): return ["RESPONSE": .atom(value)]
        default: return [:]
        }
    }
}

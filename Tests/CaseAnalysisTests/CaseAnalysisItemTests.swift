import AtelierKernel
import CaseAnalysis
import Testing

@Suite("Case analysis")
struct CaseAnalysisItemTests {
    let type = AnyItemType(CaseAnalysisItem())

    func body(child: Bool = false, act: Bool = true, means: Bool = true, purpose: Bool = true, classification: String = "trafficking") -> JSONValue {
        [
            "scenario": ["en": "Fictional scenario.", "fr": "Scénario fictif.", "ar": "سيناريو متخيل."],
            "child": .bool(child),
            "key": ["act": .bool(act), "means": .bool(means), "purpose": .bool(purpose), "classification": .string(classification)],
        ]
    }

    func grade(_ body: JSONValue, _ response: JSONValue?, points: Double = 4) throws -> ItemGrade {
        let item = Item(id: "c1", type: "case-analysis", objectives: ["o1"], points: points, prompt: LocalizedText(["en": "?"]), body: body)
        let loaded = LoadedItem(item: item, itemType: type, body: try type.decode(body), module: "m", origin: ("t", .root))
        return FormGrader.grade(loaded, response: response, context: GradingContext())
    }

    func problems(_ body: JSONValue) throws -> [ItemDiagnostics.Entry] {
        type.check(try type.decode(body), in: ItemCheckContext(itemID: "c1", languages: ["en"])).entries
    }

    @Test(
        "grades each element and the classification, a quarter each",
        arguments: [
            (["act": true, "means": true, "purpose": true, "classification": "trafficking"], 4.0, ItemGrade.Status.correct),
            (["act": true, "means": false, "purpose": true, "classification": "trafficking"], 3.0, .partial),
            (["act": true, "means": false, "purpose": true, "classification": "smuggling"], 2.0, .partial),
            (["act": false, "means": false, "purpose": false, "classification": "neither"], 0.0, .incorrect),
            (["classification": "trafficking"], 1.0, .partial),  // parts left out earn nothing
            (["act": true, "means": nil], 1.0, .partial),
        ] as [(JSONValue, Double, ItemGrade.Status)]
    )
    func gradesPerElement(response: JSONValue, score: Double, status: ItemGrade.Status) throws {
        let result = try grade(body(), response)
        #expect(result.score == score)
        #expect(result.status == status)
    }

    @Test("for a child, act and purpose make trafficking even without any means")
    func childRule() throws {
        let childCase = body(child: true, means: false, classification: "trafficking")
        #expect(try problems(childCase).isEmpty)
        let right = try grade(childCase, ["act": true, "means": false, "purpose": true, "classification": "trafficking"])
        #expect(right.status == .correct)
        // A participant who requires a means for a child misclassifies the case and loses that part.
        let adultReading = try grade(childCase, ["act": true, "means": false, "purpose": true, "classification": "neither"])
        #expect(adultReading.score == 3)
    }

    @Test(
        "reports keys that contradict the definition",
        arguments: [
            (false, true, false, true, "trafficking", "missing: means (required for an adult)"),
            (false, false, true, true, "both", "missing: act"),
            (true, true, false, false, "trafficking", "missing: purpose"),
            (false, true, true, true, "smuggling", "which is trafficking"),
            (true, true, false, true, "neither", "which is trafficking"),
        ]
    )
    func contradictions(child: Bool, act: Bool, means: Bool, purpose: Bool, classification: String, fragment: String) throws {
        let found = try problems(body(child: child, act: act, means: means, purpose: purpose, classification: classification))
        #expect(found.map(\.code) == ["key-contradicts-definition"])
        #expect(found.first?.pointer == "/key/classification")
        #expect(found.first?.message.contains(fragment) == true)
    }

    @Test("accepts consistent smuggling and 'neither' keys")
    func consistentKeys() throws {
        #expect(try problems(body(act: true, means: false, purpose: false, classification: "smuggling")).isEmpty)
        #expect(try problems(body(act: false, means: false, purpose: false, classification: "neither")).isEmpty)
        #expect(try problems(body(child: true, act: true, means: false, purpose: false, classification: "neither")).isEmpty)
    }

    @Test(
        "rejects responses of the wrong shape with a message",
        arguments: [
            (JSONValue.string("trafficking"), "expected an object"),
            (["act": "yes"] as JSONValue, "'act' must be true (present) or false (absent), found string"),
            (["classification": "slavery"] as JSONValue, "'classification' must be one of trafficking, smuggling, both, neither"),
            (["victim": true] as JSONValue, "'victim' is not a part of a case analysis"),
        ]
    )
    func rejects(response: JSONValue, fragment: String) throws {
        let result = try grade(body(), response)
        #expect(result.status == .invalid)
        #expect(result.error?.contains(fragment) == true)
        #expect(result.score == 0)
    }

    @Test("an empty or missing response earns nothing")
    func unanswered() throws {
        #expect(try grade(body(), nil).status == .unanswered)
        #expect(try grade(body(), [:]).status == .incorrect)
    }

    @Test("presents the scenario, the questions and the classifications in Arabic, without the key")
    func presentsWithoutKey() throws {
        let presented = type.present(try type.decode(body(child: true, means: false)), in: PresentationContext(language: "ar"))
        #expect(presented["scenario"] == "سيناريو متخيل.")
        #expect(presented.value(at: "/elements/0/label") == "الفعل")
        #expect(presented.value(at: "/classifications/0/label") == "الاتجار بالأشخاص")
        #expect(presented.value(at: "/classifications/1/label") == "تهريب المهاجرين")
        #expect(presented["key"] == nil)
        #expect(presented["child"] == nil)
        #expect(!presented.serialized().contains("\"classification\""))
    }

    @Test("the random-guess score is (3 × ½ + ¼) / 4")
    func guess() throws {
        #expect(type.randomGuessFraction(for: try type.decode(body()), in: GradingContext()) == 0.4375)
    }
}

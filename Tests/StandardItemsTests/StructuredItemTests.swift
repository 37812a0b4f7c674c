import AtelierKernel
import StandardItems
import Testing

@Suite("Matching")
struct MatchingTests {
    let body: JSONValue = [
        "premises": choices("p1", "p2", "p3"),
        "targets": choices("t1", "t2", "t3", "t4"),
        "answer": ["p1": "t2", "p2": "t1", "p3": "t4"],
    ]

    @Test("credits each premise matched right")
    func partialCredit() throws {
        #expect(try grade(MatchingTest.item, body, ["p1": "t2", "p2": "t1", "p3": "t4"], points: 3).score == 3)
        #expect(try grade(MatchingTest.item, body, ["p1": "t2", "p2": "t3", "p3": "t4"], points: 3).score == 2)
        #expect(try grade(MatchingTest.item, body, ["p1": "t2"], points: 3).score == 1)  // premises left out earn nothing
        #expect(try grade(MatchingTest.item, body, ["p1": "t2", "p2": nil], points: 3).score == 1)
        #expect(try grade(MatchingTest.item, body, [:], points: 3).status == .incorrect)
    }

    @Test(
        "rejects unknown premises and targets, and the wrong shape",
        arguments: [
            (["p9": "t1"] as JSONValue, "'p9' is not one of the premises p1, p2, p3"),
            (["p1": "t9"] as JSONValue, "'t9' is not one of the targets t1, t2, t3, t4"),
            (["p1": 2] as JSONValue, "the target of 'p1' must be a target id string, found number"),
            (["t2", "t1"] as JSONValue, "expected an object pairing premises with targets, such as {\"p1\": \"t2\"}, found array"),
        ]
    )
    func rejects(response: JSONValue, message: String) throws {
        let result = try grade(MatchingTest.item, body, response)
        #expect(result.status == .invalid)
        #expect(result.error == message)
    }

    @Test("reports a pair to a missing target, a pair of an unknown premise, and a premise without a pair")
    func checksKey() throws {
        let broken: JSONValue = [
            "premises": choices("p1", "p2", "p3"), "targets": choices("t1", "t2"), "answer": ["p1": "t5", "p9": "t1", "p2": "t2"],
        ]
        let problems = try check(MatchingTest.item, broken)
        #expect(problems.map(\.code) == ["pair-to-missing-target", "unknown-premise", "premise-without-pair"])
        #expect(problems.map(\.pointer) == ["/answer/p1", "/answer/p9", "/premises/2"])
    }

    @Test("presents premises and shuffled targets without the key; guesses one in |targets|")
    func presents() throws {
        let presented = try present(MatchingTest.item, body)
        #expect(!presented.allKeys.contains("answer"))
        #expect(presented["targets"]?.arrayValue?.count == 4)
        #expect(try guess(MatchingTest.item, body) == 0.25)
    }
}

enum MatchingTest { static let item = Matching() }

@Suite("Ordering")
struct OrderingTests {
    func body(_ scoring: String) -> JSONValue {
        ["elements": choices("e1", "e2", "e3", "e4"), "answer": ["e1", "e2", "e3", "e4"], "scoring": .string(scoring)]
    }

    @Test(
        "gives partial credit by the stated rule (hand-computed)",
        arguments: [
            ("positions", ["e1", "e2", "e3", "e4"], 1.0),
            ("positions", ["e2", "e1", "e3", "e4"], 0.5),  // e3, e4 in place
            ("positions", ["e4", "e1", "e2", "e3"], 0.0),  // everything shifted by one
            ("adjacent-pairs", ["e4", "e1", "e2", "e3"], 2.0 / 3),  // keeps e1e2 and e2e3
            ("adjacent-pairs", ["e2", "e1", "e4", "e3"], 0.0),
            ("adjacent-pairs", ["e3", "e4", "e1", "e2"], 2.0 / 3),  // keeps e3e4 and e1e2
            ("all-or-nothing", ["e1", "e2", "e4", "e3"], 0.0),
            ("all-or-nothing", ["e1", "e2", "e3", "e4"], 1.0),
        ] as [(String, [String], Double)]
    )
    func partialCredit(scoring: String, order: [String], expected: Double) throws {
        let result = try grade(Ordering(), body(scoring), .array(order.map(JSONValue.string)))
        #expect(abs(result.score - expected) < 1e-6)
    }

    @Test(
        "rejects duplicates, unknown and missing elements",
        arguments: [
            (["e1", "e1", "e3", "e4"] as JSONValue, "repeated e1; missing e2"),
            (["e1", "e2", "e3"] as JSONValue, "missing e4"),
            (["e1", "e2", "e3", "e9"] as JSONValue, "unknown e9; missing e4"),
        ]
    )
    func rejects(response: JSONValue, detail: String) throws {
        let result = try grade(Ordering(), body("positions"), response)
        #expect(result.status == .invalid)
        #expect(result.error == "the response must order all 4 elements exactly once: \(detail)")
    }

    @Test("reports a key that is not a permutation of the elements")
    func checksKey() throws {
        let problems = try check(Ordering(), ["elements": choices("e1", "e2", "e3"), "answer": ["e1", "e1", "e4"]])
        #expect(problems.map(\.code) == ["key-not-a-permutation"])
        #expect(problems.first?.pointer == "/answer")
        #expect(problems.first?.message == "the key is not an order of the elements: unknown e4; repeated e1; missing e2, e3")
    }

    @Test("never presents the elements in the key's order, whatever the seed")
    func neverRevealsOrder() throws {
        for seed in UInt64(0)..<200 {
            let presented = try present(Ordering(), body("positions"), seed: seed)
            let ids = presented["elements"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids != ["e1", "e2", "e3", "e4"])
            #expect(Set(ids ?? []) == ["e1", "e2", "e3", "e4"])
        }
    }

    @Test("guesses 1/n by positions and adjacent pairs, 1/n! for all or nothing")
    func guesses() throws {
        #expect(try guess(Ordering(), body("positions")) == 0.25)
        #expect(try guess(Ordering(), body("adjacent-pairs")) == 0.25)
        #expect(abs((try guess(Ordering(), body("all-or-nothing")) ?? 0) - 1.0 / 24) < 1e-12)
    }
}

@Suite("Numeric")
struct NumericTests {
    @Test(
        "accepts numbers within the tolerance, as typed from paper",
        arguments: [
            (JSONValue.number(18), true), (JSONValue.number(18.4), true), (JSONValue.number(18.6), false),
            (JSONValue.string("18"), true), (JSONValue.string(" 18,5 "), true), (JSONValue.string("١٨"), true),
            (JSONValue.number(17), false), (JSONValue.number(-18), false),
        ]
    )
    func tolerance(response: JSONValue, right: Bool) throws {
        let result = try grade(Numeric(), ["answer": 18, "tolerance": 0.5], response)
        #expect(result.status == (right ? .correct : .incorrect))
    }

    @Test(
        "rejects what is not a number",
        arguments: [JSONValue.string("eighteen"), JSONValue.bool(true), JSONValue.array([18]), JSONValue.string("1.2.3")]
    )
    func rejects(response: JSONValue) throws {
        #expect(try grade(Numeric(), ["answer": 18], response).status == .invalid)
    }

    @Test("reports a negative tolerance")
    func negativeTolerance() throws {
        let problems = try check(Numeric(), ["answer": 18, "tolerance": -1])
        #expect(problems.map(\.code) == ["negative-tolerance"])
        #expect(problems.first?.pointer == "/tolerance")
    }

    @Test("presents the unit only")
    func presents() throws {
        let presented = try present(Numeric(), ["answer": 18, "unit": ["en": "years"]])
        #expect(presented == ["unit": "years"])
    }
}

@Suite("Short text")
struct ShortTextTests {
    let body: JSONValue = [
        "accepted": [
            "fr": ["traite des personnes", "la traite"], "en": ["trafficking in persons"], "ar": ["الاتجار بالأشخاص"],
        ]
    ]

    @Test(
        "matches after normalizing case, spaces, accents, punctuation and Arabic letter forms",
        arguments: [
            ("  Traite   des PERSONNES. ", true),
            ("La traite", true),
            ("Trafficking in persons!", true),
            ("الاتِّجار بالأشخاص", true),  // shadda and kasra
            ("الاتجار بالاشخاص", true),  // plain alef for أ
            ("الاتـــجار بالأشخاص", true),  // tatweel
            ("trafic de migrants", false),
            ("", false),
        ]
    )
    func matches(response: String, right: Bool) throws {
        #expect(try grade(ShortText(), body, .string(response)).status == (right ? .correct : .incorrect))
    }

    @Test("folds accents and Arabic variants the same way on both sides")
    func normalizer() {
        #expect(AnswerNormalizer.normalize("Éducation  à l'école") == "education a l ecole")
        #expect(AnswerNormalizer.normalize("مُسْتَشْفَى") == AnswerNormalizer.normalize("مستشفي"))
        #expect(AnswerNormalizer.normalize("مدرسة") == AnswerNormalizer.normalize("مدرسه"))
        #expect(AnswerNormalizer.normalize("إيواء") == AnswerNormalizer.normalize("ايواء"))
        #expect(AnswerNormalizer.normalize("مسؤول") == AnswerNormalizer.normalize("مسوول"))
        #expect(AnswerNormalizer.normalize("١٨ سنة") == AnswerNormalizer.normalize("18 سنه"))
    }

    @Test("rejects the wrong shape and overlong answers")
    func rejects() throws {
        #expect(try grade(ShortText(), body, 18).status == .invalid)
        #expect(try grade(ShortText(), body, ["traite"]).status == .invalid)
        #expect(try grade(ShortText(), body, .string(String(repeating: "a", count: 501))).status == .invalid)
    }

    @Test("warns about accepted answers that normalization makes identical")
    func checksAccepted() throws {
        let problems = try check(ShortText(), ["accepted": ["fr": ["Traite", "traite ", "..."]]])
        #expect(problems.map(\.code) == ["duplicate-answer", "empty-answer"])
        #expect(problems.map(\.pointer) == ["/accepted/fr/1", "/accepted/fr/2"])
    }

    @Test("presents no accepted answer")
    func presents() throws {
        #expect(!(try present(ShortText(), body)).allKeys.contains("accepted"))
        #expect(try guess(ShortText(), body) == 0)
    }
}

@Suite("Likert")
struct LikertTests {
    let body: JSONValue = [
        "scale": [["value": 1, "label": ["en": "Not at all"]], ["value": 2, "label": ["en": "A little"]], ["value": 3, "label": ["en": "Very"]]]
    ]

    @Test("records a value on the scale without scoring it")
    func records() throws {
        let result = try grade(Likert(), body, 2)
        #expect(result.status == .recorded)
        #expect(result.maxScore == 0)
        #expect(result.score == 0)
        #expect(try grade(Likert(), body, nil).status == .unanswered)
        #expect(try guess(Likert(), body) == nil)
    }

    @Test("rejects values off the scale", arguments: [JSONValue.number(4), JSONValue.number(0), JSONValue.string("very"), JSONValue.number(2.5)])
    func rejects(response: JSONValue) throws {
        #expect(try grade(Likert(), body, response).status == .invalid)
    }

    @Test("reports repeated values")
    func checksScale() throws {
        let problems = try check(Likert(), ["scale": [["value": 1, "label": ["en": "a"]], ["value": 1, "label": ["en": "b"]]]])
        #expect(problems.map(\.code).contains("duplicate-value"))
        #expect(problems.first?.pointer == "/scale/1/value")
    }
}

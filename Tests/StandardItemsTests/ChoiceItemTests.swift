import AtelierKernel
import StandardItems
import Testing

@Suite("Single choice")
struct SingleChoiceTests {
    let body: JSONValue = ["choices": choices("a", "b", "c", "d"), "answer": "c"]

    @Test("scores the key, and nothing else")
    func scores() throws {
        #expect(try grade(SingleChoice(), body, "c", points: 2).score == 2)
        #expect(try grade(SingleChoice(), body, "c", points: 2).status == .correct)
        #expect(try grade(SingleChoice(), body, "a").status == .incorrect)
        #expect(try grade(SingleChoice(), body, nil).status == .unanswered)
    }

    @Test(
        "rejects responses of the wrong shape or outside the choices, with a message",
        arguments: [
            (JSONValue.number(3), "expected the id of one choice as a string, found number"),
            (JSONValue.array(["c"]), "expected the id of one choice as a string, found array"),
            (JSONValue.string("e"), "'e' is not one of the choices a, b, c, d"),
        ]
    )
    func rejects(response: JSONValue, message: String) throws {
        let result = try grade(SingleChoice(), body, response)
        #expect(result.status == .invalid)
        #expect(result.error == message)
        #expect(result.score == 0)
    }

    @Test("reports a key that is not a choice, and duplicate choice ids")
    func checksKey() throws {
        let problems = try check(SingleChoice(), ["choices": choices("a", "b", "a"), "answer": "e"])
        #expect(problems.map(\.code) == ["duplicate-choice", "answer-not-a-choice"])
        #expect(problems.map(\.pointer) == ["/choices/2/id", "/answer"])
        #expect(problems[1].message == "\"e\" is not one of the choices a, b, a")
    }

    @Test("presents choices without the key; shuffles only when asked, reproducibly")
    func presents() throws {
        let plain = try present(SingleChoice(), body)
        #expect(!plain.allKeys.contains("answer"))
        #expect(plain["choices"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["a", "b", "c", "d"])
        let shuffled = try present(SingleChoice(), body, shuffle: true, seed: 7)
        #expect(shuffled == (try present(SingleChoice(), body, shuffle: true, seed: 7)))
        #expect(Set(shuffled["choices"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == ["a", "b", "c", "d"])
    }

    @Test("guesses right one time in n")
    func guesses() throws {
        #expect(try guess(SingleChoice(), body) == 0.25)
    }
}

@Suite("Multiple response")
struct MultipleResponseTests {
    // 2 correct (a, c) and 3 wrong (b, d, e).
    let body: JSONValue = ["choices": choices("a", "b", "c", "d", "e"), "answers": ["a", "c"]]

    @Test(
        "gives partial credit by policy (hand-computed: C = {a, c}, W = {b, d, e})",
        arguments: [
            (["a", "c"], MultipleResponsePolicy.proportionalPenalty, 1.0),
            (["a"], .proportionalPenalty, 0.5),
            (["a", "b"], .proportionalPenalty, 0.5 - 1.0 / 3),
            (["a", "b", "d"], .proportionalPenalty, 0.0),  // 1/2 − 2/3 < 0, floored
            (["a", "b", "c", "d", "e"], .proportionalPenalty, 0.0),  // choosing everything earns nothing
            (["a", "b"], .noPenalty, 0.5),
            (["a", "b", "c", "d", "e"], .noPenalty, 1.0),
            (["a", "c"], .allOrNothing, 1.0),
            (["a", "c", "e"], .allOrNothing, 0.0),
            (["a"], .allOrNothing, 0.0),
            ([], .proportionalPenalty, 0.0),
        ] as [([String], MultipleResponsePolicy, Double)]
    )
    func partialCredit(chosen: [String], policy: MultipleResponsePolicy, expected: Double) throws {
        let result = try grade(MultipleResponse(), body, .array(chosen.map(JSONValue.string)), points: 3, policy: policy)
        #expect(abs(result.score - expected * 3) < 1e-6)
    }

    @Test("counts a choice selected twice once")
    func duplicateSelections() throws {
        let twice = try grade(MultipleResponse(), body, ["a", "a", "a"], policy: .noPenalty)
        #expect(twice.score == 0.5)
        #expect(twice.status == .partial)
    }

    @Test("an empty selection is answered (0), a missing one is unanswered")
    func emptySelection() throws {
        #expect(try grade(MultipleResponse(), body, []).status == .incorrect)
        #expect(try grade(MultipleResponse(), body, nil).status == .unanswered)
    }

    @Test("rejects responses of the wrong shape", arguments: [JSONValue.string("a"), ["a", 1], ["z"], ["a": true]])
    func rejects(response: JSONValue) throws {
        #expect(try grade(MultipleResponse(), body, response).status == .invalid)
    }

    @Test("checks the key")
    func checksKey() throws {
        let problems = try check(MultipleResponse(), ["choices": choices("a", "b"), "answers": ["a", "x"]])
        #expect(problems.map(\.code) == ["answer-not-a-choice"])
        #expect(problems.first?.pointer == "/answers/1")
        #expect(try check(MultipleResponse(), ["choices": choices("a", "b"), "answers": ["a", "b"]]).map(\.code) == ["no-wrong-choice"])
    }

    @Test(
        "computes the expected score of random selection exactly",
        arguments: [
            // Every subset of 5 options equally likely. No penalty: E[hits]/2 = 1/2.
            (MultipleResponsePolicy.noPenalty, 0.5),
            // All or nothing: exactly one subset of 32 is right.
            (.allOrNothing, 1.0 / 32),
            // Proportional: Σ C(2,h)C(3,w)/32 · max(0, h/2 − w/3) over h∈0…2, w∈0…3:
            // h=1: 2·(1/2) + 6·(1/6) = 2; h=2: 1·1 + 3·(2/3) + 3·(1/3) = 4; so 6/32.
            (.proportionalPenalty, 6.0 / 32),
        ]
    )
    func guesses(policy: MultipleResponsePolicy, expected: Double) throws {
        #expect(abs((try guess(MultipleResponse(), body, policy: policy) ?? -1) - expected) < 1e-12)
    }

    @Test("presents choices without the key")
    func presents() throws {
        let presented = try present(MultipleResponse(), body)
        #expect(presented.allKeys.isDisjoint(with: ["answers", "answer"]))
    }
}

@Suite("True/false")
struct TrueFalseTests {
    @Test("scores booleans and rejects anything else")
    func scores() throws {
        let body: JSONValue = ["answer": false]
        #expect(try grade(TrueFalse(), body, false).status == .correct)
        #expect(try grade(TrueFalse(), body, true).status == .incorrect)
        #expect(try grade(TrueFalse(), body, "false").status == .invalid)
        #expect(try grade(TrueFalse(), body, 0).status == .invalid)
        #expect(try grade(TrueFalse(), body, nil).status == .unanswered)
        #expect(try guess(TrueFalse(), body) == 0.5)
    }

    @Test("presents labelled options in the participant's language, not the key")
    func presents() throws {
        let erased = AnyItemType(TrueFalse())
        let presented = erased.present(try erased.decode(["answer": true]), in: PresentationContext(language: "ar"))
        #expect(presented.value(at: "/options/0/label") == "صحيح")
        #expect(presented.value(at: "/options/1/label") == "خطأ")
        #expect(!presented.allKeys.contains("answer"))
    }
}

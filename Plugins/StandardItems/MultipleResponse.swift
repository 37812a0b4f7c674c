import AtelierKernel

/// Several correct options; partial credit follows the form's ``MultipleResponsePolicy``.
///
/// Body: `{"choices": [...], "answers": ["a", "c"]}`. Response: `["a", "c"]` (`[]` means none chosen).
/// With C the correct options and W the wrong ones: `no-penalty` scores |chosen ∩ C| / |C|;
/// `proportional-penalty` scores max(0, |chosen ∩ C| / |C| − |chosen ∩ W| / |W|); `all-or-nothing` scores 1
/// only for exactly C. An option chosen twice counts once.
public struct MultipleResponse: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// The options.
        public var choices: [Choice]
        /// The ids of the correct options.
        public var answers: [String]
    }

    /// Creates the item type.
    public init() {}

    public let kind = "multiple-response"
    public let summary = "Several correct options, partial credit per the form's policy. Response: the chosen ids, e.g. [\"a\", \"c\"]."

    public var bodySchema: Schema {
        .object([
            Property("choices", Choice.listSchema(minItems: 2, maxItems: 16, summary: "The options, 2 to 16.")),
            Property("answers", .array(of: .string(maxLength: 32), minItems: 1, unique: true, summary: "The ids of the correct options.")),
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        Choice.checkUnique(body.choices, at: "/choices", diagnostics: &diagnostics)
        let ids = Set(body.choices.map(\.id))
        for (index, answer) in body.answers.enumerated() where !ids.contains(answer) {
            diagnostics.error(
                "answer-not-a-choice",
                "\"\(answer)\" is not one of the choices \(Choice.list(body.choices))",
                at: JSONPointer("/answers/\(index)"),
                hint: "list the ids of the correct choices"
            )
        }
        if Set(body.answers).isSuperset(of: ids) {
            diagnostics.warning(
                "no-wrong-choice",
                "every choice is correct, so choosing all of them earns full credit",
                at: "/answers",
                hint: "add plausible wrong choices"
            )
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        ["choices": Choice.present(body.choices, in: context), "selectAll": true]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        guard case .array(let elements) = response else {
            return .invalid("expected an array of choice ids such as [\"a\", \"c\"], found \(response.typeName)")
        }
        var chosen: Set<String> = []
        let ids = Set(body.choices.map(\.id))
        for element in elements {
            guard case .string(let id) = element else {
                return .invalid("expected choice ids as strings, found \(element.typeName)")
            }
            guard ids.contains(id) else { return .invalid("'\(id)' is not one of the choices \(Choice.list(body.choices))") }
            chosen.insert(id)
        }
        let correct = Set(body.answers)
        let hits = chosen.intersection(correct).count
        let misses = chosen.subtracting(correct).count
        return .scored(
            MultipleResponse.fraction(
                hits: hits,
                wrongChosen: misses,
                correctCount: correct.count,
                wrongCount: ids.count - correct.count,
                policy: context.multipleResponsePolicy
            )
        )
    }

    /// The credit for `hits` correct and `wrongChosen` wrong options chosen.
    static func fraction(hits: Int, wrongChosen: Int, correctCount: Int, wrongCount: Int, policy: MultipleResponsePolicy) -> Double {
        guard correctCount > 0 else { return 0 }
        let credit = Double(hits) / Double(correctCount)
        switch policy {
        case .noPenalty:
            return credit
        case .proportionalPenalty:
            let penalty = wrongCount > 0 ? Double(wrongChosen) / Double(wrongCount) : 0
            return max(0, credit - penalty)
        case .allOrNothing:
            return hits == correctCount && wrongChosen == 0 ? 1 : 0
        }
    }

    /// The expected credit when each option is chosen independently with probability ½ (every subset of
    /// options equally likely).
    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? {
        let correctCount = Set(body.answers).count
        let wrongCount = body.choices.count - correctCount
        var expected = 0.0
        for hits in 0...correctCount {
            for wrong in 0...max(0, wrongCount) {
                let probability = binomial(correctCount, hits) * binomial(wrongCount, wrong) / pow2(correctCount + wrongCount)
                expected +=
                    probability
                    * MultipleResponse.fraction(
                        hits: hits,
                        wrongChosen: wrong,
                        correctCount: correctCount,
                        wrongCount: wrongCount,
                        policy: context.multipleResponsePolicy
                    )
            }
        }
        return expected
    }

    public func correctResponse(for body: Body) -> JSONValue { .array(body.answers.map(JSONValue.string)) }

    private func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result
    }

    private func pow2(_ n: Int) -> Double { (0..<n).reduce(1.0) { value, _ in value * 2 } }
}

import AtelierKernel

/// Premises to match with targets; credit is the share of premises matched right.
///
/// Body: `{"premises": [{"id": "p1", "text": LT}], "targets": [{"id": "t1", "text": LT}], "answer": {"p1": "t1"}}`.
/// Response: `{"p1": "t1", …}`; a premise left out earns nothing for that premise.
public struct Matching: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// What is matched.
        public var premises: [Choice]
        /// What it is matched with (may include distractors).
        public var targets: [Choice]
        /// The correct target of each premise.
        public var answer: [String: String]
    }

    /// Creates the item type.
    public init() {}

    public let kind = "matching"
    public let summary = "Premises matched with targets; credit per premise. Response: {\"p1\": \"t2\", …}."

    public var bodySchema: Schema {
        .object([
            Property("premises", Choice.listSchema(minItems: 2, maxItems: 12, summary: "What is matched, 2 to 12.")),
            Property("targets", Choice.listSchema(minItems: 2, maxItems: 16, summary: "What premises are matched with; may include distractors.")),
            Property(
                "answer",
                .dictionary(of: .string(maxLength: 32), summary: "The correct target of each premise: {\"p1\": \"t2\", …}.")
            ),
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        Choice.checkUnique(body.premises, at: "/premises", diagnostics: &diagnostics)
        Choice.checkUnique(body.targets, at: "/targets", diagnostics: &diagnostics)
        let premises = Set(body.premises.map(\.id))
        let targets = Set(body.targets.map(\.id))
        for (premise, target) in body.answer.sorted(by: { $0.key < $1.key }) {
            if !premises.contains(premise) {
                diagnostics.error(
                    "unknown-premise",
                    "the key pairs '\(premise)', which is not a premise (\(Choice.list(body.premises)))",
                    at: JSONPointer(tokens: ["answer", premise]),
                    hint: "pair each premise id with a target id"
                )
            } else if !targets.contains(target) {
                diagnostics.error(
                    "pair-to-missing-target",
                    "'\(premise)' is paired with '\(target)', which is not a target (\(Choice.list(body.targets)))",
                    at: JSONPointer(tokens: ["answer", premise]),
                    hint: "use one of the target ids"
                )
            }
        }
        for (index, premise) in body.premises.enumerated() where body.answer[premise.id] == nil {
            diagnostics.error(
                "premise-without-pair",
                "the premise '\(premise.id)' has no target in the key",
                at: JSONPointer("/premises/\(index)"),
                hint: "add \"\(premise.id)\": \"TARGET_ID\" to answer"
            )
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        var shuffled = context
        shuffled.shuffleChoices = true  // targets in key order would give the answer away
        shuffled.seed = context.seed &+ 1
        return ["premises": Choice.present(body.premises, in: context), "targets": Choice.present(body.targets, in: shuffled)]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        guard case .object(let object) = response else {
            return .invalid("expected an object pairing premises with targets, such as {\"p1\": \"t2\"}, found \(response.typeName)")
        }
        let premises = Set(body.premises.map(\.id))
        let targets = Set(body.targets.map(\.id))
        var right = 0
        for member in object.members {
            guard premises.contains(member.key) else {
                return .invalid("'\(member.key)' is not one of the premises \(Choice.list(body.premises))")
            }
            if member.value.isNull { continue }
            guard case .string(let target) = member.value else {
                return .invalid("the target of '\(member.key)' must be a target id string, found \(member.value.typeName)")
            }
            guard targets.contains(target) else {
                return .invalid("'\(target)' is not one of the targets \(Choice.list(body.targets))")
            }
            if body.answer[member.key] == target { right += 1 }
        }
        return .scored(Double(right) / Double(max(1, body.premises.count)))
    }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? {
        1 / Double(max(1, body.targets.count))
    }

    public func correctResponse(for body: Body) -> JSONValue {
        .object(JSONObject(body.premises.compactMap { premise in body.answer[premise.id].map { (key: premise.id, value: JSONValue.string($0)) } }))
    }
}

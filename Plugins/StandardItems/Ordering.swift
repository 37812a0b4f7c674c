import AtelierKernel

/// Elements to put in order; partial credit follows the item's stated rule.
///
/// Body: `{"elements": [{"id": "e1", "text": LT}], "answer": ["e2", "e1", "e3"], "scoring": "positions"}`.
/// Response: a complete order, `["e2", "e1", "e3"]`.
/// - `positions` (default): the share of elements in their correct place.
/// - `adjacent-pairs`: the share of the key's n − 1 consecutive pairs that the response keeps
///   consecutive and in order.
/// - `all-or-nothing`: full credit only for exactly the key.
public struct Ordering: ItemType {
    /// How partial credit is given.
    public enum Scoring: String, Codable, Sendable, CaseIterable {
        case positions
        case adjacentPairs = "adjacent-pairs"
        case allOrNothing = "all-or-nothing"
    }

    /// The body.
    public struct Body: Codable, Sendable {
        /// The elements, in any order.
        public var elements: [Choice]
        /// The element ids in the correct order.
        public var answer: [String]
        /// The partial-credit rule (default `positions`).
        public var scoring: Scoring?
    }

    /// Creates the item type.
    public init() {}

    public let kind = "ordering"
    public let summary = "Elements put in order; partial credit by positions or adjacent pairs. Response: the ids in order."

    public var bodySchema: Schema {
        .object([
            Property("elements", Choice.listSchema(minItems: 2, maxItems: 12, summary: "The elements, 2 to 12, in any order.")),
            Property("answer", .array(of: .string(maxLength: 32), minItems: 2, summary: "The element ids in the correct order.")),
            .optional(
                "scoring",
                .oneOf(
                    Scoring.allCases.map(\.rawValue),
                    summary: "Partial credit: positions (share in the right place, default), adjacent-pairs, or all-or-nothing."
                )
            ),
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        Choice.checkUnique(body.elements, at: "/elements", diagnostics: &diagnostics)
        let ids = body.elements.map(\.id)
        if let problem = Ordering.permutationProblem(body.answer, of: ids) {
            diagnostics.error(
                "key-not-a-permutation",
                "the key is not an order of the elements: \(problem)",
                at: "/answer",
                hint: "list every element id exactly once, in the correct order"
            )
        }
    }

    /// What keeps `order` from being a permutation of `ids`, if anything.
    static func permutationProblem(_ order: [String], of ids: [String]) -> String? {
        var problems: [String] = []
        let known = Set(ids)
        var seen: Set<String> = []
        let unknown = order.filter { !known.contains($0) }
        let repeated = order.filter { known.contains($0) && !seen.insert($0).inserted }
        let missing = ids.filter { !order.contains($0) }
        if !unknown.isEmpty { problems.append("unknown \(unknown.joined(separator: ", "))") }
        if !repeated.isEmpty { problems.append("repeated \(repeated.joined(separator: ", "))") }
        if !missing.isEmpty { problems.append("missing \(missing.joined(separator: ", "))") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        // Always shuffled: the authored order may be the answer. Never shown in the key's order.
        var generator = SeededGenerator(seed: context.seed)
        var order = body.elements.shuffled(using: &generator)
        if order.map(\.id) == body.answer, order.count > 1 {
            order.append(order.removeFirst())
        }
        return ["elements": .array(order.map { ["id": .string($0.id), "text": .string(context.localized($0.text))] })]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        guard case .array(let elements) = response else {
            return .invalid("expected the element ids in order, such as [\"e2\", \"e1\"], found \(response.typeName)")
        }
        var order: [String] = []
        for element in elements {
            guard case .string(let id) = element else { return .invalid("expected element ids as strings, found \(element.typeName)") }
            order.append(id)
        }
        if let problem = Ordering.permutationProblem(order, of: body.elements.map(\.id)) {
            return .invalid("the response must order all \(body.elements.count) elements exactly once: \(problem)")
        }
        let key = body.answer
        switch body.scoring ?? .positions {
        case .positions:
            let right = zip(order, key).filter { $0 == $1 }.count
            return .scored(Double(right) / Double(key.count))
        case .adjacentPairs:
            let responsePairs = Set(zip(order, order.dropFirst()).map { "\($0)\u{0}\($1)" })
            let kept = zip(key, key.dropFirst()).filter { responsePairs.contains("\($0)\u{0}\($1)") }.count
            return .scored(Double(kept) / Double(key.count - 1))
        case .allOrNothing:
            return .scored(order == key ? 1 : 0)
        }
    }

    /// For a random order of n elements: 1/n for positions (each element is in place with probability
    /// 1/n) and for adjacent pairs (each ordered pair is adjacent with probability 1/n); 1/n! for all or
    /// nothing.
    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? {
        let n = body.elements.count
        switch body.scoring ?? .positions {
        case .positions, .adjacentPairs: return 1 / Double(n)
        case .allOrNothing: return 1 / (1...n).reduce(1.0) { $0 * Double($1) }
        }
    }

    public func correctResponse(for body: Body) -> JSONValue { .array(body.answer.map(JSONValue.string)) }
}

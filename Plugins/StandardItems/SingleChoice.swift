import AtelierKernel

/// One correct option among several.
///
/// Body: `{"choices": [{"id": "a", "text": LT}, …], "answer": "a"}`. Response: `"a"`.
public struct SingleChoice: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// The options.
        public var choices: [Choice]
        /// The id of the correct option.
        public var answer: String
    }

    /// Creates the item type.
    public init() {}

    public let kind = "single-choice"
    public let summary = "One correct option among several. Response: the chosen option's id, e.g. \"b\"."

    public var bodySchema: Schema {
        .object([
            Property("choices", Choice.listSchema(summary: "The options, 2 to 12.")),
            Property("answer", .string(maxLength: 32, summary: "The id of the correct option.")),
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        Choice.checkUnique(body.choices, at: "/choices", diagnostics: &diagnostics)
        if !body.choices.contains(where: { $0.id == body.answer }) {
            diagnostics.error(
                "answer-not-a-choice",
                "\"\(body.answer)\" is not one of the choices \(Choice.list(body.choices))",
                at: "/answer",
                hint: "set answer to the id of the correct choice"
            )
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        ["choices": Choice.present(body.choices, in: context)]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        expectString(response, "the id of one choice").grade { chosen in
            guard body.choices.contains(where: { $0.id == chosen }) else {
                return .invalid("'\(chosen)' is not one of the choices \(Choice.list(body.choices))")
            }
            return .scored(chosen == body.answer ? 1 : 0)
        }
    }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? {
        1 / Double(max(1, body.choices.count))
    }

    public func correctResponse(for body: Body) -> JSONValue { .string(body.answer) }
}

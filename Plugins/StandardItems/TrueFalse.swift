import AtelierKernel

/// A statement (the item's prompt) that is true or false.
///
/// Body: `{"answer": true}`. Response: `true` or `false`.
public struct TrueFalse: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// Whether the statement is true.
        public var answer: Bool
    }

    /// Creates the item type.
    public init() {}

    public let kind = "true-false"
    public let summary = "A statement (the prompt) that is true or false. Response: true or false."

    public var bodySchema: Schema {
        .object([Property("answer", .boolean(summary: "Whether the statement in the prompt is true."))])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {}

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        let labels = Labels.trueFalse(context.language)
        return [
            "options": [
                ["value": true, "label": .string(labels.true)],
                ["value": false, "label": .string(labels.false)],
            ]
        ]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        guard case .bool(let value) = response else {
            return .invalid(
                "expected true or false, found \(response.typeName == "string" ? "the string \(response.serialized())" : response.typeName)"
            )
        }
        return .scored(value == body.answer ? 1 : 0)
    }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { 0.5 }

    public func correctResponse(for body: Body) -> JSONValue { .bool(body.answer) }
}

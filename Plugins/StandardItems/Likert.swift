import AtelierKernel
import Foundation

/// A rating scale (self-confidence, agreement): not scored, kept for reporting.
///
/// Body: `{"scale": [{"value": 1, "label": LT}, …]}`. Response: one of the values, e.g. `3`.
public struct Likert: ItemType {
    /// One point of the scale.
    public struct Point: Codable, Sendable {
        /// The value recorded.
        public var value: Int
        /// What the participant reads.
        public var label: LocalizedText
    }

    /// The body.
    public struct Body: Codable, Sendable {
        /// The points of the scale, from low to high.
        public var scale: [Point]
    }

    /// Creates the item type.
    public init() {}

    public let kind = "likert"
    public let summary = "A rating scale (e.g. self-confidence), not scored, kept for reporting. Response: one of the scale's values."
    public var isScored: Bool { false }

    public var bodySchema: Schema {
        .object([
            Property(
                "scale",
                .array(
                    of: .object([
                        Property("value", .integer(minimum: -10, maximum: 10, summary: "The value recorded.")),
                        Property("label", .text(summary: "What the participant reads.")),
                    ]),
                    minItems: 2,
                    maxItems: 11,
                    summary: "The points of the scale, from low to high."
                )
            )
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        var seen: Set<Int> = []
        for (index, point) in body.scale.enumerated() where !seen.insert(point.value).inserted {
            diagnostics.error("duplicate-value", "the value \(point.value) is used twice in the scale", at: JSONPointer("/scale/\(index)/value"))
        }
        if zip(body.scale, body.scale.dropFirst()).contains(where: { $0.value >= $1.value }) {
            diagnostics.warning("scale-order", "the scale's values do not increase from low to high", at: "/scale")
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        ["scale": .array(body.scale.map { ["value": .number(Double($0.value)), "label": .string(context.localized($0.label))] })]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        var value = response.integerValue
        if value == nil, let text = response.stringValue { value = Int(text.trimmingCharacters(in: .whitespaces)) }
        guard let value else { return .invalid("expected one of the scale's values \(values(body)), found \(response.typeName)") }
        guard body.scale.contains(where: { $0.value == value }) else {
            return .invalid("\(value) is not on the scale \(values(body))")
        }
        return .scored(0)
    }

    private func values(_ body: Body) -> String { body.scale.map { String($0.value) }.joined(separator: ", ") }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { nil }

    public func correctResponse(for body: Body) -> JSONValue { body.scale.last.map { .number(Double($0.value)) } ?? .null }
}

import AtelierKernel
import Foundation

/// A number, right within a tolerance.
///
/// Body: `{"answer": 18, "tolerance": 0, "unit": LT}` (`tolerance` defaults to 0, `unit` is optional).
/// Response: a number, or a string such as `"18"`, `"2,5"` or `"١٨"` (typed from paper).
public struct Numeric: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// The right value.
        public var answer: Double
        /// How far from it a response may be and still be right (default 0).
        public var tolerance: Double?
        /// The unit shown after the input, such as "years".
        public var unit: LocalizedText?
    }

    /// Creates the item type.
    public init() {}

    public let kind = "numeric"
    public let summary = "A number, right within ± tolerance. Response: a number (or a string such as \"2,5\")."

    public var bodySchema: Schema {
        .object([
            Property("answer", .number(summary: "The right value.")),
            .optional("tolerance", .number(summary: "How far from the answer a response may be and still be right (default 0).")),
            .optional("unit", .text(summary: "The unit shown after the input, such as \"years\".")),
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        if let tolerance = body.tolerance, tolerance < 0 {
            diagnostics.error(
                "negative-tolerance",
                "the tolerance is \(JSONValue.number(tolerance).serialized()); it cannot be negative",
                at: "/tolerance",
                hint: "use 0 for an exact answer, or the largest acceptable distance from the answer"
            )
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        guard let unit = body.unit else { return [:] }
        return ["unit": .string(context.localized(unit))]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        let value: Double
        switch response {
        case .number(let number):
            value = number
        case .string(let text):
            guard let parsed = Numeric.parse(text) else { return .invalid("expected a number, found \"\(text.prefix(40))\"") }
            value = parsed
        default:
            return .invalid("expected a number, found \(response.typeName)")
        }
        let tolerance = max(0, body.tolerance ?? 0)
        return .scored(abs(value - body.answer) <= tolerance + 1e-9 * max(1, abs(body.answer)) ? 1 : 0)
    }

    /// Reads a number written by hand: spaces as thousands separators, a decimal comma, Arabic-Indic digits.
    static func parse(_ text: String) -> Double? {
        var normalized = ""
        for scalar in text.withWesternDigits.unicodeScalars {
            switch scalar.value {
            case 0x066B, 0x2C: normalized.append(".")  // Arabic decimal separator, comma
            case 0x20, 0xA0, 0x202F, 0x066C: continue  // spaces and the Arabic thousands separator
            default: normalized.unicodeScalars.append(scalar)
            }
        }
        guard !normalized.isEmpty, normalized.range(of: "^[-+]?[0-9]*\\.?[0-9]+$", options: .regularExpression) != nil else { return nil }
        return Double(normalized)
    }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { 0 }

    public func correctResponse(for body: Body) -> JSONValue { .number(body.answer) }
}

import AtelierKernel

/// A short free-text answer, right when it matches an accepted answer after normalization.
///
/// Body: `{"accepted": {"fr": ["traite des personnes", …], "en": […], "ar": […]}}`. Response: a string.
/// A response is compared with the accepted answers of every language (participants may answer in another
/// language than the form's), after ``AnswerNormalizer/normalize(_:)``.
public struct ShortText: ItemType {
    /// The body.
    public struct Body: Codable, Sendable {
        /// Accepted answers per language.
        public var accepted: [String: [String]]
    }

    /// The longest response graded; longer ones are invalid.
    public static let maxResponseLength = 500

    /// Creates the item type.
    public init() {}

    public let kind = "short-text"
    public let summary = "A short typed answer, matched after normalizing case, spaces, accents and Arabic letter forms. Response: a string."

    public var bodySchema: Schema {
        .object([
            Property(
                "accepted",
                Schema(
                    .localized(audience: .participant, value: .array(of: .string(maxLength: 200), minItems: 1)),
                    summary: "Accepted answers per language: {\"fr\": [\"…\"], \"en\": [\"…\"], \"ar\": [\"…\"]}."
                )
            )
        ])
    }

    public func check(_ body: Body, in context: ItemCheckContext, diagnostics: inout ItemDiagnostics) {
        for (language, answers) in body.accepted.sorted(by: { $0.key < $1.key }) {
            var seen: [String: Int] = [:]
            for (index, answer) in answers.enumerated() {
                let normalized = AnswerNormalizer.normalize(answer)
                let pointer = JSONPointer(tokens: ["accepted", language, String(index)])
                if normalized.isEmpty {
                    diagnostics.error("empty-answer", "this accepted answer is empty once normalized", at: pointer, hint: "remove it")
                } else if let first = seen[normalized] {
                    diagnostics.warning(
                        "duplicate-answer",
                        "\"\(answer)\" is the same as accepted answer \(first) once case, spaces and accents are ignored",
                        at: pointer,
                        hint: "remove it: matching already ignores these differences"
                    )
                } else {
                    seen[normalized] = index
                }
            }
        }
    }

    public func present(_ body: Body, in context: PresentationContext) -> JSONValue {
        ["maxLength": .number(Double(ShortText.maxResponseLength))]
    }

    public func grade(_ response: JSONValue, against body: Body, in context: GradingContext) -> ResponseGrade {
        expectString(response, "a short text").grade { text in
            guard text.count <= ShortText.maxResponseLength else {
                return .invalid("the answer is \(text.count) characters long; at most \(ShortText.maxResponseLength) are graded")
            }
            let normalized = AnswerNormalizer.normalize(text)
            guard !normalized.isEmpty else { return .scored(0) }
            let matches = body.accepted.values.contains { answers in answers.contains { AnswerNormalizer.normalize($0) == normalized } }
            return .scored(matches ? 1 : 0)
        }
    }

    public func randomGuessFraction(for body: Body, in context: GradingContext) -> Double? { 0 }

    public func correctResponse(for body: Body) -> JSONValue {
        let language = ["fr", "en", "ar"].first { body.accepted[$0]?.isEmpty == false } ?? body.accepted.keys.sorted().first
        return language.flatMap { body.accepted[$0]?.first }.map(JSONValue.string) ?? .null
    }
}

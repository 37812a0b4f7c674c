import AtelierKernel

/// An option of a choice, matching or ordering item: `{"id": "a", "text": {"fr": "…", …}}`.
public struct Choice: Sendable, Codable, Hashable {
    /// Its id within the item, such as `a`.
    public var id: String
    /// What the participant reads.
    public var text: LocalizedText

    /// Creates a choice.
    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }

    /// The schema of a list of options.
    static func listSchema(minItems: Int = 2, maxItems: Int = 12, summary: String) -> Schema {
        .array(
            of: .object([
                Property("id", .pattern("^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 32, summary: "The option's id within the item, such as \"a\".")),
                Property("text", .text(summary: "What the participant reads.")),
            ]),
            minItems: minItems,
            maxItems: maxItems,
            summary: summary
        )
    }

    /// Reports options that share an id.
    static func checkUnique(_ choices: [Choice], at pointer: JSONPointer, diagnostics: inout ItemDiagnostics) {
        var seen: Set<String> = []
        for (index, choice) in choices.enumerated() where !seen.insert(choice.id).inserted {
            diagnostics.error(
                "duplicate-choice",
                "the option id '\(choice.id)' is used twice",
                at: pointer.appending(index).appending("id"),
                hint: "give each option its own id"
            )
        }
    }

    /// The options as a participant sees them: id and text in one language.
    static func present(_ choices: [Choice], in context: PresentationContext) -> JSONValue {
        .array(context.ordered(choices).map { ["id": .string($0.id), "text": .string(context.localized($0.text))] })
    }

    /// The ids, for messages: "a, b, c, d".
    static func list(_ choices: [Choice]) -> String { choices.map(\.id).joined(separator: ", ") }
}

/// Reads a response that must be a string.
func expectString(_ response: JSONValue, _ what: String) -> Result<String, ResponseError> {
    guard case .string(let value) = response else {
        return .failure(ResponseError("expected \(what) as a string, found \(response.typeName)"))
    }
    return .success(value)
}

/// Why a response cannot be graded.
struct ResponseError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Result where Failure == ResponseError {
    /// The grade computed from the value, or the error as an invalid grade.
    func grade(_ transform: (Success) -> ResponseGrade) -> ResponseGrade {
        switch self {
        case .success(let value): transform(value)
        case .failure(let error): .invalid(error.message)
        }
    }
}

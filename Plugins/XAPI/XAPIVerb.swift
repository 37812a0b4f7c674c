import AtelierKernel

/// The ADL vocabulary verbs an export uses.
///
/// `completed`, `passed` and `failed` are also cmi5 verbs; `answered` is an ADL verb that cmi5 allows
/// ("cmi5 allowed" statements) but does not define.
enum XAPIVerb: String, CaseIterable, Sendable {
    case answered
    case completed
    case passed
    case failed

    /// The verb's IRI, such as `http://adlnet.gov/expapi/verbs/answered`.
    var id: String { "http://adlnet.gov/expapi/verbs/\(rawValue)" }

    /// The verb as a statement's `verb` member: its IRI and an `en-US` display.
    var json: JSONValue {
        ["id": .string(id), "display": ["en-US": .string(rawValue)]]
    }
}

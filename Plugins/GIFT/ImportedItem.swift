import AtelierKernel

/// An item converted from another format, before it gets its id and category.
struct ImportedItem {
    /// The Atelier item type, such as `single-choice`.
    var type: String
    /// The prompt, in the import language.
    var prompt: String
    /// The type-specific body, with texts already in the import language.
    var body: JSONValue
    /// The general feedback, if any.
    var feedback: String?

    /// The Atelier item object: `objectives` is left empty (the CLI fills it) and `points` is 1.
    func json(id: String, language: String, category: String?) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)),
            ("type", .string(type)),
            ("objectives", []),
            ("points", 1),
            ("prompt", ImportedItem.localized(prompt, language)),
            ("body", body),
        ]
        if let feedback, !feedback.isEmpty { members.append(("feedback", ImportedItem.localized(feedback, language))) }
        if let category { members.append(("category", .string(category))) }
        return .object(JSONObject(members))
    }

    /// A localized text holding one language: `{"fr": "…"}`.
    static func localized(_ text: String, _ language: String) -> JSONValue {
        .object(JSONObject([(key: language, value: .string(text))]))
    }

    /// Choices `a`, `b`, `c`… with their texts in `language`.
    static func choices(_ texts: [String], _ language: String) -> JSONValue {
        .array(texts.enumerated().map { index, text in ["id": .string(choiceID(index)), "text": localized(text, language)] })
    }

    /// The id of the choice at `index`: `a`, `b`, … `z`, then `a1`, `b1`…
    static func choiceID(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let letter = String(letters[index % letters.count])
        return index < letters.count ? letter : letter + String(index / letters.count)
    }
}

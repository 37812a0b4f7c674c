import Foundation

/// The words participants and sign-in sheets read, per language, from `Strings/<language>.json`.
///
/// Texts are whole sentences with `{name}` placeholders, never assembled from fragments.
struct UIStrings: Sendable {
    /// The languages there are strings for.
    static let languages = ["fr", "en", "ar"]

    let language: String
    private let table: [String: String]
    private let fallback: [String: String]

    /// The strings of `language` (English where a key is missing).
    init(language: String) {
        self.language = UIStrings.languages.contains(language) ? language : "en"
        table = UIStrings.load(self.language)
        fallback = self.language == "en" ? table : UIStrings.load("en")
    }

    /// The text of `key`, with `{name}` placeholders filled.
    subscript(key: String, values values: [String: String] = [:]) -> String {
        var text = table[key] ?? fallback[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The raw table of a language (for tests that every key exists everywhere).
    static func load(_ language: String) -> [String: String] {
        guard let url = Bundle.module.url(forResource: language, withExtension: "json", subdirectory: "Strings"),
            let data = try? Data(contentsOf: url),
            let table = try? JSONDecoder().decode([String: String].self, from: data)
        else { return [:] }
        return table
    }

    /// Whether the language is written right to left.
    var isRightToLeft: Bool { language == "ar" }
}

/// Participant-facing words the standard item types add around authored content, per language.
enum Labels {
    private static let trueFalseByLanguage: [String: (true: String, false: String)] = [
        "fr": ("Vrai", "Faux"),
        "en": ("True", "False"),
        "ar": ("صحيح", "خطأ"),
    ]

    /// "True" and "False" in `language` (English when the language is not known).
    static func trueFalse(_ language: String) -> (true: String, false: String) {
        trueFalseByLanguage[language] ?? trueFalseByLanguage["en"]!
    }
}

import AtelierKernel

/// Writes the localized texts of one item in the language of the export.
///
/// QTI gives an item one language (`xml:lang` on `qti-assessment-item`) and lets any content element carry
/// its own `xml:lang` (the QTI 3.0 body elements, like HTML's, have the `xml:lang` and `dir` attributes).
/// So:
/// - **One language** (`"fr"`, `"en"`, `"ar"`…): every text is written in that language, as plain text; a
///   text that lacks it falls back to another language (``LocalizedText/resolved(in:fallbacks:)``) and the
///   fallback is reported as a loss. A right-to-left language puts `dir="rtl"` on the item body.
/// - **All languages** (`"all"`): every text is written once per language as sibling
///   `<span xml:lang="xx">` elements (with `dir="rtl"` for a right-to-left language), in the order fr,
///   en, ar, then any other language alphabetically; the item's own `xml:lang` is its first language.
///   A delivery system shows the span of the candidate's language (by CSS on `:lang()` or by filtering);
///   one that knows nothing of it shows them all, one after the other.
struct QTITextWriter {
    /// The value of the `language` parameter that means "every language".
    static let allLanguages = "all"

    /// The languages written, in order: the export's language, or every language of the item.
    let languages: [String]
    /// Whether every language is written side by side.
    let writesAll: Bool
    /// The texts that lacked the export's language, by field name ("prompt", "choice b").
    private(set) var fallbacks: [String] = []

    /// A writer for an item whose prompt is `prompt`.
    init(language: String, prompt: LocalizedText) {
        writesAll = language == QTITextWriter.allLanguages
        languages = writesAll ? QTITextWriter.ordered(Array(prompt.translations.keys)) : [language]
    }

    /// The language of the item: the export's language, or the item's first language.
    var itemLanguage: String { languages.first ?? "und" }

    /// `dir="rtl"` for the item body when one right-to-left language is written.
    var bodyDirection: String? {
        !writesAll && TextDirection(language: itemLanguage) == .rightToLeft ? TextDirection.rightToLeft.rawValue : nil
    }

    /// `text` as inline content; `field` names it in the losses.
    mutating func inline(_ text: LocalizedText, field: String) -> [Markup] {
        inline(field: field, text.translations.mapValues { [Markup.text($0)] })
    }

    /// Content given per language (each already built as inline markup) as inline content.
    mutating func inline(field: String, _ content: [String: [Markup]]) -> [Markup] {
        if writesAll {
            let written = languages.filter { content[$0] != nil }
            let chosen = written.isEmpty ? QTITextWriter.ordered(Array(content.keys)) : written
            if chosen.count < languages.count { fallbacks.append(field) }
            return chosen.map { language in
                let direction = TextDirection(language: language) == .rightToLeft ? TextDirection.rightToLeft.rawValue : nil
                return Markup.tag("span", ["xml:lang": language, "dir": direction], content[language] ?? [])
            }
        }
        if let markup = content[itemLanguage] { return markup }
        let fallback = ([itemLanguage] + QTITextWriter.ordered(Array(content.keys))).first { content[$0] != nil }
        guard let fallback, let markup = content[fallback] else { return [] }
        fallbacks.append(field)
        return markup
    }

    /// A plain string for an attribute such as `title`: the text in the item's language (or a fallback).
    func plain(_ text: LocalizedText) -> String {
        text.resolved(in: itemLanguage)
    }

    /// `languages` in the order they are written: fr, en, ar, then the others alphabetically.
    static func ordered(_ languages: [String]) -> [String] {
        let preferred = ["fr", "en", "ar"]
        return preferred.filter(languages.contains) + languages.filter { !preferred.contains($0) }.sorted()
    }
}

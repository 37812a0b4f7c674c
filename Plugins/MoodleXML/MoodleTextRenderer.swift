import AtelierKernel

/// Writes Atelier texts as Moodle texts: in one language, or, in multilang mode, every language of a text
/// as `<span lang="xx" class="multilang">…</span>` blocks for Moodle's `filter_multilang`.
struct MoodleTextRenderer {
    /// The language written, or ``MoodleXMLExporter/multilang``.
    let language: String
    /// The order in which multilang blocks are written: these first, then the others alphabetically.
    /// Moodle shows the first block to readers of a language the text lacks.
    static let preferredOrder = ["fr", "en", "ar"]

    /// Whether every language is written.
    var isMultilang: Bool { language == MoodleXMLExporter.multilang }

    /// A text as HTML (for fields whose format is `html`); `missing` when it has no text in the language.
    func html(_ text: LocalizedText) -> (value: String, missing: Bool) {
        render(text, escape: MoodleTextRenderer.htmlEscaped)
    }

    /// A text for a Moodle plain-text field (matching answers, unit names): as written in one language;
    /// in multilang mode with several languages, HTML blocks (Moodle filters them like other text).
    func plain(_ text: LocalizedText) -> (value: String, missing: Bool) {
        render(text) { $0 }
    }

    /// The languages of `text` in writing order.
    static func orderedLanguages(of text: LocalizedText) -> [String] {
        preferredOrder.filter { text[$0] != nil } + text.translations.keys.filter { !preferredOrder.contains($0) }.sorted()
    }

    private func render(_ text: LocalizedText, escape: (String) -> String) -> (value: String, missing: Bool) {
        guard isMultilang else {
            return (escape(text.resolved(in: language)), text[language] == nil)
        }
        let languages = MoodleTextRenderer.orderedLanguages(of: text)
        guard languages.count > 1 else { return (escape(text.resolved(in: languages.first ?? "fr")), false) }
        let blocks = languages.map { code in
            "<span lang=\"\(MultilangText.moodleCode(code))\" class=\"multilang\">\(MoodleTextRenderer.htmlEscaped(text[code] ?? ""))</span>"
        }
        return (blocks.joined(), false)
    }

    /// `text` as HTML: markup characters escaped, line breaks as `<br>`.
    static func htmlEscaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n", "\r\n": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }
}

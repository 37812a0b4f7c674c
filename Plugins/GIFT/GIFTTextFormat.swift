/// The text format of a GIFT text, set by a `[html]`, `[moodle]`, `[plain]` or `[markdown]` prefix.
///
/// Answers and feedback take the question's format unless they have their own prefix, as in Moodle.
enum GIFTTextFormat: String {
    case moodle
    case html
    case plain
    case markdown

    /// The format named by the prefix of `text`, and the text without it; `fallback` when there is no
    /// known prefix (an unknown `[word]` stays in the text, as Moodle leaves it).
    static func split(_ text: String, fallback: GIFTTextFormat) -> (format: GIFTTextFormat, text: Substring) {
        let trimmed = text.trimmingWhiteSpace()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]"),
            let format = GIFTTextFormat(rawValue: String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]))
        else { return (fallback, trimmed) }
        return (format, trimmed[trimmed.index(after: close)...])
    }

    /// The plain text Atelier keeps: HTML loses its tags and entities; other formats are kept as written.
    func plainText(_ text: Substring) -> String {
        switch self {
        case .html: String(HTMLText.plainText(text).trimmingWhiteSpace())
        case .moodle, .plain, .markdown: String(text.trimmingWhiteSpace())
        }
    }

    /// Whether `text` starts with something a GIFT reader takes for a format prefix, such as a prompt that
    /// really begins with `[html]`; the exporter then writes `[moodle]` before it.
    static func looksPrefixed(_ text: String) -> Bool {
        let trimmed = text.trimmingWhiteSpace()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return false }
        return GIFTTextFormat(rawValue: String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])) != nil
    }
}

/// Estimated widths of text in a chart, where no font metrics are available.
///
/// The estimates lean wide (a label that is a little short leaves a gap; one that is too long overlaps
/// a bar), for the fonts of the report's stack (system UI fonts, Noto Sans, Noto Naskh Arabic, DejaVu Sans).
enum TextMetrics {
    /// The estimated advance of `text` at `fontSize`.
    static func width(of text: String, fontSize: Double) -> Double {
        text.reduce(0) { $0 + ems(of: $1) } * fontSize
    }

    /// `text` cut with an ellipsis so that it fits in `maximumWidth`, or unchanged if it fits.
    static func truncated(_ text: String, toWidth maximumWidth: Double, fontSize: Double) -> String {
        guard width(of: text, fontSize: fontSize) > maximumWidth else { return text }
        let budget = maximumWidth - width(of: "…", fontSize: fontSize)
        var used = 0.0
        var kept = ""
        for character in text {
            used += ems(of: character) * fontSize
            if used > budget { break }
            kept.append(character)
        }
        while kept.last?.isWhitespace == true {
            kept.removeLast()
        }
        return kept + "…"
    }

    /// `text` broken at spaces into at most `maximumLines` lines of `maximumWidth`; the last line is
    /// truncated with an ellipsis if the text does not fit.
    static func lines(
        of text: String,
        width maximumWidth: Double,
        fontSize: Double,
        maximumLines: Int
    ) -> (lines: [String], isShortened: Bool) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if current.isEmpty || width(of: candidate, fontSize: fontSize) <= maximumWidth {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty {
            lines.append(current)
        }
        var isShortened = false
        if lines.count > maximumLines {
            lines = Array(lines.prefix(maximumLines))
            lines[maximumLines - 1] += " …"
            isShortened = true
        }
        for index in lines.indices where width(of: lines[index], fontSize: fontSize) > maximumWidth {
            lines[index] = truncated(lines[index], toWidth: maximumWidth, fontSize: fontSize)
            isShortened = true
        }
        return (lines, isShortened)
    }

    /// A character's estimated advance in ems.
    private static func ems(of character: Character) -> Double {
        switch character.terminalColumns {
        case 0: return 0
        case 2: return 1
        default: break
        }
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if TextDirection.isRightToLeftLetter(scalar) { return 0.5 }
        if narrow.contains(character) { return 0.3 }
        if wide.contains(character) { return 0.9 }
        if character == " " || character == "\u{00A0}" { return 0.3 }
        if character == "\u{202F}" { return 0.2 }
        if character.isNumber { return 0.58 }
        if character.isUppercase { return 0.68 }
        return 0.58
    }

    private static let narrow: Set<Character> = ["i", "j", "l", "I", "f", "t", "r", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]"]
    private static let wide: Set<Character> = ["m", "w", "M", "W", "@", "%", "—", "…", "\u{066A}"]
}

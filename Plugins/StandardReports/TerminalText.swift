/// Text prepared for a monospaced terminal: cleaned of control characters, wrapped and padded by
/// display columns rather than by characters or bytes.
enum TerminalText {
    /// `text` without the control characters a terminal would act on (escape sequences, bells,
    /// carriage returns), with tabs as spaces and every line break as `\n`.
    ///
    /// Report text comes from curricula and participants: an `ESC` in a label must not be able to
    /// recolour, move the cursor or rewrite the terminal's title.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n":
                if !previousWasCarriageReturn { result.append("\n") }
            case "\r", "\u{0085}", "\u{2028}", "\u{2029}":
                result.append("\n")
            case "\t":
                result.append(" ")
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `text` on one line: sanitized, with line breaks as spaces (for table cells).
    static func singleLine(_ text: String) -> String {
        String(sanitized(text).map { $0 == "\n" ? " " : $0 })
    }

    /// The lines of `text` wrapped at `columns` display columns, breaking at spaces; a word wider than
    /// the line is cut. Line breaks in `text` are kept; an empty text gives one empty line.
    static func wrap(_ text: String, columns: Int) -> [String] {
        let width = max(columns, 1)
        var lines: [String] = []
        for paragraph in sanitized(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for wordText in paragraph.split(separator: " ") {
                var word = String(wordText)
                var wordWidth = word.terminalColumns
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                }
                while wordWidth > width {
                    let (head, rest) = cut(word, columns: width)
                    lines.append(head)
                    word = rest
                    wordWidth = word.terminalColumns
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` padded with spaces to `columns` display columns, on the right (`alignEnd` false) or on
    /// the left (`alignEnd` true, for numbers).
    static func pad(_ text: String, to columns: Int, alignEnd: Bool) -> String {
        let padding = String(repeating: " ", count: max(columns - text.terminalColumns, 0))
        return alignEnd ? padding + text : text + padding
    }

    /// The longest head of `word` that fits in `columns` (at least one character), and the rest.
    private static func cut(_ word: String, columns: Int) -> (head: String, rest: String) {
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let width = word[index].terminalColumns
            if used + width > columns, index > word.startIndex { break }
            used += width
            index = word.index(after: index)
        }
        return (String(word[..<index]), String(word[index...]))
    }
}

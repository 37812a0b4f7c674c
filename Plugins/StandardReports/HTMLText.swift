/// Text made safe for HTML and for the XML of inline SVG.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped and without the characters neither HTML nor XML
    /// allows (controls other than tab and line breaks, noncharacters). Safe in text and in quoted attributes.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// `text` escaped, with numbers and codes isolated as left-to-right runs (`<bdi dir="ltr">`) when the
    /// document is written right to left.
    ///
    /// In an Arabic sentence or cell, `72 %`, `-3`, `P-07` or `12/16` would otherwise take part in the
    /// right-to-left ordering (a minus or a percent sign jumping to the other side, a code's parts
    /// swapping with neighbouring punctuation). The digits are Western (0-9) by project convention, and
    /// each such run reads left to right as a unit. Text without right-to-left letters is isolated as a
    /// whole. Runs of Latin letters without digits are left to the bidi algorithm, which keeps
    /// multi-word phrases in order. Left-to-right documents are only escaped.
    static func isolatingNumbers(_ text: String, direction: TextDirection) -> String {
        guard direction == .rightToLeft else { return escaped(text) }
        guard TextDirection.containsRightToLeftLetters(text) else {
            let hasContent = text.contains { $0.isLetter || $0.isNumber }
            return hasContent ? #"<bdi dir="ltr">"# + escaped(text) + "</bdi>" : escaped(text)
        }
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            if let run = leftToRightRun(in: characters, from: index) {
                let runText = escaped(String(characters[index..<run.end]))
                result += run.hasDigit ? #"<bdi dir="ltr">"# + runText + "</bdi>" : runText
                index = run.end
            } else {
                result += escaped(String(characters[index]))
                index += 1
            }
        }
        return result
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0D }
        if (0x7F...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) { return false }
        return value & 0xFFFE != 0xFFFE
    }

    /// The left-to-right run that starts at `start` (a code such as `P-07`, a number such as `-3,5` or
    /// `72 %`, a Latin word), whether it holds a digit, or `nil` when none starts there.
    private static func leftToRightRun(in characters: [Character], from start: Int) -> (end: Int, hasDigit: Bool)? {
        var index = start
        let precededBySpace = start == 0 || characters[start - 1].isWhitespace || "([".contains(characters[start - 1])
        if precededBySpace, signs.contains(characters[index]), index + 1 < characters.count, characters[index + 1].isNumber {
            index += 1
        }
        guard isRunCharacter(characters[index]) else { return nil }
        var hasDigit = false
        while index < characters.count {
            let character = characters[index]
            if isRunCharacter(character) {
                hasDigit = hasDigit || character.isNumber
                index += 1
            } else if joiners.contains(character), index + 1 < characters.count, isRunCharacter(characters[index + 1]) {
                index += 1
            } else if percentSigns.contains(character), hasDigit {
                index += 1
                break
            } else if character.isWhitespace, hasDigit, index + 1 < characters.count, percentSigns.contains(characters[index + 1]) {
                index += 2
                break
            } else {
                break
            }
        }
        return (index, hasDigit)
    }

    /// Digits, and letters of left-to-right scripts.
    private static func isRunCharacter(_ character: Character) -> Bool {
        if character.isNumber { return true }
        guard character.isLetter, let scalar = character.unicodeScalars.first else { return false }
        return !TextDirection.isRightToLeftLetter(scalar)
    }

    private static let signs: Set<Character> = ["+", "-", "\u{2212}", "±"]
    private static let percentSigns: Set<Character> = ["%", "\u{066A}", "‰"]
    private static let joiners: Set<Character> = [
        ".", ",", ":", "/", "-", "–", "_", "+", "×", "'", "\u{00A0}", "\u{202F}", "\u{066B}", "\u{066C}",
        "\u{200E}", "\u{061C}",
    ]
}

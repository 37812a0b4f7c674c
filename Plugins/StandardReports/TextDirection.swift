/// The direction a run of text is written in, and how to tell it from the text.
enum TextDirection: Sendable, Equatable {
    case leftToRight
    case rightToLeft

    /// The value of an HTML `dir` attribute or of the SVG `direction` property.
    var attributeValue: String {
        switch self {
        case .leftToRight: "ltr"
        case .rightToLeft: "rtl"
        }
    }

    /// The direction of the first letter in `text` (the HTML `dir="auto"` rule), `nil` when it has no
    /// letters (digits, punctuation and spaces only).
    static func firstStrong(in text: String) -> TextDirection? {
        for scalar in text.unicodeScalars where isStrongLetter(scalar) {
            return isRightToLeftLetter(scalar) ? .rightToLeft : .leftToRight
        }
        return nil
    }

    /// Whether `text` holds at least one letter of a right-to-left script (Arabic, Hebrew, N'Ko…).
    static func containsRightToLeftLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isRightToLeftLetter)
    }

    /// The direction a label should be laid out in, inside a document written in `documentDirection`:
    /// right to left when it holds right-to-left letters and either the document or its first letter is
    /// right to left; left to right otherwise (numbers, codes, Latin text).
    static func forLabel(_ text: String, in documentDirection: TextDirection) -> TextDirection {
        guard containsRightToLeftLetters(text) else { return .leftToRight }
        if documentDirection == .rightToLeft { return .rightToLeft }
        return firstStrong(in: text) ?? .leftToRight
    }

    /// Whether `scalar` is a letter of a right-to-left script: not a digit, mark or punctuation, which
    /// take their direction from around them.
    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard isStrongLetter(scalar) else { return false }
        return rightToLeftBlocks.contains { $0.contains(scalar.value) }
    }

    private static func isStrongLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their supplements and presentation forms.
    private static let rightToLeftBlocks: [ClosedRange<UInt32>] = [
        0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF,
    ]
}

extension Character {
    /// How many columns the character takes in a monospaced terminal.
    ///
    /// One per grapheme cluster (so `é` written as `e` + U+0301 and a letter with Arabic vowel marks count
    /// once); zero for a cluster made only of combining marks, format characters (bidi marks, zero-width
    /// joiners) or controls; two for East Asian wide characters and emoji.
    var terminalColumns: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.allSatisfy(Self.takesNoColumn) { return 0 }
        if Self.isWide(first) || (scalars.count > 1 && first.properties.isEmoji && scalars.contains("\u{FE0F}")) {
            return 2
        }
        return 1
    }

    private static func takesNoColumn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: true
        default: false
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        return wideBlocks.contains { $0.contains(scalar.value) }
    }

    /// East Asian Wide and Fullwidth blocks (Hangul Jamo, CJK, Hangul syllables, fullwidth forms…).
    private static let wideBlocks: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}

extension String {
    /// How many columns the text takes in a monospaced terminal (see ``Character/terminalColumns``).
    var terminalColumns: Int {
        reduce(0) { $0 + $1.terminalColumns }
    }
}

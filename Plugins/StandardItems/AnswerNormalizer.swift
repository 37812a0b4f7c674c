import Foundation

/// Makes typed answers comparable: what a trainer would accept as "the same answer".
public enum AnswerNormalizer {
    /// Normalizes a typed answer.
    ///
    /// Applies Unicode compatibility normalization (NFKC); lower-cases; removes accents and other
    /// combining marks (French accents, Arabic tashkil, hamza written above or below a carrier) and the
    /// tatweel; folds Arabic letter variants (ٱ أ إ آ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي); reads Arabic-Indic
    /// digits as 0–9; turns punctuation into spaces; collapses and trims spaces.
    ///
    /// ```swift
    /// AnswerNormalizer.normalize("  La TRAITE des   personnes. ") // "la traite des personnes"
    /// AnswerNormalizer.normalize("الاتِّجار بالأشخاص") == AnswerNormalizer.normalize("الاتجار بالاشخاص") // true
    /// ```
    public static func normalize(_ text: String) -> String {
        let decomposed = text.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in decomposed.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            }
            let folded: Unicode.Scalar
            switch scalar.value {
            case 0x0640: continue  // tatweel
            case 0x0671, 0x0623, 0x0625, 0x0622: folded = "\u{0627}"  // alef variants
            case 0x0649: folded = "\u{064A}"  // alef maqsura → yeh
            case 0x0629: folded = "\u{0647}"  // teh marbuta → heh
            case 0x0624: folded = "\u{0648}"  // waw with hamza
            case 0x0626: folded = "\u{064A}"  // yeh with hamza
            case 0x06CC: folded = "\u{064A}"  // Farsi yeh
            case 0x0660...0x0669: folded = Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
            case 0x06F0...0x06F9: folded = Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
            default: folded = scalar
            }
            if folded.properties.isWhitespace || isPunctuation(folded) {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace {
                output.append(" ")
                pendingSpace = false
            }
            output.append(folded)
        }
        return String(output)
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}

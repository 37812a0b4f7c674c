import Foundation

/// Gives imported items ids that are unique within a file.
///
/// A named question gets the slug of its name (`::Définition de la traite::` → `definition-de-la-traite`);
/// an unnamed one, or one whose name leaves no ASCII letter or digit, gets `q-` and its position in the
/// file (`q-007` for the seventh question). A repeated id takes a suffix: `-2`, `-3`…
struct ItemIdentifiers {
    /// The longest id given; the CLI adds a prefix, and ids are at most 64 characters.
    static let maxLength = 48

    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// An id for the question at `position` (from 1), named `name` if it has a name.
    mutating func assign(name: String?, position: Int) -> String {
        let base = name.flatMap(ItemIdentifiers.slug) ?? "q-" + ItemIdentifiers.padded(position)
        var candidate = base
        var suffix = nextSuffix[base] ?? 2
        while used.contains(candidate) {
            let tail = "-\(suffix)"
            candidate = ItemIdentifiers.truncated(base, to: ItemIdentifiers.maxLength - tail.count) + tail
            suffix += 1
        }
        if candidate != base { nextSuffix[base] = suffix }
        used.insert(candidate)
        return candidate
    }

    /// The slug of `name`: lower-case ASCII letters and digits, words joined by `-`, accents transliterated,
    /// other characters dropped; `nil` when nothing is left.
    static func slug(_ name: String) -> String? {
        var output = ""
        var pendingSeparator = false
        for scalar in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if let ascii = transliteration(of: scalar) {
                if pendingSeparator && !output.isEmpty { output.append("-") }
                pendingSeparator = false
                output.append(ascii)
            } else if properties.generalCategory == .nonspacingMark || properties.isAlphabetic || properties.numericType != nil {
                continue  // accents, and letters or digits of other scripts: dropped
            } else {
                pendingSeparator = true
            }
        }
        let slug = truncated(output, to: maxLength)
        return slug.isEmpty ? nil : slug
    }

    private static func transliteration(of scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": String(scalar)
        case "\u{0153}": "oe"
        case "\u{00E6}": "ae"
        case "\u{00DF}": "ss"
        case "\u{00F8}": "o"
        case "\u{0111}", "\u{00F0}": "d"
        case "\u{0142}": "l"
        case "\u{00FE}": "th"
        case "\u{0131}": "i"
        default: nil
        }
    }

    /// `text` cut to at most `length` characters, without a trailing separator.
    private static func truncated(_ text: String, to length: Int) -> String {
        var cut = String(text.prefix(max(0, length)))
        while cut.hasSuffix("-") { cut.removeLast() }
        return cut
    }

    private static func padded(_ position: Int) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

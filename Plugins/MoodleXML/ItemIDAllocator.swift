import Foundation

/// Gives imported items their ids: the slug of the question's name, else `q-001`, `q-002`…, unique within
/// the file (a repeated slug gets `-2`, `-3`…).
///
/// A slug is lower-case ASCII letters and digits, in runs joined by `-` or `.`, at most 48 characters:
/// accents are transliterated (`Été` → `ete`), other characters separate runs or are dropped.
struct ItemIDAllocator {
    /// The longest id produced.
    static let maxLength = 48
    private var used: Set<String> = []

    /// Creates an allocator with no id used yet.
    init() {}

    /// A new id for the question named `name` (nil or empty when unnamed), the `ordinal`-th of the file.
    mutating func allocate(name: String?, ordinal: Int) -> String {
        let base = name.map(ItemIDAllocator.slug).flatMap { $0.isEmpty ? nil : $0 } ?? String(format: "q-%03d", ordinal)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            let tail = "-\(suffix)"
            candidate = ItemIDAllocator.trimmed(String(base.prefix(ItemIDAllocator.maxLength - tail.count))) + tail
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The slug of `name`; empty when nothing usable is left.
    static func slug(_ name: String) -> String {
        let ligatures: [Character: String] = ["ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "ł": "l"]
        var expanded = ""
        for character in name { expanded += ligatures[character] ?? String(character) }
        let folded = expanded.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingSeparator: Character?
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if let separator = pendingSeparator, !slug.isEmpty { slug.append(separator) }
                pendingSeparator = nil
                slug.unicodeScalars.append(scalar)
            } else if scalar == "." {
                pendingSeparator = pendingSeparator ?? "."
            } else if scalar.isASCII || scalar.properties.isWhitespace {
                pendingSeparator = "-"
            }  // letters of other scripts are dropped
        }
        return trimmed(String(slug.prefix(maxLength)))
    }

    /// `slug` without a separator at its end.
    private static func trimmed(_ slug: String) -> String {
        String(slug.reversed().drop { $0 == "-" || $0 == "." }.reversed())
    }
}

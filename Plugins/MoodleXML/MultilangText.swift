import Foundation

/// A Moodle text that may hold several languages the way `filter_multilang` reads them:
/// `<span lang="fr" class="multilang">…</span><span lang="en" class="multilang">…</span>` (or the older
/// `<lang lang="fr">…</lang>`).
///
/// A run of such blocks separated only by white space is one group; Moodle shows, for each group, the block
/// of the reader's language (else the first block), and everything outside the groups in every language.
struct MultilangText {
    /// A part of the text.
    enum Segment: Equatable {
        /// Text shown in every language.
        case common(String)
        /// One group: the blocks in document order, as (language, content).
        case group([Variant])
    }

    /// One language's block in a group.
    struct Variant: Equatable {
        /// The language code as written (`fr`, `pt_br`).
        var language: String
        /// The block's content (HTML, as written).
        var content: String
    }

    /// The text split into common parts and groups.
    let segments: [Segment]

    /// Splits `raw`.
    init(_ raw: String) {
        guard raw.contains("multilang") || raw.range(of: "<lang", options: .caseInsensitive) != nil else {
            segments = raw.isEmpty ? [] : [.common(raw)]
            return
        }
        let scalars = Array(raw.unicodeScalars)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        var parts: [Segment] = []
        var commonStart = 0
        var group: [(variant: Variant, range: Range<Int>)] = []
        var closings = ClosingTagFinder(scalars: scalars)
        var index = 0
        // Ends the current group at `end`: a run of two blocks or more is a group (Moodle's filter rewrites
        // only those); a lone block stays in the common text as plain HTML.
        func flushGroup() {
            guard let first = group.first, let last = group.last else { return }
            if group.count > 1 {
                if first.range.lowerBound > commonStart { parts.append(.common(text(commonStart..<first.range.lowerBound))) }
                parts.append(.group(group.map(\.variant)))
                commonStart = last.range.upperBound
            }
            group = []
        }
        while index < scalars.count {
            if scalars[index] == "<", let block = MultilangText.block(in: scalars, at: index, closings: &closings) {
                group.append((block.variant, index..<block.end))
                index = block.end
                // White space between two blocks of a group is dropped, as the filter does.
                var next = index
                while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
                if next < scalars.count, scalars[next] == "<", MultilangText.block(in: scalars, at: next, closings: &closings) != nil {
                    index = next
                }
            } else {
                flushGroup()
                index += 1
            }
        }
        flushGroup()
        if commonStart < scalars.count { parts.append(.common(text(commonStart..<scalars.count))) }
        segments = parts
    }

    /// Whether the text has at least one multilang group.
    var isMultilingual: Bool { segments.contains { if case .group = $0 { true } else { false } } }

    /// The languages of the blocks, in order of first appearance, as written.
    var languages: [String] {
        var seen: [String] = []
        for case .group(let variants) in segments {
            for variant in variants where !seen.contains(where: { MultilangText.sameLanguage($0, variant.language) }) {
                seen.append(variant.language)
            }
        }
        return seen
    }

    /// The text a reader of `language` sees: each group's block in that language, else its first block.
    func text(in language: String) -> String {
        segments.map { segment in
            switch segment {
            case .common(let text): text
            case .group(let variants): (variants.first { MultilangText.sameLanguage($0.language, language) } ?? variants[0]).content
            }
        }
        .joined()
    }

    /// Whether two language codes name the same language (`pt_br` and `pt-BR` do).
    static func sameLanguage(_ lhs: String, _ rhs: String) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    /// The code as Moodle writes it: lower case, `_` between parts.
    static func moodleCode(_ language: String) -> String { normalized(language).replacingOccurrences(of: "-", with: "_") }

    private static func normalized(_ language: String) -> String {
        language.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// The multilang block starting at `start`, with the index after its closing tag.
    ///
    /// As in Moodle's filter, a block ends at the first closing tag of its name: blocks do not nest.
    private static func block(
        in scalars: [Unicode.Scalar],
        at start: Int,
        closings: inout ClosingTagFinder
    ) -> (variant: Variant, end: Int)? {
        guard let open = openingTag(in: scalars, at: start), !open.selfClosing else { return nil }
        let isSpan = open.name == "span"
        guard let language = open.attributes["lang"], !language.isEmpty,
            isSpan ? open.attributes["class"]?.split(separator: " ").contains("multilang") == true : open.name == "lang",
            let close = closings.next(named: open.name, from: open.end)
        else { return nil }
        let content = String(String.UnicodeScalarView(scalars[open.end..<close.start]))
        return (Variant(language: language, content: content), close.end)
    }

    private struct OpeningTag {
        var name: String
        var attributes: [String: String]
        var selfClosing: Bool
        var end: Int
    }

    /// A `<span …>` or `<lang …>` start tag at `start`, with double- or single-quoted attributes.
    private static func openingTag(in scalars: [Unicode.Scalar], at start: Int) -> OpeningTag? {
        var index = start + 1
        let nameStart = index
        while index < scalars.count, scalars[index].properties.isAlphabetic { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
        guard name == "span" || name == "lang", index < scalars.count else { return nil }
        var attributes: [String: String] = [:]
        let limit = min(scalars.count, start + 512)
        while index < limit {
            let scalar = scalars[index]
            if scalar == ">" { return OpeningTag(name: name, attributes: attributes, selfClosing: scalars[index - 1] == "/", end: index + 1) }
            guard scalar.properties.isAlphabetic else {
                index += 1
                continue
            }
            let attributeStart = index
            while index < limit, scalars[index].properties.isAlphabetic || scalars[index] == "-" { index += 1 }
            let attribute = String(String.UnicodeScalarView(scalars[attributeStart..<index])).lowercased()
            guard index + 1 < limit, scalars[index] == "=", scalars[index + 1] == "\"" || scalars[index + 1] == "'" else { continue }
            let quote = scalars[index + 1]
            index += 2
            let valueStart = index
            while index < limit, scalars[index] != quote { index += 1 }
            attributes[attribute] = String(String.UnicodeScalarView(scalars[valueStart..<index]))
            index += 1
        }
        return nil
    }
}

/// Finds the next `</span>` or `</lang>` after a position, remembering its last answer so that a text with
/// many unclosed blocks is still scanned once.
private struct ClosingTagFinder {
    let scalars: [Unicode.Scalar]
    private var cache: [String: (from: Int, found: (start: Int, end: Int)?)] = [:]

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The next `</name>` (with optional white space before `>`) at or after `from`.
    mutating func next(named name: String, from: Int) -> (start: Int, end: Int)? {
        if let cached = cache[name], cached.from <= from {
            guard let found = cached.found else { return nil }
            if found.start >= from { return found }
        }
        var index = from
        while index < scalars.count {
            if scalars[index] == "<", let end = closingTag(named: name, at: index) {
                cache[name] = (from, (index, end))
                return (index, end)
            }
            index += 1
        }
        cache[name] = (from, nil)
        return nil
    }

    /// The index after `</name>` when one starts at `start`.
    private func closingTag(named name: String, at start: Int) -> Int? {
        let expected = Array("</\(name)".unicodeScalars)
        guard start + expected.count <= scalars.count else { return nil }
        for (offset, scalar) in expected.enumerated() where scalars[start + offset].properties.lowercaseMapping != String(scalar) {
            return nil
        }
        var index = start + expected.count
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index < scalars.count, scalars[index] == ">" else { return nil }
        return index + 1
    }
}

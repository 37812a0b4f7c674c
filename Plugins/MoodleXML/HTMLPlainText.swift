/// Turns the HTML of a Moodle text into the plain text an Atelier item holds.
///
/// Tags are removed (the content of `script` and `style` too), character references are decoded, runs of
/// white space collapse to one space as a browser shows them, and line breaks are kept where the HTML
/// breaks lines: `<br>`, and the end of a paragraph, `div`, list item, heading or table row. Images are
/// dropped, but their `src` is returned so that the loss can be reported.
struct HTMLPlainText {
    /// The plain text.
    var text: String
    /// The `src` of each `<img>` the HTML had.
    var imageSources: [String]

    private static let blockElements: Set<String> = [
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "section", "article",
    ]
    private static let skippedElements: Set<String> = ["script", "style", "head", "title"]

    /// Converts `html`.
    ///
    /// - Parameters:
    ///   - html: the text as Moodle stores it.
    ///   - newlinesBreakLines: whether a newline in the source is a line break (Moodle's
    ///     `moodle_auto_format`) rather than white space (`html`).
    init(html: String, newlinesBreakLines: Bool = false) {
        var builder = LineBuilder()
        var images: [String] = []
        let scalars = Array(html.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "<":
                guard let tag = HTMLPlainText.tag(in: scalars, at: index) else {
                    builder.append("<")
                    index += 1
                    continue
                }
                index = tag.end
                if tag.name == "!--" { continue }
                if !tag.isClosing, HTMLPlainText.skippedElements.contains(tag.name) {
                    index = HTMLPlainText.end(ofElement: tag.name, in: scalars, from: index)
                } else if tag.name == "br" {
                    builder.breakLine()
                } else if tag.name == "img" {
                    images.append(tag.attributes["src"] ?? "")
                } else if HTMLPlainText.blockElements.contains(tag.name) {
                    builder.endLine()
                }
            case "&":
                if let (character, end) = HTMLPlainText.reference(in: scalars, at: index) {
                    builder.append(character)
                    index = end
                } else {
                    builder.append("&")
                    index += 1
                }
            case "\n" where newlinesBreakLines:
                builder.breakLine()
                index += 1
            case " ", "\t", "\n", "\r", "\u{0C}":
                builder.space()
                index += 1
            default:
                builder.append(Character(scalar))
                index += 1
            }
        }
        text = builder.finished
        imageSources = images
    }

    /// A tag: its lower-case name (`!--` for a comment), whether it closes, its attributes, and the index
    /// just after it.
    private struct Tag {
        var name: String
        var isClosing: Bool
        var attributes: [String: String]
        var end: Int
    }

    /// The tag starting at `start` (a `<`), or `nil` when the `<` does not start one (as in `a < b`).
    ///
    /// As in a browser, a tag runs to the next `>` outside quotes, or to the end of the text when there is
    /// none; the scan never goes back, so converting any text takes time in proportion to its length.
    private static func tag(in scalars: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        if scalars[index...].starts(with: "!--".unicodeScalars) {
            var end = index + 3
            while end < scalars.count, !scalars[end...].starts(with: "-->".unicodeScalars) { end += 1 }
            return Tag(name: "!--", isClosing: false, attributes: [:], end: min(scalars.count, end + 3))
        }
        let isClosing = index < scalars.count && scalars[index] == "/"
        if isClosing { index += 1 }
        guard index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index] == "!" else { return nil }
        let nameStart = index
        while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
        var attributes: [String: String] = [:]
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" { return Tag(name: name, isClosing: isClosing, attributes: attributes, end: index + 1) }
            if !isNameScalar(scalar) {
                index += 1
                continue
            }
            let attributeStart = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            let attribute = String(String.UnicodeScalarView(scalars[attributeStart..<index])).lowercased()
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            guard index < scalars.count, scalars[index] == "=" else {
                attributes[attribute] = ""
                continue
            }
            index += 1
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            let valueStart: Int
            if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                let quote = scalars[index]
                index += 1
                valueStart = index
                while index < scalars.count, scalars[index] != quote { index += 1 }
                attributes[attribute] = String(String.UnicodeScalarView(scalars[valueStart..<index]))
                index = min(scalars.count, index + 1)
            } else {
                valueStart = index
                while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">" { index += 1 }
                attributes[attribute] = String(String.UnicodeScalarView(scalars[valueStart..<index]))
            }
        }
        return Tag(name: name, isClosing: isClosing, attributes: attributes, end: scalars.count)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace && !"=>/\"'<".unicodeScalars.contains(scalar)
    }

    /// The index just after `</name>`, or the end of the text.
    private static func end(ofElement name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let closing = Array(("</" + name).unicodeScalars)
        var index = start
        while index < scalars.count {
            if scalars[index] == "<", index + closing.count <= scalars.count,
                String(String.UnicodeScalarView(scalars[index..<(index + closing.count)])).lowercased() == "</" + name,
                let tag = tag(in: scalars, at: index)
            {
                return tag.end
            }
            index += 1
        }
        return scalars.count
    }

    /// The character a reference at `start` (a `&`) stands for and the index after its `;`.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Character, Int)? {
        var index = start + 1
        let limit = min(scalars.count, start + 2 + max(HTMLEntities.longestName, 8))
        while index < limit, scalars[index] != ";" { index += 1 }
        guard index < limit, index > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
        guard let character = HTMLEntities.character(for: Substring(body)) else { return nil }
        return (character, index + 1)
    }
}

/// Accumulates text line by line, collapsing white space as a browser does.
private struct LineBuilder {
    private var lines: [String] = []
    private var current = ""
    private var pendingSpace = false

    mutating func append(_ character: Character) {
        if pendingSpace, !current.isEmpty { current.append(" ") }
        pendingSpace = false
        current.append(character)
    }

    mutating func append(_ string: String) {
        for character in string { append(character) }
    }

    mutating func space() { pendingSpace = true }

    /// A `<br>`: always starts a new line (two in a row leave an empty line).
    mutating func breakLine() {
        lines.append(current)
        current = ""
        pendingSpace = false
    }

    /// The end of a block: starts a new line unless the current one is empty.
    mutating func endLine() {
        if !current.isEmpty { breakLine() }
        pendingSpace = false
    }

    /// The lines joined, trailing spaces removed, at most one empty line in a row, trimmed.
    var finished: String {
        var all = lines + [current]
        all = all.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
        var kept: [String] = []
        for line in all where !(line.isEmpty && kept.last?.isEmpty == true) { kept.append(line) }
        while kept.first?.isEmpty == true { kept.removeFirst() }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return kept.joined(separator: "\n")
    }
}

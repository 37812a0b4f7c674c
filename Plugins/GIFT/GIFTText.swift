/// The text of a GIFT question, or a part of it, as characters that know whether they were escaped.
///
/// Moodle's parser replaces escaped characters with placeholders before it looks for syntax; keeping the
/// flag on each character does the same without placeholders that ordinary text could contain.
struct GIFTText {
    /// The characters.
    var characters: ArraySlice<GIFTCharacter>

    /// Wraps characters.
    init(_ characters: ArraySlice<GIFTCharacter>) { self.characters = characters }

    /// The text of `lines` (number and text of each), joined by new lines, with escapes resolved.
    init(lines: [(number: Int, text: String)]) {
        var characters: [GIFTCharacter] = []
        var previousLine: Int?
        for line in lines {
            if let previousLine { characters.append(GIFTCharacter(scalar: "\n", isEscaped: false, line: previousLine)) }
            previousLine = line.number
            var pendingBackslash = false
            for scalar in line.text.unicodeScalars {
                if pendingBackslash {
                    pendingBackslash = false
                    switch scalar {
                    case "\\", ":", "#", "=", "{", "}", "~":
                        characters.append(GIFTCharacter(scalar: scalar, isEscaped: true, line: line.number))
                    case "n":
                        characters.append(GIFTCharacter(scalar: "\n", isEscaped: true, line: line.number))
                    default:
                        characters.append(GIFTCharacter(scalar: "\\", isEscaped: true, line: line.number))
                        characters.append(GIFTCharacter(scalar: scalar, isEscaped: false, line: line.number))
                    }
                } else if scalar == "\\" {
                    pendingBackslash = true
                } else {
                    characters.append(GIFTCharacter(scalar: scalar, isEscaped: false, line: line.number))
                }
            }
            if pendingBackslash { characters.append(GIFTCharacter(scalar: "\\", isEscaped: true, line: line.number)) }
        }
        self.characters = characters[...]
    }

    /// Whether there are no characters.
    var isEmpty: Bool { characters.isEmpty }

    /// The literal text.
    var string: String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: characters.lazy.map(\.scalar))
        return String(scalars)
    }

    /// The text without leading and trailing white space.
    func trimmed() -> GIFTText {
        guard let first = characters.firstIndex(where: { !$0.isWhitespace }),
            let last = characters.lastIndex(where: { !$0.isWhitespace })
        else { return GIFTText(characters[characters.startIndex..<characters.startIndex]) }
        return GIFTText(characters[first...last])
    }

    /// The index of the first unescaped `syntax` character at or after `start`.
    func firstIndex(of syntax: Unicode.Scalar, from start: Int? = nil) -> Int? {
        let from = start ?? characters.startIndex
        guard from < characters.endIndex else { return nil }
        return characters[from...].firstIndex { $0.isSyntax(syntax) }
    }

    /// Whether an unescaped `syntax` character occurs.
    func contains(_ syntax: Unicode.Scalar) -> Bool { firstIndex(of: syntax) != nil }

    /// The index where the first unescaped occurrence of `sequence` starts, at or after `start`.
    func firstIndex(ofSequence sequence: String, from start: Int? = nil) -> Int? {
        let pattern = Array(sequence.unicodeScalars)
        guard let head = pattern.first else { return nil }
        var index = start ?? characters.startIndex
        while let found = firstIndex(of: head, from: index) {
            if matches(pattern, at: found) { return found }
            index = found + 1
        }
        return nil
    }

    /// The index where the last unescaped occurrence of `sequence` starts.
    func lastIndex(ofSequence sequence: String) -> Int? {
        let pattern = Array(sequence.unicodeScalars)
        var index = characters.endIndex - pattern.count
        while index >= characters.startIndex {
            if matches(pattern, at: index) { return index }
            index -= 1
        }
        return nil
    }

    private func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= characters.startIndex, index + pattern.count <= characters.endIndex else { return false }
        for (offset, scalar) in pattern.enumerated() where !characters[index + offset].isSyntax(scalar) { return false }
        return true
    }

    /// Whether the text starts with the unescaped `sequence`.
    func hasPrefix(_ sequence: String) -> Bool { matches(Array(sequence.unicodeScalars), at: characters.startIndex) }

    /// The characters from `start` (an index of ``characters``) to the end.
    func suffix(from start: Int) -> GIFTText { GIFTText(characters[min(start, characters.endIndex)...]) }

    /// The characters before `end` (an index of ``characters``).
    func prefix(upTo end: Int) -> GIFTText { GIFTText(characters[..<max(end, characters.startIndex)]) }

    /// The characters in `range` (indices of ``characters``).
    subscript(range: Range<Int>) -> GIFTText { GIFTText(characters[range]) }

    /// The pieces between unescaped `separators`, each with the separator that opened it (`nil` for the
    /// first piece). Moodle splits answers this way.
    func split(at separators: Set<Unicode.Scalar>) -> [(separator: Unicode.Scalar?, text: GIFTText)] {
        var pieces: [(separator: Unicode.Scalar?, text: GIFTText)] = []
        var separator: Unicode.Scalar?
        var start = characters.startIndex
        for index in characters.indices where !characters[index].isEscaped && separators.contains(characters[index].scalar) {
            pieces.append((separator, GIFTText(characters[start..<index])))
            separator = characters[index].scalar
            start = index + 1
        }
        pieces.append((separator, GIFTText(characters[start...])))
        return pieces
    }

    /// The text before and after the first unescaped `separator`, or the whole text and `nil`.
    func splitOnce(at separator: Unicode.Scalar) -> (head: GIFTText, tail: GIFTText?) {
        guard let index = firstIndex(of: separator) else { return (self, nil) }
        return (prefix(upTo: index), suffix(from: index + 1))
    }

    /// The source line of the character at `index`, or of the last character when `index` is past the end.
    func line(at index: Int) -> Int? {
        if characters.indices.contains(index) { return characters[index].line }
        return characters.last?.line
    }
}

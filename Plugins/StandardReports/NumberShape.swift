/// Whether a cell's text reads as a number: for aligning numeric columns, isolating numbers inside
/// right-to-left text, and guarding CSV cells against formula injection.
enum NumberShape {
    /// Whether `text` is a number as reports print them: `72`, `-3,5`, `+12`, `1 234`, `72 %`, `12/16`,
    /// `٧٢٪`, possibly wrapped in bidi marks. Lenient: used for layout only.
    static func looksNumeric(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.filter { !bidiMarks.contains($0) }
        return matches(
            trimmingSpaces(Array(scalars)),
            signs: ["+", "-", "\u{2212}", "\u{00B1}"],
            separators: lenientSeparators,
            isDigit: { $0.properties.numericType == .decimal }
        )
    }

    /// Whether `text` only stands for a missing value: empty, blank, or a lone dash (`—`, `–`, `-`, `−`),
    /// as evaluations print values they cannot give. Such cells do not decide whether a column is numeric.
    static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.filter { !$0.isWhitespace }
        return trimmed.isEmpty || ["—", "–", "-", "\u{2212}"].contains(trimmed)
    }

    /// Whether every cell of a column that holds a value looks numeric, and at least one does.
    static func isNumericColumn(_ cells: [String?]) -> Bool {
        let values = cells.compactMap { $0 }.filter { !isPlaceholder($0) }
        return !values.isEmpty && values.allSatisfy(looksNumeric)
    }

    /// Whether a spreadsheet reads `text` as a plain number and never as a formula: an optional `+` or
    /// `-`, ASCII digits with `.`, `,` or no-break space separators between them, and an optional
    /// trailing `%`. A plain space between digits does not count: Excel reads `+33 6 12` as a formula
    /// (the space is its intersection operator).
    static func isPlainNumber(_ text: String) -> Bool {
        matches(
            Array(text.unicodeScalars),
            signs: ["+", "-"],
            separators: [".", ",", "\u{00A0}", "\u{202F}"],
            isDigit: { $0.isASCII && $0.properties.numericType == .decimal }
        )
    }

    /// Left-to-right, right-to-left and Arabic letter marks, and the explicit embeddings and isolates.
    static let bidiMarks: Set<Unicode.Scalar> = [
        "\u{200E}", "\u{200F}", "\u{061C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]

    private static let spaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
    private static let percentSigns: Set<Unicode.Scalar> = ["%", "\u{066A}", "\u{2030}"]
    private static let lenientSeparators: Set<Unicode.Scalar> = [
        ".", ",", "'", "/", " ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{066B}", "\u{066C}",
    ]

    /// sign? digit (separator? digit)* (space* percent)?
    private static func matches(
        _ scalars: [Unicode.Scalar],
        signs: Set<Unicode.Scalar>,
        separators: Set<Unicode.Scalar>,
        isDigit: (Unicode.Scalar) -> Bool
    ) -> Bool {
        var index = scalars.startIndex
        if index < scalars.endIndex, signs.contains(scalars[index]) {
            index += 1
        }
        guard index < scalars.endIndex, isDigit(scalars[index]) else { return false }
        while index < scalars.endIndex {
            if isDigit(scalars[index]) {
                index += 1
            } else if separators.contains(scalars[index]), index + 1 < scalars.endIndex, isDigit(scalars[index + 1]) {
                index += 1
            } else {
                break
            }
        }
        while index < scalars.endIndex, spaces.contains(scalars[index]) {
            index += 1
        }
        if index < scalars.endIndex, percentSigns.contains(scalars[index]) {
            index += 1
        }
        return index == scalars.endIndex
    }

    /// The scalars without leading and trailing white space.
    private static func trimmingSpaces(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return Array(scalars[first...last])
    }
}

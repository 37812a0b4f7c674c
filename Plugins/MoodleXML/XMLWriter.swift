import Foundation

/// Writes indented XML text, escaping every value so that the output is always well-formed.
///
/// Text content goes into a CDATA section when it has markup characters (as Moodle's own export does),
/// split where it contains `]]>`; attribute values are escaped with entities. Characters XML 1.0 forbids
/// (most control characters) are removed and counted.
struct XMLWriter {
    /// The text written so far.
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /// How many characters were removed because XML cannot hold them.
    private(set) var removedCharacters = 0
    private var depth = 0

    /// Creates a writer that has written the XML declaration.
    init() {}

    /// Opens an element on its own line.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(attributeText(attributes))>")
        depth += 1
    }

    /// Closes an element opened with ``open(_:_:)``.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// Writes `<name attributes>value</name>` on one line.
    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(attributeText(attributes))>\(content(value))</\(name)>")
    }

    /// Writes an empty element.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(attributeText(attributes))/>")
    }

    /// Writes a comment (its text made safe: no `--`).
    mutating func comment(_ text: String) {
        line("<!-- \(clean(text).replacingOccurrences(of: "--", with: "- -")) -->")
    }

    private mutating func line(_ text: String) {
        output += String(repeating: "  ", count: max(0, depth)) + text + "\n"
    }

    private mutating func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped(clean($0.1), quotes: true))\"" }.joined()
    }

    /// A text node: as is when it has no markup characters, else in CDATA.
    private mutating func content(_ value: String) -> String {
        let text = clean(value)
        guard text.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }) else { return text }
        return "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// `text` with line ends normalized and the characters XML 1.0 forbids removed.
    private mutating func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0D: result.append("\n")
            case 0x0A where previousWasCarriageReturn: continue
            case 0x09, 0x0A, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: result.append(scalar)
            default: removedCharacters += 1
            }
        }
        return String(result)
    }

    private func escaped(_ text: String, quotes: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "\n" where quotes: result += "&#10;"
            default: result.append(character)
            }
        }
        return result
    }
}

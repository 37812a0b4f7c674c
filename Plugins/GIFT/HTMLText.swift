/// Turns simple HTML into plain text.
enum HTMLText {
    /// The text of `html`: tags removed (`<br>` and the end of a paragraph, list item or division become a
    /// new line), runs of white space collapsed, and the entities `&amp;`, `&lt;`, `&gt;`, `&quot;`,
    /// `&#39;`, `&apos;`, `&nbsp;` and numeric references decoded.
    static func plainText(_ html: Substring) -> String {
        var text = String.UnicodeScalarView()
        var pendingSpace = false
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var nextClose = scalars.firstIndex(of: ">")  // kept ahead of `index`, so the scan stays linear
        while index < scalars.count {
            let scalar = scalars[index]
            while let close = nextClose, close <= index { nextClose = scalars[(close + 1)...].firstIndex(of: ">") }
            if scalar == "<", index + 1 < scalars.count, isTagStart(scalars[index + 1]), let close = nextClose {
                let name = tagName(scalars[(index + 1)..<close])
                if ["br", "/p", "/div", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/tr"].contains(name) {
                    while text.last == " " { text.removeLast() }
                    if !text.isEmpty && text.last != "\n" { text.append("\n") }
                    pendingSpace = false
                } else if !["b", "/b", "i", "/i", "em", "/em", "strong", "/strong", "span", "/span", "u", "/u", "sub", "/sub", "sup", "/sup"]
                    .contains(name)
                {
                    pendingSpace = pendingSpace || !text.isEmpty
                }
                index = close + 1
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !text.isEmpty && text.last != "\n"
            } else {
                if pendingSpace && text.last != "\n" { text.append(" ") }
                pendingSpace = false
                text.append(scalar)
            }
            index += 1
        }
        return decodingEntities(String(text))
    }

    private static func isTagStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "/" || scalar == "!" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func tagName(_ inside: ArraySlice<Unicode.Scalar>) -> String {
        var name = ""
        for scalar in inside {
            if scalar.properties.isWhitespace || scalar == ">" || (scalar == "/" && !name.isEmpty) { break }
            name.unicodeScalars.append(scalar)
        }
        return name.lowercased()
    }

    /// `text` with HTML entities decoded in one pass (`&amp;lt;` becomes `&lt;`, not `<`).
    static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            let window = rest[afterAmpersand...].prefix(12)
            if let semicolon = window.firstIndex(of: ";"), let decoded = entity(String(rest[afterAmpersand..<semicolon])) {
                output.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = rest[afterAmpersand...]
            }
        }
        output += rest
        return output
    }

    private static func entity(_ name: String) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{00A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return Character(scalar)
        }
    }
}

/// A small XML tree that serializes to well-formed, escaped XML.
///
/// Every string that reaches the output goes through ``escapedText(_:)`` or ``escapedAttribute(_:)``:
/// `&`, `<` and `>` (and `"`, tab and line breaks in attribute values) become references, and characters
/// that XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, so the document is
/// well formed whatever the content holds. Elements whose children are all elements are indented; any
/// element holding text is written on one line so that no whitespace is added to mixed content.
indirect enum Markup {
    /// An element: its name, its attributes in order, its children.
    case element(String, [(name: String, value: String)], [Markup])
    /// Character data.
    case text(String)

    /// An element; attributes whose value is `nil` are left out.
    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [Markup] = []) -> Markup {
        .element(name, attributes.compactMap { pair in pair.value.map { (name: pair.key, value: $0) } }, children)
    }

    /// An element holding text only.
    static func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) -> Markup {
        tag(name, attributes, [.text(text)])
    }

    /// The document: an XML declaration, then `root`, then a line break.
    static func document(_ root: Markup) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        root.write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    private var isElement: Bool {
        if case .element = self { return true }
        return false
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .text(let text):
            output.append(Markup.escapedText(text))
        case .element(let name, let attributes, let children):
            output.append("<")
            output.append(name)
            for attribute in attributes {
                output.append(" \(attribute.name)=\"\(Markup.escapedAttribute(attribute.value))\"")
            }
            if children.isEmpty {
                output.append("/>")
                return
            }
            output.append(">")
            if children.allSatisfy(\.isElement) {
                let padding = String(repeating: "  ", count: indent + 1)
                for child in children {
                    output.append("\n")
                    output.append(padding)
                    child.write(to: &output, indent: indent + 1)
                }
                output.append("\n")
                output.append(String(repeating: "  ", count: indent))
            } else {
                for child in children { child.write(to: &output, indent: indent) }
            }
            output.append("</\(name)>")
        }
    }

    /// `text` as element content.
    static func escapedText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append("&amp;")
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            default: output.unicodeScalars.append(allowed(scalar))
            }
        }
        return output
    }

    /// `text` as an attribute value between double quotes (line breaks and tabs kept as references, since a
    /// parser would otherwise turn them into spaces).
    static func escapedAttribute(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append("&amp;")
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            case "\"": output.append("&quot;")
            case "\t": output.append("&#9;")
            case "\n": output.append("&#10;")
            case "\r": output.append("&#13;")
            default: output.unicodeScalars.append(allowed(scalar))
            }
        }
        return output
    }

    /// `scalar` if XML 1.0 allows it in a document, else U+FFFD.
    private static func allowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalar
        default: "\u{FFFD}"
        }
    }
}

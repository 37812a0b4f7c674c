import AtelierKernel
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an XML file into an ``XMLNode`` tree, within bounds, refusing what an attacker could use.
///
/// External entities are never resolved, a document type declaration (which is where entities are
/// declared) is refused before parsing, and the nesting depth and number of elements are bounded, so any
/// input ends quickly with either a tree or one error located at a line and column.
struct XMLTreeReader {
    /// Bounds on the input.
    struct Limits: Sendable {
        /// The deepest element nesting accepted (Moodle XML needs about 6).
        var maxDepth = 64
        /// The most elements accepted.
        var maxElements = 2_000_000
    }

    /// Why a file could not be read as XML.
    struct Failure: Error, Sendable {
        /// A short explanation.
        var message: String
        /// Where the parser stopped.
        var location: SourceLocation
        /// What to do about it.
        var hint: String?
    }

    /// Bounds on the input.
    var limits = Limits()

    /// Parses `data`.
    ///
    /// - Returns: the root element.
    /// - Throws: ``Failure`` with the parser's line and column when the file is not well-formed XML or
    ///   exceeds the limits.
    func parse(_ data: Data) throws(Failure) -> XMLNode {
        let bytes = [UInt8](data)
        if let doctype = XMLTreeReader.doctypeLocation(in: bytes) {
            throw Failure(
                message: "the file declares a document type (<!DOCTYPE …>), which Moodle XML never has",
                location: doctype,
                hint: "remove the <!DOCTYPE …> declaration; entity declarations are refused because they can expand a small file enormously"
            )
        }
        if let invalid = XMLTreeReader.firstInvalidUTF8(in: bytes) {
            throw Failure(
                message: "the file is not valid UTF-8 (a byte that starts no character)",
                location: invalid,
                hint:
                    "save the file as UTF-8, as Moodle exports it; FoundationXML's parser crashes on some invalid bytes, so they are refused before parsing"
            )
        }
        if let instruction = XMLTreeReader.processingInstructionLocation(in: bytes) {
            throw Failure(
                message: "the file has a processing instruction (<?…?>) other than the XML declaration, which Moodle XML never has",
                location: instruction,
                hint: "remove it; FoundationXML's parser crashes on some of them, so they are refused before parsing"
            )
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = XMLTreeBuilder(bytes: bytes, limits: limits)
        parser.delegate = builder
        let finished = parser.parse()
        if let failure = builder.failure { throw failure }
        if !finished || parser.parserError != nil {
            throw Failure(
                message: "the XML is not well-formed",
                location: SourceLocation(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            )
        }
        guard let root = builder.root else {
            throw Failure(
                message: "the file is empty: there is no XML element in it",
                location: .start,
                hint: "export the questions from Moodle again"
            )
        }
        return root
    }

    /// Where a `<!DOCTYPE` starts, if the prolog (what comes before the root element) has one.
    static func doctypeLocation(in bytes: [UInt8]) -> SourceLocation? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = index
        func skip(to terminator: [UInt8]) {
            while index < bytes.count, !bytes[index...].starts(with: terminator) {
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            index += terminator.count
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                index += 1
                lineStart = index
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if bytes[index...].starts(with: Array("<?".utf8)) {
                skip(to: Array("?>".utf8))
            } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                skip(to: Array("-->".utf8))
            } else if bytes[index...].starts(with: Array("<!DOCTYPE".utf8)) {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(line: line, column: column)
            } else {
                return nil
            }
        }
        return nil
    }

    /// Where the first byte that is not part of a well-formed UTF-8 sequence is (overlong forms, surrogates and
    /// values above U+10FFFF included). FoundationXML on Linux traps on an element or attribute name with
    /// invalid UTF-8 (`<\u{CE}z>`); found by fuzzing (Fuzz/Regressions/moodle-xml).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> SourceLocation? {
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let lead = bytes[index]
            var length = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, lower) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, upper) = (3, 0x9F)
            case 0xF0: (length, lower) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, upper) = (4, 0x8F)
            default: length = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid && length > 1 {
                valid = (lower...upper).contains(bytes[index + 1]) && (index + 2..<index + length).allSatisfy { (0x80...0xBF).contains(bytes[$0]) }
            }
            guard valid else {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1
                return SourceLocation(line: line, column: column)
            }
            if lead == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return nil
    }

    /// Where a processing instruction (`<?…`) other than the leading XML declaration starts, anywhere in the
    /// file, comments and CDATA included: libxml2's error recovery can read a `<?` inside a malformed comment
    /// as an instruction, and FoundationXML on Linux passes a null pointer to `strlen` for an instruction without
    /// data (`<?x?>`), which kills the process. Found by fuzzing (Fuzz/Regressions/moodle-xml). Moodle never
    /// writes instructions; question text that needs `<?` can write `&lt;?`.
    static func processingInstructionLocation(in bytes: [UInt8]) -> SourceLocation? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        var line = 1
        var lineStart = start
        let whitespace: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            } else if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "?") {
                let declaration =
                    index == start && bytes[index...].starts(with: Array("<?xml".utf8)) && index + 5 < bytes.count
                    && whitespace.contains(bytes[index + 5])
                if !declaration {
                    return SourceLocation(line: line, column: String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1)
                }
            }
            index += 1
        }
        return nil
    }

    /// Describes an `XMLParser` error code (libxml2's numbering) in words.
    static func describe(parserErrorCode code: Int) -> (message: String, hint: String?) {
        switch code {
        case 4, 3:
            ("the file does not start with an XML element", "check that this is a Moodle XML export (it starts with <?xml … ?> and <quiz>)")
        case 5:
            (
                "the document ends before every element is closed, or has content after its root element",
                "close every element; <quiz> must enclose everything"
            )
        case 9:
            ("the file has a character that is not valid here (is it encoded in UTF-8?)", "save the file as UTF-8")
        case 26:
            (
                "an entity such as &nbsp; is used but not defined (HTML entities are not XML entities)",
                "wrap HTML in <![CDATA[ … ]]> or write &amp;nbsp; instead of &nbsp;"
            )
        case 23, 68:
            ("a '&' or '<' in text is not escaped", "write &amp; and &lt;, or wrap the text in <![CDATA[ … ]]>")
        case 38, 39, 40, 41, 65, 73:
            ("a start tag is malformed (attribute values need quotes, and the tag a closing '>')", "write attributes as name=\"value\"")
        case 76:
            ("a closing tag does not match the element it should close", "close elements in the reverse order they were opened")
        case 89:
            ("an entity refers to itself", nil)
        default:
            ("the XML is not well-formed (parser error \(code))", nil)
        }
    }
}

/// Builds the tree from `XMLParser` events.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private var locator: TagStartLocator
    private let limits: XMLTreeReader.Limits
    private var stack: [XMLNode] = []
    private var elementCount = 0
    private(set) var root: XMLNode?
    private(set) var failure: XMLTreeReader.Failure?

    init(bytes: [UInt8], limits: XMLTreeReader.Limits) {
        self.locator = TagStartLocator(bytes: bytes)
        self.limits = limits
    }

    private func position(_ parser: XMLParser) -> SourceLocation {
        SourceLocation(line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
    }

    private func fail(_ parser: XMLParser, _ message: String, hint: String? = nil) {
        guard failure == nil else { return }
        failure = XMLTreeReader.Failure(message: message, location: position(parser), hint: hint)
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        elementCount += 1
        if stack.count >= limits.maxDepth {
            return fail(
                parser,
                "elements are nested more than \(limits.maxDepth) deep",
                hint: "Moodle XML nests a few levels only; is this a Moodle export?"
            )
        }
        if elementCount > limits.maxElements {
            return fail(parser, "the file has more than \(limits.maxElements) elements", hint: "split it into smaller exports")
        }
        let location = locator.tagStart(endingAt: position(parser))
        stack.append(XMLNode(name: elementName, attributes: attributeDict, location: location))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, let node = stack.popLast() else { return }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard failure == nil else { return }
        let (message, hint) = XMLTreeReader.describe(parserErrorCode: (parseError as NSError).code)
        failure = XMLTreeReader.Failure(message: message, location: position(parser), hint: hint)
    }
}

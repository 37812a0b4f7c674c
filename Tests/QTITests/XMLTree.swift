import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element parsed with `XMLParser` (namespaces processed): enough to check the exporter's documents.
final class XMLTree {
    /// The local name, such as `qti-assessment-item`.
    let name: String
    /// The namespace URI.
    let namespace: String?
    /// The attributes by qualified name (`identifier`, `xml:lang`).
    let attributes: [String: String]
    /// The child elements, in order.
    private(set) var children: [XMLTree] = []

    init(name: String, namespace: String?, attributes: [String: String]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
    }

    /// The attribute `name`.
    subscript(name: String) -> String? { attributes[name] }

    /// The text inside the element and its descendants, in document order.
    var text: String {
        var output = ""
        collectText(into: &output)
        return output
    }

    private var contentOrder: [Content] = []

    private enum Content {
        case text(String)
        case child(XMLTree)
    }

    private func collectText(into output: inout String) {
        for part in contentOrder {
            switch part {
            case .text(let text): output += text
            case .child(let child): child.collectText(into: &output)
            }
        }
    }

    /// The descendants (and the element itself) named `name`, in document order.
    func all(_ name: String) -> [XMLTree] {
        (self.name == name ? [self] : []) + children.flatMap { $0.all(name) }
    }

    /// The first descendant named `name`.
    func first(_ name: String) -> XMLTree? { all(name).first }

    /// The child elements named `name`.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    fileprivate func append(_ child: XMLTree) {
        children.append(child)
        contentOrder.append(.child(child))
    }

    fileprivate func append(_ text: String) {
        contentOrder.append(.text(text))
    }

    /// Parses `text`, throwing with the parser's line and reason when it is not well formed.
    static func parse(_ text: String, file: String) throws -> XMLTree {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw PackageError.malformed(file, line: parser.lineNumber, reason: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let element = XMLTree(name: elementName, namespace: namespaceURI, attributes: attributeDict)
            if let parent = stack.last { parent.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.append(string)
        }
    }
}

import AtelierKernel
import Foundation

/// One element of a parsed XML document: its name, attributes, text and child elements, with where its
/// start tag begins in the file.
///
/// Moodle XML keeps every value in element text (`<text>…</text>`), never in mixed content, so an
/// element's ``text`` is the concatenation of its own character data and CDATA sections.
struct XMLNode: Sendable {
    /// The element name, such as `question`.
    var name: String
    /// The attributes by name.
    var attributes: [String: String]
    /// The element's own character data and CDATA, in document order.
    var text: String
    /// The child elements in document order.
    var children: [XMLNode]
    /// Where the start tag's `<` is.
    var location: SourceLocation

    /// Creates an element.
    init(name: String, attributes: [String: String] = [:], text: String = "", children: [XMLNode] = [], location: SourceLocation = .start) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
        self.location = location
    }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// The child elements named `name`, in document order.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The text of the first child named `name`, trimmed; `nil` when there is no such child.
    func childText(_ name: String) -> String? { child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } }

    /// The elements named `name` anywhere below this one, in document order.
    func descendants(_ name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        var stack: [XMLNode] = children.reversed()
        while let node = stack.popLast() {
            if node.name == name { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}

import AtelierKernel
import Foundation

extension ExportResult {
    /// The exported JSON lines, each parsed (a line that is not JSON throws).
    func statements() throws -> [JSONValue] {
        let text = String(decoding: data, as: UTF8.self)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try JSONParser.parse(Data(line.utf8)).value
        }
    }
}

extension JSONValue {
    /// The statement's verb, by the last segment of its id (`answered`, `passed`…).
    var verbName: String? { self["verb"]?["id"]?.stringValue?.split(separator: "/").last.map(String.init) }

    /// The value at a path of object keys.
    subscript(path path: String...) -> JSONValue? {
        path.reduce(Optional(self)) { value, key in value?[key] }
    }
}

import AtelierKernel
import Foundation

/// Machine output: pretty-printed JSON with stable key order.
enum JSONOutput {
    /// Encodes `value` as pretty JSON with sorted keys.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Diagnostic {
    /// The diagnostic as `atelier validate --format json` prints it: every key present, `hint` null when
    /// there is none.
    var jsonValue: JSONValue {
        [
            "severity": .string(severity.rawValue),
            "code": .string(code),
            "file": .string(file),
            "line": .number(Double(line)),
            "column": .number(Double(column)),
            "pointer": .string(pointer),
            "message": .string(message),
            "hint": hint.map(JSONValue.string) ?? .null,
        ]
    }
}

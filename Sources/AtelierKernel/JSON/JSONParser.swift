import Foundation

/// A JSON document parsed with the location of every value.
public struct ParsedJSON: Sendable {
    /// The document's value.
    public var value: JSONValue
    /// Where each value and key starts.
    public var sourceMap: SourceMap
    /// Object members whose key appeared earlier in the same object (the later value wins).
    public var duplicateKeys: [JSONPointer]
}

/// A JSON syntax error, with its position.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where.
    public var location: SourceLocation
    /// How to fix it, when that is clear.
    public var hint: String?

    public var description: String { "\(location): \(message)" }
}

/// A strict JSON parser (RFC 8259) that records where each value starts and bounds its input.
///
/// ```swift
/// let parsed = try JSONParser.parse(data, maxDepth: 64)
/// let line = parsed.sourceMap.location(of: "/items/3/answer").line
/// ```
public struct JSONParser {
    /// The default bound on nesting (objects and arrays inside each other).
    public static let defaultMaxDepth = 64

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var recordsLocations = true
    private var index = 0
    private var line = 1
    private var column = 1
    private var sourceMap = SourceMap()
    private var duplicateKeys: [JSONPointer] = []

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// Parses a complete JSON document.
    ///
    /// - Parameters:
    ///   - data: UTF-8 text (a leading byte order mark is skipped).
    ///   - maxDepth: the deepest nesting accepted; deeper input is an error, never a crash.
    /// - Returns: the value, its source map and any duplicate keys.
    /// - Throws: ``JSONSyntaxError`` with the position of the first problem.
    public static func parse(_ data: Data, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> ParsedJSON {
        try parse(bytes: [UInt8](data), maxDepth: maxDepth)
    }

    /// Parses a request body: syntax errors still carry their line and column, but the locations of
    /// values are not recorded (a request has no author to point at lines).
    public static func parseValue(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes: bytes, maxDepth: maxDepth, recordLocations: false).value
    }

    /// Parses a complete JSON document from a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> ParsedJSON {
        try parse(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    private static func parse(bytes: [UInt8], maxDepth: Int, recordLocations: Bool = true) throws(JSONSyntaxError) -> ParsedJSON {
        if let invalid = firstInvalidUTF8(bytes) {
            throw JSONSyntaxError(
                message: "the file is not valid UTF-8",
                location: invalid,
                hint: "save the file as UTF-8 (most editors offer this in the 'Save with encoding' menu)"
            )
        }
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        parser.recordsLocations = recordLocations
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw parser.error("the document is empty", hint: "a content file holds one JSON object: { … }")
        }
        let value = try parser.parseValue(at: .root, depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error(
                "unexpected \(parser.describeCurrent()) after the end of the document",
                hint: "a JSON file holds exactly one value; remove what follows it or wrap both in an array"
            )
        }
        return ParsedJSON(value: value, sourceMap: parser.sourceMap, duplicateKeys: parser.duplicateKeys)
    }

    // MARK: - Values

    private mutating func parseValue(at pointer: JSONPointer, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if recordsLocations { sourceMap.recordValue(pointer, currentLocation) }
        guard let byte = peek() else { throw error("unexpected end of file: a value was expected") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(at: pointer, depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(at: pointer, depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "'"):
            throw error("strings must use double quotes", hint: "replace 'text' with \"text\"")
        default:
            throw error("unexpected \(describeCurrent()): a value was expected")
        }
    }

    private mutating func parseObject(at pointer: JSONPointer, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        advance()  // {
        var object = JSONObject()
        var seen = Set<String>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            advance()
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                if peek() == UInt8(ascii: "}") {
                    throw error("trailing comma before '}'", hint: "remove the comma after the last member")
                }
                throw error(
                    "expected a member name in double quotes, found \(describeCurrent())",
                    hint: peek() == nil ? "the object is not closed: add '}'" : nil
                )
            }
            let keyLocation = currentLocation
            let key = try parseString()
            let memberPointer = recordsLocations ? pointer.appending(key) : pointer
            if recordsLocations { sourceMap.recordKey(memberPointer, keyLocation) }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("expected ':' after the member name \"\(key)\", found \(describeCurrent())")
            }
            advance()
            skipWhitespace()
            let value = try parseValue(at: memberPointer, depth: depth)
            if seen.insert(key).inserted {
                object.appendNew(key, value)
            } else {
                duplicateKeys.append(pointer.appending(key))
                object[key] = value
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return .object(object)
            case nil:
                throw error("unexpected end of file inside an object", hint: "the object is not closed: add '}'")
            default:
                throw error(
                    "expected ',' or '}' after the value of \"\(key)\", found \(describeCurrent())",
                    hint: "a comma is probably missing at the end of the previous line"
                )
            }
        }
    }

    private mutating func parseArray(at pointer: JSONPointer, depth: Int) throws(JSONSyntaxError) -> JSONValue {
        try checkDepth(depth)
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                throw error("trailing comma before ']'", hint: "remove the comma after the last element")
            }
            elements.append(try parseValue(at: recordsLocations ? pointer.appending(elements.count) : pointer, depth: depth))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            case nil:
                throw error("unexpected end of file inside an array", hint: "the array is not closed: add ']'")
            default:
                throw error(
                    "expected ',' or ']' after an array element, found \(describeCurrent())",
                    hint: "a comma is probably missing at the end of the previous line"
                )
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > maxDepth {
            throw error(
                "nesting is deeper than \(maxDepth) levels",
                hint: "content files never need this depth; check for a runaway generator or unbalanced brackets"
            )
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw error("unexpected end of file inside a string", hint: "close the string with '\"'")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                advance()
                utf8.append(contentsOf: String(try parseEscape()).utf8)
            case 0x0A, 0x0D:
                throw error(
                    "line break inside a string",
                    hint: "write a line break as \\n, or close the string on the line it starts"
                )
            case 0..<0x20:
                throw error("control character U+\(String(format: "%04X", byte)) inside a string; escape it")
            default:
                utf8.append(byte)
                advance()
            }
        }
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = peek() else { throw error("unexpected end of file in an escape sequence") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try parseHex4()
            if (0xD800...0xDBFF).contains(high) {
                guard peek() == UInt8(ascii: "\\"), peek(offset: 1) == UInt8(ascii: "u") else {
                    throw error("unpaired surrogate \\u\(String(format: "%04X", high)) in a string")
                }
                advance()
                advance()
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("invalid surrogate pair in a string") }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw error("unpaired surrogate \\u\(String(format: "%04X", high)) in a string")
            }
            return scalar
        default:
            throw error(
                "invalid escape '\\\(String(UnicodeScalar(byte)))' in a string",
                hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX; write a backslash as \\\\"
            )
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexValue(byte) else {
                throw error("\\u must be followed by four hexadecimal digits")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        let startLocation = currentLocation
        if peek() == UInt8(ascii: "-") { advance() }
        guard let first = peek(), isDigit(first) else { throw error("a digit must follow '-'") }
        if first == UInt8(ascii: "0") {
            advance()
            if let next = peek(), isDigit(next) {
                throw error("numbers must not have leading zeros", hint: "write 7, not 07")
            }
        } else {
            while let byte = peek(), isDigit(byte) { advance() }
        }
        if peek() == UInt8(ascii: ".") {
            advance()
            guard let byte = peek(), isDigit(byte) else { throw error("a digit must follow the decimal point") }
            while let byte = peek(), isDigit(byte) { advance() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            advance()
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { advance() }
            guard let byte = peek(), isDigit(byte) else { throw error("a digit must follow the exponent") }
            while let byte = peek(), isDigit(byte) { advance() }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(message: "number \(text) is out of range", location: startLocation)
        }
        return value
    }

    private mutating func expectLiteral(_ literal: String) throws(JSONSyntaxError) {
        for expected in literal.utf8 {
            guard peek() == expected else {
                throw error(
                    "unexpected \(describeCurrent()) (expected '\(literal)')",
                    hint: "text values must be in double quotes"
                )
            }
            advance()
        }
    }

    // MARK: - Scanning

    private var currentLocation: SourceLocation { SourceLocation(line: line, column: column) }

    private func peek(offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            if byte == 0x0D {
                index += 1  // CR does not move the column of CRLF files
            } else {
                advance()
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func describeCurrent() -> String {
        guard let byte = peek() else { return "end of file" }
        if byte == UInt8(ascii: "/") { return "'/' (JSON has no comments)" }
        if byte < 0x80 {
            return byte < 0x20 ? "control character" : "'\(String(UnicodeScalar(byte)))'"
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    private func error(_ message: String, hint: String? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: currentLocation, hint: hint)
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> SourceLocation? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return SourceLocation(line: line, column: column)
            }
        }
    }
}

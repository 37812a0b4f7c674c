import Foundation

/// A JSON Pointer (RFC 6901), such as `/items/3/answer`.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The reference tokens, unescaped.
    public private(set) var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses a pointer such as `/items/3/answer`; `""` is the root.
    public init(_ string: String) {
        tokens =
            string.isEmpty
            ? []
            : string.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
    }

    /// The pointer one level down, at an object member.
    public func appending(_ key: String) -> JSONPointer { JSONPointer(tokens: tokens + [key]) }

    /// The pointer one level down, at an array element.
    public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens: tokens + [String(index)]) }

    /// The pointer `relative` below this one.
    public func appending(_ relative: JSONPointer) -> JSONPointer { JSONPointer(tokens: tokens + relative.tokens) }

    /// The pointer one level up; the root's parent is the root.
    public var parent: JSONPointer { JSONPointer(tokens: Array(tokens.dropLast())) }

    /// The escaped form, `""` for the root.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}

extension JSONPointer: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

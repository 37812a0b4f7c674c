import Foundation

/// A position in a text file: 1-based line, and 1-based column counted in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourceLocation(line: 1, column: 1)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Where each value (and each object member's key) of a parsed document starts.
public struct SourceMap: Sendable {
    private var values: [JSONPointer: SourceLocation] = [:]
    private var keys: [JSONPointer: SourceLocation] = [:]

    /// Creates an empty map.
    public init() {}

    mutating func recordValue(_ pointer: JSONPointer, _ location: SourceLocation) { values[pointer] = location }
    mutating func recordKey(_ pointer: JSONPointer, _ location: SourceLocation) { keys[pointer] = location }

    /// Where the value at `pointer` starts, or where its nearest existing ancestor starts.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        var current = pointer
        while true {
            if let location = values[current] { return location }
            if current.tokens.isEmpty { return .start }
            current = current.parent
        }
    }

    /// Where the key of the member at `pointer` starts (falls back to the value's location).
    public func keyLocation(of pointer: JSONPointer) -> SourceLocation {
        keys[pointer] ?? location(of: pointer)
    }
}

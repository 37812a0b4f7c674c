import Foundation

/// One problem found in content or input, located like a compiler error.
///
/// Printed as `Assessments/definitions/pre.json:41:17: error: /items/3/body/answer: "e" is not one of the
/// choices a, b, c, d`, followed by the hint when there is one.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Error, warning or note.
    public var severity: Severity
    /// A stable identifier of the rule, such as `unknown-key` (for tests and tools).
    public var code: String
    /// The file, as given to the loader (relative paths stay relative).
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int
    /// The JSON pointer of the offending value (`""` for the whole document).
    public var pointer: String
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it, when that is clear.
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        severity: Severity,
        code: String,
        file: String,
        location: SourceLocation,
        pointer: JSONPointer,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = location.line
        self.column = location.column
        self.pointer = pointer.description
        self.message = message
        self.hint = hint
    }

    /// The compiler-style text form, with the hint on a second line.
    public var formatted: String {
        let pointerPart = pointer.isEmpty ? "" : "\(pointer): "
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(pointerPart)\(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics ordered by file, line, column, then severity.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted {
            ($0.file, $0.line, $0.column, $0.severity, $0.message) < ($1.file, $1.line, $1.column, $1.severity, $1.message)
        }
    }
}

import Foundation

/// Collects diagnostics for one parsed file, turning JSON pointers into lines and columns.
///
/// Validation never stops at the first problem: every check reports here and carries on.
public struct DocumentDiagnostics: Sendable {
    /// The file being checked, as it will be printed.
    public let file: String
    /// Where each value of the file starts.
    public let sourceMap: SourceMap
    /// What has been reported so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty collector for `file`.
    public init(file: String, sourceMap: SourceMap) {
        self.file = file
        self.sourceMap = sourceMap
    }

    /// Reports a problem with the value at `pointer`.
    public mutating func error(_ code: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        report(.error, code, message, at: pointer, hint: hint)
    }

    /// Reports a likely problem with the value at `pointer` that does not stop the content from being used.
    public mutating func warning(_ code: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        report(.warning, code, message, at: pointer, hint: hint)
    }

    /// Reports a problem located at the *key* of the member at `pointer` (e.g. an unknown key).
    public mutating func errorAtKey(_ code: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        diagnostics.append(
            Diagnostic(
                severity: .error,
                code: code,
                file: file,
                location: sourceMap.keyLocation(of: pointer),
                pointer: pointer,
                message: message,
                hint: hint
            )
        )
    }

    /// Reports a diagnostic of any severity.
    public mutating func report(
        _ severity: Diagnostic.Severity,
        _ code: String,
        _ message: String,
        at pointer: JSONPointer,
        hint: String? = nil
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity,
                code: code,
                file: file,
                location: sourceMap.location(of: pointer),
                pointer: pointer,
                message: message,
                hint: hint
            )
        )
    }

    /// Whether an error has been reported.
    public var hasErrors: Bool { diagnostics.containsErrors }
}

/// What an item-type plugin reports about an item's body; pointers are relative to the body.
public struct ItemDiagnostics: Sendable {
    /// One reported problem.
    public struct Entry: Sendable, Hashable {
        /// Error or warning.
        public var severity: Diagnostic.Severity
        /// A stable rule identifier such as `answer-not-a-choice`.
        public var code: String
        /// Where, relative to the item's `body`.
        public var pointer: JSONPointer
        /// What is wrong.
        public var message: String
        /// What to do.
        public var hint: String?
    }

    /// What has been reported.
    public private(set) var entries: [Entry] = []

    /// Creates an empty list.
    public init() {}

    /// Reports an error at `pointer` (relative to the body, e.g. `/answer`).
    public mutating func error(_ code: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        entries.append(Entry(severity: .error, code: code, pointer: pointer, message: message, hint: hint))
    }

    /// Reports a warning at `pointer` (relative to the body).
    public mutating func warning(_ code: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        entries.append(Entry(severity: .warning, code: code, pointer: pointer, message: message, hint: hint))
    }
}

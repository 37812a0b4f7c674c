import AtelierKernel

/// Collects the diagnostics of one import: every problem, located at its line and column.
struct ImportDiagnostics {
    /// The file, as given to the importer.
    let file: String
    /// The diagnostics so far, in the order they were found.
    private(set) var all: [Diagnostic] = []

    /// Creates an empty collection for `file`.
    init(file: String) { self.file = file }

    /// Records `problem` at `location`.
    mutating func record(_ problem: ImportProblem, at location: SourceLocation) {
        all.append(problem.diagnostic(file: file, at: location))
    }

    /// Records an error.
    mutating func error(_ code: String, _ message: String, hint: String? = nil, at location: SourceLocation) {
        record(.error(code, message, hint: hint), at: location)
    }

    /// Records a warning.
    mutating func warning(_ code: String, _ message: String, hint: String? = nil, at location: SourceLocation) {
        record(.warning(code, message, hint: hint), at: location)
    }

    /// Checks the file's size: `false` (with an error recorded) when the file is too large to read.
    mutating func acceptsInput(byteCount: Int, format: String) -> Bool {
        guard byteCount <= ImportLimits.maxFileBytes else {
            error(
                "\(format)-file-too-large",
                "the file is \(byteCount) bytes long; at most \(ImportLimits.maxFileBytes) are read",
                hint: "split it into several files",
                at: .start
            )
            return false
        }
        return true
    }

    /// Reports a line that is not valid UTF-8.
    mutating func invalidUTF8(line: Int, format: String, skipping what: String) {
        error(
            "\(format)-invalid-utf8",
            "line \(line) is not valid UTF-8; \(what) is skipped",
            hint: "save the file as UTF-8 (it may be in Latin-1 or Windows-1252)",
            at: SourceLocation(line: line, column: 1)
        )
    }
}

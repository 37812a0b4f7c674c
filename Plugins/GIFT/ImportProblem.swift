import AtelierKernel

/// A problem found in one question: why it was skipped, or what was lost while converting it.
///
/// The importer turns it into a ``Diagnostic`` located at the question's first line.
struct ImportProblem: Error {
    /// Error for a malformed question, warning for a valid one that is skipped or simplified.
    var severity: Diagnostic.Severity
    /// A stable code such as `gift-essay-skipped`.
    var code: String
    /// What happened, in one sentence.
    var message: String
    /// What to do about it.
    var hint: String?

    /// A malformed question, skipped.
    static func error(_ code: String, _ message: String, hint: String? = nil) -> ImportProblem {
        ImportProblem(severity: .error, code: code, message: message, hint: hint)
    }

    /// A valid question that is skipped or simplified.
    static func warning(_ code: String, _ message: String, hint: String? = nil) -> ImportProblem {
        ImportProblem(severity: .warning, code: code, message: message, hint: hint)
    }

    /// The diagnostic for this problem at `location` of `file`.
    func diagnostic(file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity: severity, code: code, file: file, location: location, pointer: .root, message: message, hint: hint)
    }
}

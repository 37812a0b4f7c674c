import AtelierKernel
import Foundation

/// Reads the Aiken format into single-choice items.
///
/// Each question is its text (one line or more), then its options, one per line, labelled `A.` or `A)`,
/// then `ANSWER: B`:
///
/// ```
/// Quel âge marque la fin de l'enfance selon le Protocole ?
/// A. 16 ans
/// B) 18 ans
/// ANSWER: B
/// ```
///
/// A question without its `ANSWER:` line, with an answer letter that is not one of its options, with fewer
/// than two options or with options out of order is reported with its line and skipped.
public struct AikenImporter: ContentImporter {
    /// Creates the importer.
    public init() {}

    /// `aiken`.
    public let format = "aiken"
    /// `txt` and `aiken`.
    public let fileExtensions = ["txt", "aiken"]

    /// Converts an Aiken file into single-choice items in the first of `languages` (French when none).
    ///
    /// - Parameters:
    ///   - data: the file's bytes, UTF-8.
    ///   - file: its name, for diagnostics.
    ///   - languages: the language of the texts; only the first is used.
    /// - Returns: the items, and a diagnostic for every question skipped.
    public func importItems(from data: Data, file: String, languages: [String]) -> ImportResult {
        var diagnostics = ImportDiagnostics(file: file)
        guard diagnostics.acceptsInput(byteCount: data.count, format: format) else {
            return ImportResult(items: [], diagnostics: diagnostics.all)
        }
        var reader = AikenReader(language: languages.first ?? "fr", diagnostics: diagnostics)
        for line in SourceLines(data).lines {
            guard reader.read(line) else { break }
        }
        reader.finish()
        return ImportResult(items: reader.items, diagnostics: reader.diagnostics.all)
    }
}

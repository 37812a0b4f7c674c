import AtelierKernel
import Foundation

/// Reads Moodle's GIFT format into Atelier items.
///
/// Questions are separated by blank lines; `//` lines are comments; `$CATEGORY: path` sets the category of
/// the questions after it. Multiple choice becomes single-choice (or multiple-response when answers are
/// weighted and none is marked `=`), true/false becomes true-false, short answer becomes short-text,
/// numerical becomes numeric and matching becomes matching. Everything else (essay, description,
/// missing word, images, calculated and plug-in types) and every malformed question is reported with its
/// line and skipped; the rest of the file is still read.
///
/// ```swift
/// let result = GIFTImporter().importItems(from: data, file: "quiz.gift", languages: ["fr"])
/// for diagnostic in result.diagnostics { print(diagnostic.formatted) }
/// ```
public struct GIFTImporter: ContentImporter {
    /// Creates the importer.
    public init() {}

    /// `gift`.
    public let format = "gift"
    /// `gift` and `txt` (Moodle exports GIFT as `.txt`).
    public let fileExtensions = ["gift", "txt"]

    /// Converts a GIFT file into Atelier items in the first of `languages` (French when none is given).
    ///
    /// - Parameters:
    ///   - data: the file's bytes, UTF-8.
    ///   - file: its name, for diagnostics.
    ///   - languages: the language of the texts; only the first is used, GIFT being monolingual.
    /// - Returns: the items and a diagnostic for every question skipped or simplified.
    public func importItems(from data: Data, file: String, languages: [String]) -> ImportResult {
        var diagnostics = ImportDiagnostics(file: file)
        guard diagnostics.acceptsInput(byteCount: data.count, format: format) else {
            return ImportResult(items: [], diagnostics: diagnostics.all)
        }
        let language = languages.first ?? "fr"
        let parser = GIFTQuestionParser(language: language)
        var identifiers = ItemIdentifiers()
        var items: [JSONValue] = []
        var category: String?
        var position = 0
        for block in GIFTImporter.blocks(of: SourceLines(data).lines) {
            var lines = block.filter { !$0.trimmed.hasPrefix("//") }
            guard let first = lines.first else { continue }
            if let invalid = lines.first(where: { !$0.isValidUTF8 }) {
                position += 1
                diagnostics.invalidUTF8(line: invalid.number, format: format, skipping: "the question starting on line \(first.number)")
                continue
            }
            if first.trimmed.hasPrefix("$CATEGORY:") {
                category = GIFTImporter.category(first, diagnostics: &diagnostics)
                lines.removeFirst()
                guard !lines.isEmpty else { continue }
            }
            position += 1
            guard position <= ImportLimits.maxQuestions else {
                diagnostics.error(
                    "gift-too-many-questions",
                    "the file has more than \(ImportLimits.maxQuestions) questions; the rest are not read",
                    hint: "split it into several files",
                    at: SourceLocation(line: lines[0].number, column: lines[0].firstColumn)
                )
                break
            }
            let location = SourceLocation(line: lines[0].number, column: lines[0].firstColumn)
            let byteCount = lines.reduce(0) { $0 + $1.text.utf8.count }
            guard byteCount <= ImportLimits.maxQuestionBytes else {
                diagnostics.error(
                    "gift-question-too-long",
                    "the question is \(byteCount) bytes long; at most \(ImportLimits.maxQuestionBytes) are read",
                    hint: "check that questions are separated by blank lines",
                    at: location
                )
                continue
            }
            do {
                let parsed = try parser.parse(GIFTText(lines: lines.map { ($0.number, $0.text) }))
                for loss in parsed.losses { diagnostics.record(loss, at: location) }
                let id = identifiers.assign(name: parsed.name, position: position)
                items.append(parsed.item.json(id: id, language: language, category: category))
            } catch {
                diagnostics.record(error, at: location)
            }
        }
        return ImportResult(items: items, diagnostics: diagnostics.all)
    }

    /// The runs of non-blank lines, in order.
    static func blocks(of lines: [SourceLines.Line]) -> [[SourceLines.Line]] {
        var blocks: [[SourceLines.Line]] = []
        var current: [SourceLines.Line] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// The category set by a `$CATEGORY:` line (written as is: Moodle does not unescape it), or `nil`.
    private static func category(_ line: SourceLines.Line, diagnostics: inout ImportDiagnostics) -> String? {
        let path = String(line.trimmed.dropFirst("$CATEGORY:".count).trimmingWhiteSpace())
        guard path.count <= ImportLimits.maxCategoryLength else {
            diagnostics.error(
                "gift-category-too-long",
                "the category path is \(path.count) characters long; at most \(ImportLimits.maxCategoryLength) are kept",
                hint: "shorten the path; the questions that follow get no category",
                at: SourceLocation(line: line.number, column: line.firstColumn)
            )
            return nil
        }
        return path.isEmpty ? nil : path
    }
}

import AtelierKernel
import Foundation

/// Writes Atelier items as Moodle GIFT, in one language.
///
/// Single-choice, multiple-response, true-false, short-text, numeric and matching items are written with
/// their id as the question name (`::def-b01::`), their category as `$CATEGORY:` lines and their general
/// feedback after `####`. Ordering, Likert and case-analysis items have no GIFT form: each is skipped with a
/// loss sentence, as is anything else GIFT cannot hold (a numeric unit, a mark other than 1…).
///
/// ```swift
/// let result = GIFTExporter().export(items, language: "fr")
/// try result.data.write(to: URL(fileURLWithPath: "definitions.gift"))
/// result.losses.forEach { print($0) }
/// ```
public struct GIFTExporter: ContentExporter {
    /// Creates the exporter.
    public init() {}

    /// `gift`.
    public let format = "gift"
    /// Plain UTF-8 text.
    public let mediaType = "text/plain; charset=utf-8"

    /// Writes `items` in `language`.
    ///
    /// - Parameters:
    ///   - items: the items, in the order to write them.
    ///   - language: the one language written; items without text in it are skipped.
    /// - Returns: the GIFT text and one sentence per thing it could not carry.
    public func export(_ items: [Item], language: String) -> ExportResult {
        var blocks: [String] = ["// Exported from Atelier (language: \(language))\n"]
        var losses: [String] = []
        var currentCategory: String?
        var carriesMetadata = false
        for item in items {
            var writer = GIFTQuestionWriter(item: item, language: language)
            guard let question = writer.question() else {
                losses += writer.losses
                continue
            }
            losses += writer.losses
            if let category = item.category, category != currentCategory {
                let path = category.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                blocks.append("$CATEGORY: \(path)\n")
                currentCategory = category
            } else if item.category == nil, let currentCategory {
                losses.append("\(item.id): it has no category but follows items of category '\(currentCategory)'; GIFT readers will put it there.")
            }
            carriesMetadata = carriesMetadata || !item.objectives.isEmpty || item.sources?.isEmpty == false || item.externalId != nil
            blocks.append(question)
        }
        if carriesMetadata {
            losses.append("Objectives, sources and external ids are not exported: GIFT has no place for them.")
        }
        return ExportResult(data: Data(blocks.joined(separator: "\n").utf8), losses: losses)
    }
}

import AtelierKernel
import Foundation

/// Writes Atelier items as a Moodle XML question file (`<quiz>`), for Moodle's question bank import.
///
/// A `category` question starts each distinct item category (items without one come first, into the
/// category chosen at import). Each item becomes a question named by its id, with `<idnumber>` its
/// `externalId` (else its id), `<defaultgrade>` its points and `<generalfeedback>` its feedback:
/// - single-choice and multiple-response as `multichoice` (right 100%, wrong 0%; for multiple response
///   each right answer an equal share and each wrong one an equal negative share, so that choosing every
///   wrong answer gives −100%);
/// - true-false as `truefalse`, short-text as `shortanswer`, numeric as `numerical` (its unit as unit 1,
///   not graded), matching as `matching` (distractor targets as subquestions with an empty text), and
///   ordering as `ordering` (qtype_ordering; positions → ABSOLUTE_POSITION, adjacent-pairs →
///   RELATIVE_NEXT_EXCLUDE_LAST, all-or-nothing → ALL_OR_NOTHING).
///
/// Likert and case-analysis items have no Moodle equivalent: they are skipped, and said so in the losses.
///
/// Texts are written in `language`. With `language` set to ``multilang``, a text with several languages
/// is written as `<span lang="fr" class="multilang">…</span><span lang="en" class="multilang">…</span>…`
/// (fr, en, ar first), which Moodle's `filter_multilang` shows in the reader's language. Short answers,
/// which Moodle matches as typed, are always written for every language, each `<answer>` marked with an
/// `xml:lang` attribute: Moodle ignores it and accepts an answer in any language, as Atelier does, and
/// Atelier's importer reads the language back.
///
/// ```swift
/// let result = MoodleXMLExporter().export(items, language: "fr")
/// try result.data.write(to: URL(fileURLWithPath: "questions.xml"))
/// ```
public struct MoodleXMLExporter: ContentExporter {
    /// The `language` that writes every language as multilang blocks.
    public static let multilang = "multilang"

    /// The format's name in the registry: `moodle-xml`.
    public let format = "moodle-xml"
    /// The media type of the file written.
    public let mediaType = "application/xml"

    /// Creates the exporter.
    public init() {}

    /// Converts items into a Moodle XML file.
    ///
    /// - Parameters:
    ///   - items: the items, in the order to write them (grouped by category).
    ///   - language: the language of the texts, or ``multilang`` for all of them.
    /// - Returns: the XML (UTF-8) and a sentence for each kind of loss, naming the items concerned.
    public func export(_ items: [Item], language: String) -> ExportResult {
        var losses = MoodleExportLosses(language: language)
        var writer = XMLWriter()
        let renderer = MoodleTextRenderer(language: language)
        writer.open("quiz")
        writer.comment("Written by Atelier in \(renderer.isMultilang ? "every language, as multilang blocks" : "'\(language)'").")
        var categories: [String?] = [nil]
        for item in items where !categories.contains(item.category) { categories.append(item.category) }
        for category in categories {
            let members = items.filter { $0.category == category }
            if let category, members.contains(where: { MoodleQuestionWriter.exportedTypes.contains($0.type) }) {
                writer.open("question", [("type", "category")])
                writer.open("category")
                writer.element("text", category)
                writer.close("category")
                writer.open("info", [("format", "moodle_auto_format")])
                writer.element("text", "")
                writer.close("info")
                writer.close("question")
            }
            for item in members {
                guard MoodleQuestionWriter.exportedTypes.contains(item.type) else {
                    losses.skip(item.id, type: item.type)
                    continue
                }
                guard var question = MoodleQuestionWriter(item: item, renderer: renderer) else {
                    losses.record(.invalidBody, item.id)
                    continue
                }
                let removedBefore = writer.removedCharacters
                question.write(into: &writer)
                if writer.removedCharacters > removedBefore { losses.record(.removedCharacters, item.id) }
                for kind in question.losses { losses.record(kind, item.id) }
                if item.sources?.isEmpty == false { losses.record(.sources, item.id) }
                if !item.objectives.isEmpty { losses.record(.objectives, item.id) }
            }
        }
        writer.close("quiz")
        return ExportResult(data: Data(writer.output.utf8), losses: losses.sentences)
    }
}

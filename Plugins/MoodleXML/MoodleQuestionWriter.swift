import AtelierKernel
import Foundation

/// Writes one Atelier item as a Moodle XML `<question>`, noting what it loses.
struct MoodleQuestionWriter {
    /// The item types Moodle XML can carry.
    static let exportedTypes: Set<String> = ["single-choice", "multiple-response", "true-false", "short-text", "numeric", "matching", "ordering"]

    /// An item's body, read.
    enum Content {
        /// Choices, the indices of the right ones, and whether only one is right.
        case choices([LocalizedText], right: [Int], single: Bool)
        /// Whether the statement is true.
        case trueFalse(Bool)
        /// Accepted answers per language.
        case shortText([String: [String]])
        /// The value, its tolerance and its unit.
        case numeric(answer: Double, tolerance: Double, unit: LocalizedText?)
        /// Premises, targets and each premise's target index.
        case matching(premises: [LocalizedText], targets: [LocalizedText], pairs: [Int])
        /// The elements in the right order, and the scoring rule.
        case ordering([LocalizedText], scoring: String)
    }

    /// The item.
    let item: Item
    /// How texts are written.
    let renderer: MoodleTextRenderer
    /// The body, read.
    let content: Content
    /// What this item loses.
    private(set) var losses: [MoodleExportLosses.Kind] = []

    /// Reads `item`'s body; nil when it does not have the shape of its type.
    init?(item: Item, renderer: MoodleTextRenderer) {
        self.item = item
        self.renderer = renderer
        guard let content = MoodleQuestionWriter.content(of: item) else { return nil }
        self.content = content
    }

    // MARK: - Writing

    /// Writes the question.
    mutating func write(into writer: inout XMLWriter) {
        writer.open("question", [("type", moodleType)])
        writer.open("name")
        writer.element("text", item.id)
        writer.close("name")
        htmlField("questiontext", item.prompt, into: &writer)
        htmlField("generalfeedback", item.feedback ?? LocalizedText([:]), into: &writer)
        writer.element("defaultgrade", MoodleQuestionWriter.number(item.weight))
        writer.element("hidden", "0")
        writer.element("idnumber", item.externalId ?? item.id)
        switch content {
        case .choices(let choices, let right, let single):
            writeChoices(choices, right: right, single: single, into: &writer)
        case .trueFalse(let value):
            for (text, isRight) in [("true", value), ("false", !value)] {
                plainAnswer(fraction: isRight ? "100" : "0", text: text, into: &writer)
            }
        case .shortText(let accepted):
            writeShortAnswers(accepted, into: &writer)
        case .numeric(let answer, let tolerance, let unit):
            writeNumeric(answer: answer, tolerance: tolerance, unit: unit, into: &writer)
        case .matching(let premises, let targets, let pairs):
            writeMatching(premises: premises, targets: targets, pairs: pairs, into: &writer)
        case .ordering(let elements, let scoring):
            writeOrdering(elements, scoring: scoring, into: &writer)
        }
        writer.close("question")
    }

    private var moodleType: String {
        switch content {
        case .choices: "multichoice"
        case .trueFalse: "truefalse"
        case .shortText: "shortanswer"
        case .numeric: "numerical"
        case .matching: "matching"
        case .ordering: "ordering"
        }
    }

    private mutating func writeChoices(_ choices: [LocalizedText], right: [Int], single: Bool, into writer: inout XMLWriter) {
        writer.element("single", single ? "true" : "false")
        writer.element("shuffleanswers", "true")
        writer.element("answernumbering", "abc")
        losses.append(.optionIDs)
        let wrongCount = choices.count - right.count
        for (index, choice) in choices.enumerated() {
            let fraction: Double
            if single {
                fraction = right.contains(index) ? 100 : 0
            } else {
                fraction = right.contains(index) ? 100 / Double(right.count) : (wrongCount > 0 ? -100 / Double(wrongCount) : 0)
            }
            writer.open("answer", [("fraction", MoodleQuestionWriter.fraction(fraction)), ("format", "html")])
            writer.element("text", html(choice))
            emptyFeedback(into: &writer)
            writer.close("answer")
        }
    }

    /// Writes the accepted answers of every language, the written language first, each marked with
    /// `xml:lang` (Moodle ignores the attribute and accepts every answer, as Atelier does; Atelier's
    /// importer reads the language back).
    private mutating func writeShortAnswers(_ accepted: [String: [String]], into writer: inout XMLWriter) {
        writer.element("usecase", "0")
        let first = renderer.isMultilang ? [] : [renderer.language]
        let order = first + MoodleTextRenderer.preferredOrder
        let languages =
            order.filter { accepted[$0] != nil }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            + accepted.keys.filter { !order.contains($0) }.sorted()
        if !renderer.isMultilang, accepted[renderer.language] == nil { losses.append(.missingLanguage) }
        for language in languages {
            for answer in accepted[language] ?? [] {
                // A * in a Moodle short answer is a wildcard; \* matches the character itself.
                plainAnswer(fraction: "100", text: answer.replacingOccurrences(of: "*", with: "\\*"), language: language, into: &writer)
            }
        }
    }

    private mutating func writeNumeric(answer: Double, tolerance: Double, unit: LocalizedText?, into writer: inout XMLWriter) {
        writer.open("answer", [("fraction", "100"), ("format", "moodle_auto_format")])
        writer.element("text", MoodleQuestionWriter.number(answer))
        writer.element("tolerance", MoodleQuestionWriter.number(tolerance))
        emptyFeedback(into: &writer)
        writer.close("answer")
        if let unit {
            let name = plain(unit)
            if name.contains("class=\"multilang\"") { losses.append(.multilangUnits) }
            writer.open("units")
            writer.open("unit")
            writer.element("multiplier", "1")
            writer.element("unit_name", name)
            writer.close("unit")
            writer.close("units")
        }
        writer.element("unitgradingtype", "0")
        writer.element("unitpenalty", "0.1000000")
        writer.element("showunits", unit == nil ? "3" : "0")
        writer.element("unitsleft", "0")
    }

    private mutating func writeMatching(premises: [LocalizedText], targets: [LocalizedText], pairs: [Int], into writer: inout XMLWriter) {
        writer.element("shuffleanswers", "true")
        losses.append(.optionIDs)
        var multilangTargets = false
        func subquestion(_ text: String, answer: LocalizedText, into writer: inout XMLWriter) {
            let answerText = plain(answer)
            multilangTargets = multilangTargets || answerText.contains("class=\"multilang\"")
            writer.open("subquestion", [("format", "html")])
            writer.element("text", text)
            writer.open("answer")
            writer.element("text", answerText)
            writer.close("answer")
            writer.close("subquestion")
        }
        for (premise, target) in zip(premises, pairs) {
            subquestion(html(premise), answer: targets[target], into: &writer)
        }
        for (index, target) in targets.enumerated() where !pairs.contains(index) {
            subquestion("", answer: target, into: &writer)
        }
        if multilangTargets { losses.append(.multilangTargets) }
    }

    private mutating func writeOrdering(_ elements: [LocalizedText], scoring: String, into writer: inout XMLWriter) {
        let grading =
            switch scoring {
            case "adjacent-pairs": "RELATIVE_NEXT_EXCLUDE_LAST"
            case "all-or-nothing": "ALL_OR_NOTHING"
            default: "ABSOLUTE_POSITION"
            }
        writer.element("layouttype", "VERTICAL")
        writer.element("selecttype", "ALL")
        writer.element("selectcount", String(elements.count))
        writer.element("gradingtype", grading)
        writer.element("showgrading", "SHOW")
        losses.append(.optionIDs)
        for (index, element) in elements.enumerated() {
            writer.open("answer", [("fraction", String(index + 1)), ("format", "html")])
            writer.element("text", html(element))
            writer.close("answer")
        }
    }

    private mutating func htmlField(_ name: String, _ text: LocalizedText, into writer: inout XMLWriter) {
        writer.open(name, [("format", "html")])
        writer.element("text", text.translations.isEmpty ? "" : html(text))
        writer.close(name)
    }

    private func plainAnswer(fraction: String, text: String, language: String? = nil, into writer: inout XMLWriter) {
        writer.open("answer", [("fraction", fraction), ("format", "moodle_auto_format")] + (language.map { [("xml:lang", $0)] } ?? []))
        writer.element("text", text)
        emptyFeedback(into: &writer)
        writer.close("answer")
    }

    private func emptyFeedback(into writer: inout XMLWriter) {
        writer.open("feedback", [("format", "html")])
        writer.element("text", "")
        writer.close("feedback")
    }

    private mutating func html(_ text: LocalizedText) -> String {
        let (value, missing) = renderer.html(text)
        if missing { losses.append(.missingLanguage) }
        return value
    }

    private mutating func plain(_ text: LocalizedText) -> String {
        let (value, missing) = renderer.plain(text)
        if missing { losses.append(.missingLanguage) }
        return value
    }

    /// A number as Moodle reads it: `1`, `2.5`.
    static func number(_ value: Double) -> String { JSONValue.number(value).serialized() }

    /// A Moodle answer fraction in percent, to 7 decimals as Moodle writes them: `100`, `33.3333333`, `-50`.
    static func fraction(_ value: Double) -> String {
        var text = String(format: "%.7f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
